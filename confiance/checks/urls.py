from django.urls import path

from confiance.checks import views

app_name = "checks"
urlpatterns = [
    path("<int:pk>/questionnaire/", views.questionnaire, name="questionnaire"),
    path("<int:pk>/aipd/", views.dpia_edit, name="dpia"),
    path("<int:pk>/aidf/", views.fria_edit, name="fria"),
    path("<int:pk>/base-ue/", views.eu_database_edit, name="eu_database"),
]
