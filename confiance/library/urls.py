from django.urls import path

from confiance.library import views, views_data, views_import, views_index, views_tokens

app_name = "library"
urlpatterns = [
    path("", views.home, name="home"),
    path("projets/<int:pk>/", views.project_detail, name="detail"),
    path("projets/<int:pk>/reutiliser/", views.project_reuse, name="reuse"),
    path("projets/<int:pk>/contact/", views.project_contact, name="contact"),
    path("projets/<int:pk>/retirer/", views.project_withdraw, name="withdraw"),
    path("partager/<int:system_pk>/", views.share, name="share"),
    path("boite/", views.inbox, name="inbox"),
    path("jetons/", views_tokens.token_list, name="tokens"),
    path("jetons/<int:pk>/revoquer/", views_tokens.token_revoke, name="token_revoke"),
    path("boite/demandes/<int:pk>/repondre/", views.contact_answer, name="answer"),
    path("flux.json", views_data.feed, name="feed"),
    path("importer/", views_import.import_upload, name="import"),
    path("importer/confirmer/", views_import.import_confirm, name="import_confirm"),
    path("flux/contact/<str:origin_id>/", views_data.feed_contact, name="feed_contact"),
    path("export/interconnectes.csv", views_data.export_interconnectes, name="export"),
    path("api/projets", views_data.api_projects, name="api-projects"),
    path("api/projets/<int:pk>", views_data.api_project, name="api-project"),
    path("index-semantique/", views_index.index_status, name="index"),
    path("index-semantique/vectoriser/", views_index.index_embed, name="index_embed"),
]
