from django.urls import path

from confiance.catalogue import views, views_harvest, views_signals

app_name = "catalogue"
urlpatterns = [
    path("", views_signals.dashboard, name="dashboard"),
    path("jeux/", views.dataset_list, name="list"),
    path("jeux/nouveau/", views.dataset_create, name="create"),
    path("jeux/<int:pk>/", views.dataset_detail, name="detail"),
    path("jeux/<int:pk>/modifier/", views.dataset_edit, name="edit"),
    path("jeux/<int:pk>/champs/", views.dataset_fields, name="fields"),
    path("jeux/<int:pk>/examen/", views.review_decide, name="decide"),
    path("a-examiner/", views.review_queue, name="review"),
    path("systemes/<int:system_pk>/lier/", views.system_link, name="link"),
    path("usages/<int:pk>/supprimer/", views.use_delete, name="use_delete"),
    path("import/", views_harvest.import_catalogue, name="import"),
    path("moissonnages/", views_harvest.harvest_list, name="harvests"),
    path("moissonnages/<int:pk>/", views_harvest.harvest_detail, name="harvest"),
    path("moissonnages/<int:pk>/lancer/", views_harvest.harvest_run, name="harvest_run"),
    path("journal/", views_harvest.import_logs, name="logs"),
    path("signaux.csv", views_signals.signals_export, name="signals_csv"),
    path("signaux/recalculer/", views_signals.signals_refresh, name="signals_refresh"),
]
