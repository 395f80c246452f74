"""The review through the API: the screens' forms, permission rule and transitions."""

import json

import pytest

from confiance.accounts.models import ApiToken
from confiance.review.models import ApprovedTool, Condition, Declaration, Notification, Opinion, Referral, Session
from confiance.review.tests.helpers import make_committee, make_experiment, make_opinion, make_referral

pytestmark = pytest.mark.django_db


def _auth(person):
    _, raw = ApiToken.issue(person, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def _post(client, url, payload, person, method="post", **headers):
    return getattr(client, method)(url, json.dumps(payload), content_type="application/json", **_auth(person),
                                   **headers)


@pytest.fixture
def committees(cast):
    return make_committee(cast.org, "internal", [cast.committee]), make_committee(cast.org, "ethics", [cast.ethics])


def test_it_documents_the_review_in_openapi(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {"/api/review/referrals", "/api/review/systems/{system_id}/decisions", "/api/review/declarations",
            "/api/review/sessions/{session_id}", "/api/review/tools"} <= set(paths)
    assert "review" in paths["/api/review/referrals"]["get"]["tags"]


def test_it_refers_a_record_and_tells_the_committee(client, cast, committees):
    internal, _ = committees
    payload = {"committee_id": internal.pk, "question": "Utile ?", "deadline": "2030-06-01"}
    assert _post(client, f"/api/review/systems/{cast.system.pk}/referrals", payload, cast.agent).status_code == 403
    response = _post(client, f"/api/review/systems/{cast.system.pk}/referrals", payload, cast.committee)
    assert response.status_code == 201, response.content
    referral = Referral.objects.get(pk=response.json()["id"])
    assert referral.referred_by == cast.committee and referral.history.first().history_user == cast.committee
    assert Notification.objects.filter(person=cast.committee, kind="referral").exists()


def test_it_refuses_a_committee_of_another_organisation_in_french(client, cast, committees):
    foreign = make_committee(cast.other_org, "internal", [cast.stranger])
    payload = {"committee_id": foreign.pk, "question": "Utile ?", "deadline": "2030-06-01"}
    response = _post(client, f"/api/review/systems/{cast.system.pk}/referrals", payload, cast.committee)
    assert response.status_code == 422
    assert "committee" in response.json()["errors"] and "rien n'a été enregistré" in response.json()["message"]
    assert not Referral.objects.exists()


def test_it_lists_referrals_only_to_who_may_read_the_dossier(client, cast, committees):
    internal, ethics = committees
    make_referral(cast.system, internal)
    make_referral(cast.system, ethics)
    as_committee = client.get("/api/review/referrals", **_auth(cast.committee)).json()
    as_ethics = client.get("/api/review/referrals", **_auth(cast.ethics)).json()
    as_stranger = client.get("/api/review/referrals", **_auth(cast.stranger)).json()
    assert as_committee["count"] == 2
    assert [r["committee_id"] for r in as_ethics["items"]] == [ethics.pk]
    assert as_stranger["count"] == 0


def test_it_records_an_opinion_once_with_the_form_rules(client, cast, committees):
    internal, _ = committees
    referral = make_referral(cast.system, internal)
    url = f"/api/review/referrals/{referral.pk}/opinion"
    assert _post(client, url, {"verdict": "favourable", "text": "Oui"}, cast.dpo).status_code in (403, 404)
    refused = _post(client, url, {"verdict": "with_conditions", "text": "Oui"}, cast.committee)
    assert refused.status_code == 422 and "conditions" in refused.json()["errors"]
    assert not Opinion.objects.exists()
    given = _post(client, url, {"verdict": "with_conditions", "text": "Oui", "conditions": "Informer"},
                  cast.committee)
    assert given.status_code == 201 and Opinion.objects.get().recorded_by == cast.committee
    again = _post(client, url, {"verdict": "unfavourable", "text": "Non"}, cast.committee)
    assert again.status_code == 409 and Opinion.objects.get().verdict == "with_conditions"
    body = client.get(f"/api/review/referrals/{referral.pk}", **_auth(cast.committee)).json()
    assert body["answered"] and body["opinion"]["verdict"] == "with_conditions"


def test_it_plans_a_session_and_sets_its_agenda(client, cast, committees):
    internal, _ = committees
    referral = make_referral(cast.system, internal)
    url = f"/api/review/committees/{internal.pk}/sessions"
    assert _post(client, url, {"held_on": "2030-02-01"}, cast.agent).status_code == 403
    assert _post(client, url, {"held_on": "2030-02-01"}, cast.stranger).status_code == 404  # cannot even open it
    created = _post(client, url, {"held_on": "2030-02-01", "place": "Salle 1"}, cast.committee)
    assert created.status_code == 201, created.content
    session = Session.objects.get()
    read = client.get(f"/api/review/sessions/{session.pk}", **_auth(cast.committee))
    response = _post(client, f"/api/review/sessions/{session.pk}", {"agenda_ids": [referral.pk], "minutes": "CR"},
                     cast.committee, method="patch", HTTP_IF_MATCH=read["ETag"])
    assert response.status_code == 200, response.content
    assert response.json()["agenda_ids"] == [referral.pk] and response.json()["place"] == "Salle 1"
    session.refresh_from_db()
    assert session.minutes == "CR" and list(session.agenda.all()) == [referral]


def test_it_moves_a_status_only_as_the_lifecycle_allows(client, cast, committees):
    url = f"/api/review/systems/{cast.system.pk}/status"
    assert _post(client, url, {"to_status": "deployed"}, cast.committee).status_code == 409
    response = _post(client, url, {"to_status": "submitted", "reason": "Prêt"}, cast.agent)
    assert response.status_code == 200, response.content
    cast.system.refresh_from_db()
    assert cast.system.status == "submitted" and response.json()["status"] == "submitted"
    assert cast.system.referrals.filter(committee=committees[0]).exists()  # the internal committee is seized
    refused = _post(client, url, {"to_status": "experimenting"}, cast.agent)
    assert refused.status_code in (403, 409) and refused.json()["message"].startswith("Rien n'a changé")
    cast.system.refresh_from_db()
    assert cast.system.status == "submitted"


def test_it_records_a_decision_with_conditions_or_refuses_with_reasons(client, cast, committees):
    internal, _ = committees
    cast.system.set_status("under_review")
    url = f"/api/review/systems/{cast.system.pk}/decisions"
    payload = {"kind": "approve_experimentation", "text": "Accord", "conditions": ["Informer", "Former"]}
    refused = _post(client, url, payload, cast.committee)  # no favourable opinion of the internal committee yet
    assert refused.status_code == 409 and not cast.system.decisions.exists()
    make_opinion(make_referral(cast.system, internal), "favourable")
    assert _post(client, url, payload, cast.agent).status_code == 403
    response = _post(client, url, payload, cast.committee)
    assert response.status_code == 201, response.content
    assert [c["text"] for c in response.json()["conditions"]] == ["Informer", "Former"]
    cast.system.refresh_from_db()
    assert cast.system.status == "approved_for_experimentation"
    condition = Condition.objects.get(text="Informer")
    assert _post(client, f"/api/review/conditions/{condition.pk}", {"done": True}, cast.dpo).status_code == 403
    assert _post(client, f"/api/review/conditions/{condition.pk}", {"done": True}, cast.agent).json()["done_on"]
    condition.refresh_from_db()
    assert condition.done_on is not None


def test_it_records_an_experiment_then_refuses_an_incomplete_evaluation(client, cast, committees):
    url = f"/api/review/systems/{cast.system.pk}/experiment"
    plan = {"volunteer_count": 8, "service_ids": [cast.service.pk], "starts_on": "2025-01-06",
            "ends_on": "2025-03-28", "criteria": "Utilité"}
    assert _post(client, url, plan, cast.dpo, method="put").status_code == 403
    assert _post(client, url, plan, cast.agent, method="put").status_code == 200
    read = client.get(url, **_auth(cast.agent))
    refused = _post(client, url, {"evaluated_on": "2025-04-01", "usefulness": "Oui"}, cast.agent, method="put",
                    HTTP_IF_MATCH=read["ETag"])
    assert refused.status_code == 422 and "skills" in refused.json()["errors"]
    experiment = cast.system.experiments.get()
    assert experiment.evaluated_on is None and experiment.volunteer_count == 8
    make_experiment(cast.system)
    listed = client.get(f"/api/review/systems/{cast.system.pk}/experiments", **_auth(cast.agent)).json()
    assert [e["evaluated"] for e in listed] == [False, True]


def test_it_keeps_the_tool_catalogue_for_the_committee_only(client, cast):
    payload = {"organisation": cast.org.slug, "name": "Assistant", "vendor": "Éditeur", "hosting_country": "FR",
               "allowed_uses": "Rédaction", "forbidden_data": "Données personnelles"}
    assert _post(client, "/api/review/tools", payload, cast.agent).status_code == 403
    created = _post(client, "/api/review/tools", payload, cast.committee)
    assert created.status_code == 201, created.content
    tool = ApprovedTool.objects.get()
    foreign = _post(client, "/api/review/tools", {**payload, "organisation": cast.other_org.slug}, cast.committee)
    assert foreign.status_code == 422 and ApprovedTool.objects.count() == 1
    _post(client, f"/api/review/tools/{tool.pk}", {"active": False}, cast.committee, method="patch",
          HTTP_IF_MATCH=created["ETag"])
    tool.refresh_from_db()
    assert not tool.active and tool.name == "Assistant"
    assert client.get("/api/review/tools", **_auth(cast.agent)).json() == []


def test_it_turns_a_declaration_outside_the_catalogue_into_a_request_the_committee_answers(client, cast, committees):
    tool = ApprovedTool.objects.create(organisation=cast.org, name="Assistant", vendor="V", hosting_country="FR",
                                       allowed_uses="Rédaction", forbidden_data="Données personnelles")
    within = _post(client, "/api/review/declarations", {"organisation": cast.org.slug, "tool_id": tool.pk,
                                                        "purpose": "Courriers", "accepts_conditions": True},
                   cast.agent)
    assert within.status_code == 201 and within.json()["state"] == "recorded"
    missing = _post(client, "/api/review/declarations", {"organisation": cast.org.slug, "purpose": "?"}, cast.agent)
    assert missing.status_code == 422 and "other_tool" in missing.json()["errors"]
    request = _post(client, "/api/review/declarations", {"organisation": cast.org.slug, "other_tool": "ChatBot",
                                                         "purpose": "Résumés", "personal_data": True}, cast.agent)
    assert request.json()["state"] == "requested"
    declaration = Declaration.objects.get(other_tool="ChatBot")
    assert Notification.objects.filter(person=cast.committee, kind="declaration").exists()
    assert client.get("/api/review/declarations?scope=all", **_auth(cast.agent)).status_code == 403
    assert client.get("/api/review/declarations", **_auth(cast.agent)).json()["count"] == 2
    answer = f"/api/review/declarations/{declaration.pk}/answer"
    assert _post(client, answer, {"state": "refused", "committee_note": "Non"}, cast.agent).status_code == 403
    answered = _post(client, answer, {"state": "refused", "committee_note": "Données personnelles"}, cast.committee)
    assert answered.status_code == 200 and answered.json()["state"] == "refused"
    assert Notification.objects.filter(person=cast.agent, kind="declaration").exists()
