"""The site's URL map: one include per capability."""

from django.contrib import admin
from django.urls import include, path

from confiance.accounts import oidc
from confiance.api.api import api
from confiance.core import views as core_views
from confiance.core.health import health

admin.site.site_header = "Confiance — administration"
admin.site.site_title = "Confiance"
handler400 = "confiance.core.views.bad_request"

urlpatterns = [
    path("", core_views.home, name="home"),
    path("connexion/", oidc.LoginView.as_view(), name="login"),
    path("connexion/proconnect/", oidc.proconnect_login, name="proconnect_login"),
    path("connexion/proconnect/retour/", oidc.proconnect_callback, name="proconnect_callback"),
    path("deconnexion/", oidc.logout, name="logout"),
    path("compte/", include("confiance.accounts.urls")),
    path("registre/", include("confiance.register.urls")),
    path("bibliotheque/", include("confiance.library.urls")),
    path("registre/controles/", include("confiance.checks.urls")),
    path("registre/audits/", include("confiance.audits.urls")),
    path("instruction/", include("confiance.review.urls")),
    path("public/", include("confiance.public.urls")),
    path("taches/", include("confiance.jobs.urls")),
    path("archives/", include("confiance.portability.urls")),
    path("catalogue/", include("confiance.catalogue.urls")),
    path("donnees-ouvertes/", include("confiance.catalogue.urls_public")),
    path("api/", api.urls),
    path("sante/", health, name="health"),
    path("admin/", admin.site.urls),
]
# Uploaded and produced files (DPIAs, minutes, archives, reports) are never served from MEDIA_URL, not even
# by the development server: each is served by a view that asks the permission rule first.
