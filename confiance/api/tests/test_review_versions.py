"""Issue 15, finding 1 in the review API: ETag / If-Match on every object a client changes (sessions,
experimentations, approved tools), documented in the OpenAPI document, and concurrent changes of
different fields all kept."""

import json

import pytest

from confiance.accounts.models import ApiToken
from confiance.core.concurrency import version_of
from confiance.review.models import ApprovedTool, Experiment, Session
from confiance.review.tests.helpers import make_committee, make_experiment

pytestmark = pytest.mark.django_db


def _auth(person):
    _, raw = ApiToken.issue(person, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def _send(client, method, url, payload, person, if_match=None):
    headers = {"HTTP_IF_MATCH": if_match} if if_match is not None else {}
    return getattr(client, method)(url, json.dumps(payload), content_type="application/json", **_auth(person),
                                   **headers)


@pytest.fixture
def session(cast):
    committee = make_committee(cast.org, "internal", [cast.committee])
    return Session.objects.create(committee=committee, held_on="2030-03-12", place="Salle 1")


@pytest.fixture
def tool(cast):
    return ApprovedTool.objects.create(organisation=cast.org, name="Albert", vendor="DINUM", hosting_country="FR",
                                       allowed_uses="Résumer", forbidden_data="Données de santé")


def test_it_documents_if_match_412_and_428_on_every_review_change(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    for path, method in (("/api/review/sessions/{session_id}", "patch"), ("/api/review/tools/{tool_id}", "patch"),
                         ("/api/review/systems/{system_id}/experiment", "put")):
        operation = paths[path][method]
        assert {"412", "428"} <= set(operation["responses"]), path
        assert "If-Match" in [p["name"] for p in operation["parameters"]], path
        assert "ETag" in operation["responses"]["200"]["headers"], path


def test_it_refuses_a_session_change_without_or_with_an_old_if_match(client, cast, session):
    url = f"/api/review/sessions/{session.pk}"
    read = client.get(url, **_auth(cast.committee))
    assert read["ETag"] == f'"{version_of(session)}"'
    missing = _send(client, "patch", url, {"place": "Salle 2"}, cast.committee)
    assert missing.status_code == 428 and "If-Match" in missing.json()["errors"]
    assert _send(client, "patch", url, {"place": "Salle 2"}, cast.committee, read["ETag"]).status_code == 200
    stale = _send(client, "patch", url, {"place": "Salle 3"}, cast.committee, read["ETag"])
    assert stale.status_code == 412 and stale["ETag"] == f'"{version_of(session)}"'
    assert "rien n'a été enregistré" in stale.json()["message"]
    session.refresh_from_db()
    assert session.place == "Salle 2"


def test_it_keeps_every_field_of_successive_tool_patches_and_records_no_revert(client, cast, tool):
    url = f"/api/review/tools/{tool.pk}"
    etag = client.get(url, **_auth(cast.committee))["ETag"]
    for field, value in (("conditions", "Relire chaque réponse."), ("vendor", "Etalab"), ("allowed_uses", "Traduire")):
        response = _send(client, "patch", url, {field: value}, cast.committee, etag)
        assert response.status_code == 200, response.content
        etag = response["ETag"]
    tool.refresh_from_db()
    assert (tool.conditions, tool.vendor, tool.allowed_uses) == ("Relire chaque réponse.", "Etalab", "Traduire")
    assert [h.vendor for h in tool.history.order_by("history_id")] == ["DINUM", "DINUM", "Etalab", "Etalab"]
    assert _send(client, "patch", url, {"vendor": "X"}, cast.committee, '"1"').status_code == 412


def test_it_asks_if_match_once_an_experimentation_exists(client, cast):
    url = f"/api/review/systems/{cast.system.pk}/experiment"
    assert client.get(url, **_auth(cast.agent)).status_code == 404
    created = _send(client, "put", url, {"volunteer_count": 4, "starts_on": "2025-01-06",
                                        "ends_on": "2025-03-28", "criteria": "Utilité"}, cast.agent)
    assert created.status_code == 200, created.content
    assert _send(client, "put", url, {"volunteer_count": 6}, cast.agent).status_code == 428
    assert _send(client, "put", url, {"volunteer_count": 6}, cast.agent, created["ETag"]).status_code == 200
    assert _send(client, "put", url, {"volunteer_count": 9}, cast.agent, created["ETag"]).status_code == 412
    assert Experiment.objects.get(system=cast.system).volunteer_count == 6


def test_it_reads_the_current_experimentation_with_its_etag(client, cast):
    experiment = make_experiment(cast.system, evaluated=False)
    read = client.get(f"/api/review/systems/{cast.system.pk}/experiment", **_auth(cast.agent))
    assert read.status_code == 200 and read.json()["id"] == experiment.pk
    assert read["ETag"] == f'"{version_of(experiment)}"'
