from django.urls import path

from confiance.portability import views

app_name = "portability"
urlpatterns = [
    path("importer/", views.import_archive_view, name="import"),
]
