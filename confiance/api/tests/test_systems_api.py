import json

import pytest

from confiance.accounts.models import ApiToken
from confiance.core.concurrency import version_of
from confiance.register.models import AISystem
from tests.factories import make_system

pytestmark = pytest.mark.django_db


def _auth(person):
    _, raw = ApiToken.issue(person, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_it_publishes_its_openapi_document(client):
    assert client.get("/api/docs").status_code == 200
    schema = client.get("/api/openapi.json").json()
    assert {"/api/systems", "/api/systems/{system_id}"} <= set(schema["paths"])
    assert "BearerToken" in json.dumps(schema["components"])


def test_it_requires_a_token(client, cast):
    assert client.get("/api/systems").status_code == 401
    assert client.get("/api/systems", HTTP_AUTHORIZATION="Bearer faux").status_code == 401


def test_it_lists_only_what_the_caller_may_read_with_filters(client, cast):
    make_system(cast.org, name="Fuites d'eau", domain="water")
    make_system(cast.other_org, name="Fuites ailleurs", domain="water")
    body = client.get("/api/systems", {"q": "FUITES"}, **_auth(cast.dpo)).json()
    assert [item["name"] for item in body["items"]] == ["Fuites d'eau"]
    assert body["count"] == 1
    body = client.get("/api/systems", {"domain": "waste"}, **_auth(cast.dpo)).json()
    assert [item["name"] for item in body["items"]] == ["Collecte des déchets"]


def test_it_creates_a_draft_with_the_screens_rules(client, cast):
    payload = {"organisation": cast.org.slug, "name": "Assistant", "public_summary": "Répond aux questions.",
               "purpose": "Informer.", "domain": "user_relations", "technique": "generative",
               "citizen_facing": True, "service_id": cast.service.pk}
    response = client.post("/api/systems", json.dumps(payload), content_type="application/json", **_auth(cast.agent))
    assert response.status_code == 201, response.content
    system = AISystem.objects.get(pk=response.json()["id"])
    assert system.status == "draft" and system.citizen_facing and system.created_by == cast.agent
    assert system.history.first().history_user == cast.agent


def test_it_refuses_a_system_that_decides_alone_in_french(client, cast):
    payload = {"organisation": cast.org.slug, "name": "Score", "public_summary": "R", "purpose": "P",
               "domain": "solidarity", "technique": "statistical_ml", "decision_role": "decides_alone"}
    before = AISystem.objects.count()
    response = client.post("/api/systems", json.dumps(payload), content_type="application/json", **_auth(cast.agent))
    assert response.status_code == 422
    body = response.json()
    assert "rien" in body["message"] or "pas enregistré" in body["message"]
    assert "art. 22" in body["errors"]["decision_role"][0]
    assert AISystem.objects.count() == before


def _if_match(system):
    return {"HTTP_IF_MATCH": f'"{version_of(system)}"'}


def test_it_patches_only_the_given_fields(client, cast):
    response = client.patch(f"/api/systems/{cast.system.pk}", json.dumps({"vendor": "Régie"}),
                            content_type="application/json", **_auth(cast.steward), **_if_match(cast.system))
    assert response.status_code == 200
    cast.system.refresh_from_db()
    assert cast.system.vendor == "Régie" and cast.system.name == "Collecte des déchets"


def test_it_rejects_a_malformed_payload_without_changing_anything(client, cast):
    response = client.patch(f"/api/systems/{cast.system.pk}", json.dumps({"team_size": "beaucoup"}),
                            content_type="application/json", **_auth(cast.steward), **_if_match(cast.system))
    assert response.status_code == 422
    assert "team_size" in json.dumps(response.json()["errors"])
    cast.system.refresh_from_db()
    assert cast.system.team_size is None


def test_it_reads_and_changes_the_publication_fields(client, cast):
    body = client.patch(f"/api/systems/{cast.system.pk}", json.dumps({
        "proportionality": "Les capteurs évitent des trajets inutiles.", "revision_on": "2027-01-15",
        "use_type": "prescriptive", "decisions_per_year": 0,
    }), content_type="application/json", **_auth(cast.steward), **_if_match(cast.system)).json()
    assert body["proportionality"].startswith("Les capteurs") and body["revision_on"] == "2027-01-15"
    cast.system.refresh_from_db()
    assert cast.system.use_type == "prescriptive" and cast.system.decisions_per_year == 0
    refused = client.patch(f"/api/systems/{cast.system.pk}", json.dumps({"use_type": "magique"}),
                           content_type="application/json", **_auth(cast.steward), **_if_match(cast.system))
    assert refused.status_code == 422 and "use_type" in refused.json()["errors"]
    schema = client.get("/api/openapi.json").json()["components"]["schemas"]["AISystemOut"]["properties"]
    assert {"legal_basis", "objection_procedure", "revision_on", "contact_email"} <= set(schema)
