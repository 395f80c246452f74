from django.urls import path

from confiance.jobs import views

app_name = "jobs"
urlpatterns = [
    path("", views.job_list, name="list"),
    path("<int:pk>/", views.job_detail, name="detail"),
    path("<int:pk>/fichier/", views.job_download, name="download"),
    path("<int:pk>/annuler/", views.job_cancel, name="cancel"),
]
