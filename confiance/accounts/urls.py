from django.urls import path

from confiance.accounts import views

app_name = "accounts"

urlpatterns = [
    path("jetons/", views.token_list, name="tokens"),
    path("jetons/<int:pk>/revoquer/", views.token_revoke, name="token_revoke"),
]
