from django.urls import path

from confiance.checks import charter_views, dpo_views, views

app_name = "checks"
urlpatterns = [
    path("<int:pk>/questionnaire/", views.questionnaire, name="questionnaire"),
    path("<int:pk>/questionnaire/<slug:slug>/", views.questionnaire_section, name="section"),
    path("<int:pk>/deductions/<slug:code>/contester/", views.contest, name="contest"),
    path("<int:pk>/deductions/<slug:code>/retirer/", views.contest_withdraw, name="contest_withdraw"),
    path("<int:pk>/aipd/valider/", views.dpia_validate, name="dpia_validate"),
    path("dpo/", dpo_views.dpo, name="dpo"),
    path("<int:pk>/aipd/", views.dpia_edit, name="dpia"),
    path("<int:pk>/aidf/", views.fria_edit, name="fria"),
    path("<int:pk>/base-ue/", views.eu_database_edit, name="eu_database"),
    path("charte/", charter_views.charter_index, name="charter_index"),
    path("charte/<slug:slug>/", charter_views.charter_detail, name="charter"),
    path("charte/<slug:slug>/adopter/", charter_views.charter_adopt, name="charter_adopt"),
]
