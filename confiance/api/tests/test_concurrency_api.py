"""Regression tests for finding 1 of issue 15 on the API: ETag, If-Match, PATCH of named fields only."""

import json

import pytest

from confiance.accounts.models import ApiToken
from confiance.register.models import AISystem

pytestmark = pytest.mark.django_db


def _auth(person):
    _, raw = ApiToken.issue(person, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def _patch(client, system, body, auth, etag=None):
    extra = {"HTTP_IF_MATCH": etag} if etag is not None else {}
    return client.patch(f"/api/systems/{system.pk}", json.dumps(body), content_type="application/json",
                        **auth, **extra)


def test_it_gives_the_version_as_an_etag(client, cast):
    auth = _auth(cast.steward)
    response = client.get(f"/api/systems/{cast.system.pk}", **auth)
    first = response["ETag"]
    assert first.startswith('"')
    changed = _patch(client, cast.system, {"vendor": "Régie"}, auth, first)
    assert changed.status_code == 200 and changed["ETag"] != first
    assert client.get(f"/api/systems/{cast.system.pk}", **auth)["ETag"] == changed["ETag"]


def test_it_requires_if_match_on_patch(client, cast):
    response = _patch(client, cast.system, {"vendor": "Régie"}, _auth(cast.steward))
    assert response.status_code == 428
    assert "If-Match" in response.json()["errors"]
    cast.system.refresh_from_db()
    assert cast.system.vendor == ""


def test_it_refuses_a_patch_over_a_newer_version_with_412(client, cast):
    auth = _auth(cast.steward)
    etag = client.get(f"/api/systems/{cast.system.pk}", **auth)["ETag"]
    assert _patch(client, cast.system, {"vendor": "Régie"}, auth, etag).status_code == 200
    stale = _patch(client, cast.system, {"product": "Tournées"}, auth, etag)
    assert stale.status_code == 412
    assert "modifiée depuis votre lecture" in stale.json()["message"]
    cast.system.refresh_from_db()
    assert (cast.system.vendor, cast.system.product) == ("Régie", "")


def test_it_keeps_every_one_of_twenty_patches_on_different_fields(client, cast):
    """Twenty writers, each on its own field, each retrying on 412: all twenty land, none reverted."""
    auth = _auth(cast.steward)
    fields = ["vendor", "product", "model_name", "hosting_provider", "datasets_used", "human_oversight",
              "citizen_benefit", "agent_support"]
    pending = {f"{name}": f"valeur {i}" for i, name in enumerate(fields)}
    etags = {name: client.get(f"/api/systems/{cast.system.pk}", **auth)["ETag"] for name in pending}
    statuses = []
    while pending:
        for name in list(pending):
            response = _patch(client, cast.system, {name: pending[name]}, auth, etags[name])
            statuses.append(response.status_code)
            if response.status_code == 200:
                del pending[name]
            else:
                etags[name] = client.get(f"/api/systems/{cast.system.pk}", **auth)["ETag"]
    assert set(statuses) == {200, 412}
    system = AISystem.objects.get(pk=cast.system.pk)
    assert all(getattr(system, name) == f"valeur {i}" for i, name in enumerate(fields))
    # Every history row keeps what the earlier ones wrote: no revert anywhere.
    rows = list(system.history.order_by("history_id"))
    for before, after in zip(rows, rows[1:], strict=False):
        changed = [n for n in fields if getattr(before, n) != getattr(after, n)]
        assert len(changed) == 1 and getattr(after, changed[0]) != ""


def test_it_documents_etag_if_match_412_and_428(client):
    schema = client.get("/api/openapi.json").json()
    patch = schema["paths"]["/api/systems/{system_id}"]["patch"]
    assert {"412", "428"} <= set(patch["responses"])
    assert any(p["name"] == "If-Match" and p["in"] == "header" for p in patch["parameters"])
    assert "ETag" in patch["responses"]["200"]["headers"]
