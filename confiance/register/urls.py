from django.urls import path

from confiance.register import views, views_files

app_name = "register"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("systemes/", views.system_list, name="list"),
    path("systemes/nouveau/", views.system_create, name="create"),
    path("systemes/<int:pk>/", views.system_detail, name="detail"),
    path("systemes/<int:pk>/modifier/", views.system_edit, name="edit"),
    path("systemes/<int:pk>/retirer/", views.system_retire, name="retire"),
    path("systemes/<int:pk>/historique/", views.system_timeline, name="timeline"),
    path("export/<slug:slug>/", views.organisation_export, name="export"),
    path("systemes/export.<str:fmt>", views_files.systems_export, name="systems_export"),
    path("systemes/importer/", views_files.systems_import, name="import"),
    path("systemes/importer/<slug:slug>/confirmer/", views_files.systems_import_confirm, name="import_confirm"),
]
