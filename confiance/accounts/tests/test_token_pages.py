"""Mes jetons d'API: who sees which tokens, and revocation after a confirmation with a reason, kept in history."""

import pytest
from django.test import Client
from django.urls import reverse

from confiance.accounts.models import ApiToken
from tests.factories import make_person


def _api_status(raw):
    return Client().get("/api/systems", HTTP_AUTHORIZATION=f"Bearer {raw}").status_code


def test_a_person_sees_their_own_tokens_and_not_a_colleagues(client, cast):
    ApiToken.issue(cast.agent, "Script de l'agent")
    ApiToken.issue(cast.other_agent, "Script du collègue")
    client.force_login(cast.agent)
    page = client.get(reverse("accounts:tokens")).content.decode()
    assert "Script de l&#x27;agent" in page and "Script du collègue" not in page
    assert "Jetons des personnes de vos organisations" not in page


def test_an_admin_sees_the_tokens_of_their_organisations_people_only(client, cast):
    ApiToken.issue(cast.agent, "Script de l'agent")
    ApiToken.issue(cast.stranger, "Script étranger")
    ApiToken.issue(make_person(cast.other_org, ["agent"]), "Script de l'autre ville")
    client.force_login(cast.admin)
    page = client.get(reverse("accounts:tokens")).content.decode()
    assert "Script de l&#x27;agent" in page
    assert "Script étranger" not in page and "Script de l&#x27;autre ville" not in page


def test_the_header_and_the_admins_home_link_to_the_page(client, cast):
    client.force_login(cast.agent)
    home = client.get(reverse("home")).content.decode()
    assert home.count(reverse("accounts:tokens")) == 2  # the wide header and the narrow menu
    client.force_login(cast.admin)
    assert "Jetons d'API des personnes de vos organisations" in client.get(reverse("home")).content.decode()


def test_revoking_needs_a_reason_and_a_get_never_revokes(client, cast):
    token, raw = ApiToken.issue(cast.agent, "Script")
    client.force_login(cast.agent)
    url = reverse("accounts:token_revoke", args=[token.pk])
    page = client.get(url).content.decode()
    assert "ne peut pas être annulée" in page and "dès maintenant" in page
    response = client.post(url, {"reason": "  "})
    assert "Indiquez le motif" in response.content.decode()
    token.refresh_from_db()
    assert token.revoked_at is None and token.history.count() == 1
    assert _api_status(raw) == 200


def test_a_revoked_token_no_longer_opens_the_api_and_history_keeps_the_reason(client, cast):
    token, raw = ApiToken.issue(cast.agent, "Script")
    assert _api_status(raw) == 200
    client.force_login(cast.admin)
    response = client.post(reverse("accounts:token_revoke", args=[token.pk]), {"reason": "Ordinateur volé"})
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None and token.revoked_by == cast.admin and token.revoke_reason == "Ordinateur volé"
    version = token.history.first()
    assert version.history_change_reason == "Révocation : Ordinateur volé" and version.history_user == cast.admin
    assert ApiToken.person_for(raw) is None and _api_status(raw) == 401
    client.force_login(cast.agent)
    assert "révoqué" in client.get(reverse("accounts:tokens")).content.decode()
    assert client.get(reverse("accounts:token_revoke", args=[token.pk])).status_code == 404


@pytest.mark.parametrize("who", ["other_agent", "dpo", "stranger"])
def test_who_may_not_revoke_gets_a_404_and_nothing_changes(client, cast, who):
    token, raw = ApiToken.issue(cast.agent, "Script")
    client.force_login(getattr(cast, who))
    url = reverse("accounts:token_revoke", args=[token.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"reason": "x"}).status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None and _api_status(raw) == 200


def test_the_page_needs_a_signed_in_person(client, db):
    assert client.get(reverse("accounts:tokens")).status_code == 302


def test_a_person_creates_a_token_for_themselves_and_sees_the_secret_once(client, cast):
    client.force_login(cast.agent)
    url = reverse("accounts:tokens")
    assert "Nommez le jeton" in client.post(url, {"name": ""}).content.decode()
    assert not ApiToken.objects.exists()
    page = client.post(url, {"name": "Export mensuel"}).content.decode()
    token = ApiToken.objects.get()
    assert token.person == cast.agent and token.name == "Export mensuel"
    raw = page.split('<code class="secret">')[1].split("</code>")[0]
    assert ApiToken.person_for(raw) == cast.agent and _api_status(raw) == 200
    assert raw not in client.get(url).content.decode()
