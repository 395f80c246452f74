"""The Content-Security-Policy lets this site's forms lead to the configured sign-in provider, and only to it."""

import pytest

pytestmark = pytest.mark.django_db


def _form_action(client, path="/connexion/"):
    policy = client.get(path)["Content-Security-Policy"]
    return next(d for d in policy.split(";") if d.strip().startswith("form-action")).split()[1:]


def test_it_allows_forms_to_lead_to_the_provider_s_origin_only(client, settings):
    settings.OIDC_DISCOVERY_URL = "https://auth.example.gouv.fr:8443/api/v2/.well-known/openid-configuration"
    settings.OIDC_CLIENT_ID = "confiance"
    assert _form_action(client) == ["'self'", "https://auth.example.gouv.fr:8443"]
    assert "unsafe-inline" not in client.get("/connexion/")["Content-Security-Policy"]


def test_it_keeps_forms_on_this_site_without_a_provider(client, settings):
    settings.OIDC_DISCOVERY_URL = ""
    assert _form_action(client) == ["'self'"]
