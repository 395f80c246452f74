"""Revoking a feed token takes a confirmation page and a reason, kept in its history."""

import pytest
from django.urls import reverse

from confiance.library.models import FeedToken


def test_it_revokes_a_token_only_after_a_confirmation_with_a_reason(client, lib):
    token, raw = FeedToken.issue(lib.source_org, "Hub régional")
    client.force_login(lib.source_admin)
    assert "Hub régional" in client.get(reverse("library:tokens")).content.decode()
    url = reverse("library:token_revoke", args=[token.pk])
    assert "Révoquer le jeton" in client.get(url).content.decode()
    client.post(url, {"reason": ""})
    token.refresh_from_db()
    assert not token.revoked
    client.post(url, {"reason": "Le hub a fermé"})
    token.refresh_from_db()
    assert token.revoked and token.history.first().history_change_reason == "Révocation : Le hub a fermé"
    assert FeedToken.tier_for(raw) == 1


@pytest.mark.parametrize("who", ["source_agent", "outsider"])
def test_it_refuses_revocation_to_who_does_not_administer_the_organisation(client, lib, who):
    token, _ = FeedToken.issue(lib.source_org, "Hub régional")
    client.force_login(getattr(lib, who))
    assert client.post(reverse("library:token_revoke", args=[token.pk]), {"reason": "x"}).status_code == 404
    token.refresh_from_db()
    assert not token.revoked
