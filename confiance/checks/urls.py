from django.urls import path

from confiance.checks import charter_views, views

app_name = "checks"
urlpatterns = [
    path("<int:pk>/questionnaire/", views.questionnaire, name="questionnaire"),
    path("<int:pk>/aipd/", views.dpia_edit, name="dpia"),
    path("<int:pk>/aidf/", views.fria_edit, name="fria"),
    path("<int:pk>/base-ue/", views.eu_database_edit, name="eu_database"),
    path("charte/", charter_views.charter_index, name="charter_index"),
    path("charte/<slug:slug>/", charter_views.charter_detail, name="charter"),
    path("charte/<slug:slug>/adopter/", charter_views.charter_adopt, name="charter_adopt"),
]
