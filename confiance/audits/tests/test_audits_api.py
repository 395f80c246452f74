import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from confiance.accounts.models import ApiToken
from confiance.audits.models import BiasAudit, CarbonEstimate
from confiance.audits.tests.conftest import people_csv
from confiance.jobs.runner import run_queued

pytestmark = pytest.mark.django_db


def _auth(person):
    _, raw = ApiToken.issue(person, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_it_records_a_carbon_estimate_with_the_rules_field_names(client, cast):
    url = f"/api/systems/{cast.system.pk}/carbon"
    payload = {"inference": {"requests_per_month": 50000, "llm_provider": "mistralai",
                             "llm_model": "mistral-small-latest", "output_tokens": 300}}
    response = client.put(url, payload, content_type="application/json", **_auth(cast.steward))
    assert response.status_code == 200 and response.json()["central_kg"] > 0
    assert client.get(url, **_auth(cast.dpo)).json()["central_kg"] == CarbonEstimate.objects.get().central_kg


@pytest.mark.parametrize("payload, message", [
    ({"inference": {"requests_per_month": 10, "llm_provider": "mistralai", "llm_model": "nope",
                    "output_tokens": 10}}, "Modèle inconnu"),
    ({"inference": {"requests_per_month": 10, "watts_per_dream": 3}}, "Champ inconnu"),
    ({}, "au moins"),
])
def test_it_refuses_bad_assumptions_in_french(client, cast, payload, message):
    response = client.put(f"/api/systems/{cast.system.pk}/carbon", payload, content_type="application/json",
                          **_auth(cast.steward))
    assert response.status_code == 422 and message in response.json()["message"]
    assert not CarbonEstimate.objects.exists()


def test_it_runs_a_bias_audit_as_a_job_and_lists_its_aggregates(client, cast):
    url = f"/api/systems/{cast.system.pk}/bias-audits"
    data = {"file": SimpleUploadedFile("personnes.csv", people_csv()), "protected": "sexe,quartier",
            "outcome": "décision", "outcome_favourable": "oui", "min_group_size": "10"}
    response = client.post(url, data, **_auth(cast.steward))
    assert response.status_code == 202 and response.json()["job_url"].startswith("/taches/")
    run_queued()
    listed = client.get(url, **_auth(cast.dpo)).json()
    assert [item["rows"] for item in listed] == [60]
    assert listed[0]["report"]["attributes"][0]["attributes"] == ["sexe"]


def test_it_answers_bad_files_and_forbidden_callers_without_storing(client, cast):
    url = f"/api/systems/{cast.system.pk}/bias-audits"
    data = {"file": SimpleUploadedFile("personnes.csv", b""), "protected": "sexe"}
    response = client.post(url, data, **_auth(cast.steward))
    assert response.status_code == 422 and "vide" in str(response.json()["errors"]["file"])
    data["file"] = SimpleUploadedFile("personnes.csv", people_csv())
    assert client.post(url, data, **_auth(cast.dpo)).status_code == 403
    assert client.post(url, data, **_auth(cast.stranger)).status_code == 404
    assert client.put(f"/api/systems/{cast.system.pk}/carbon", {}, content_type="application/json",
                      **_auth(cast.dpo)).status_code == 403
    assert not BiasAudit.objects.exists()
