from html import unescape

import pytest

from confiance.audits.models import CarbonEstimate
from confiance.checks.models import CheckResult, LawOutcome, OrganisationPolicy
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

FORM = {"country": "FRA", "pue": "", "training_hardware": "nvidia-a100-sxm", "training_devices": "4",
        "training_hours": "72", "training_runs_per_year": "2", "requests_per_month": "10000",
        "wh_per_request": "0,5", "storage_terabytes": "2", "storage_medium": "ssd", "storage_copies": "3",
        "benefit_description": "km de tournées évités", "benefit_quantity": "12000", "benefit_unit": "km",
        "benefit_factor": "1,55", "benefit_source": "hypothèse du service : 50 L/100 km × 3,1 kg CO2e/L"}


def test_it_records_the_estimate_and_meets_law_4(client, cast):
    assert LawOutcome.objects.get(system=cast.system, number=4).outcome == "to_do"
    client.login(username="referent", password=PASSWORD)
    response = client.post(f"/registre/audits/{cast.system.pk}/carbone/modifier/", FORM)
    assert response.status_code == 302
    estimate = CarbonEstimate.objects.get(system=cast.system)
    assert estimate.low_kg < estimate.central_kg < estimate.high_kg
    assert estimate.benefit_kg == pytest.approx(12000 * 1.55)
    assert LawOutcome.objects.get(system=cast.system, number=4).outcome == "met"
    page = unescape(client.get(f"/registre/audits/{cast.system.pk}/carbone/").content.decode())
    assert "km en voiture thermique" in page and "<svg" in page and "Bilan net" in page
    assert estimate.history.count() == 1


def test_it_feeds_the_organisations_ethics_threshold(client, cast):
    OrganisationPolicy.objects.create(organisation=cast.org, carbon_threshold_kg=1.0)
    client.login(username="referent", password=PASSWORD)
    client.post(f"/registre/audits/{cast.system.pk}/carbone/modifier/", FORM)
    result = CheckResult.objects.get(system=cast.system)
    assert result.ethics_referral_needed
    assert any("seuil" in r["text"] for r in result.report["ethics_referral"]["reasons"])


def test_it_refuses_unusable_assumptions_and_stores_nothing(client, cast):
    client.login(username="referent", password=PASSWORD)
    bad = {**FORM, "training_hardware": "", "training_watts": ""}
    response = client.post(f"/registre/audits/{cast.system.pk}/carbone/modifier/", bad)
    assert response.status_code == 200 and "Matériel inconnu" in unescape(response.content.decode())
    bad = {**FORM, "benefit_source": ""}
    response = client.post(f"/registre/audits/{cast.system.pk}/carbone/modifier/", bad)
    assert "sa source" in unescape(response.content.decode())
    assert not CarbonEstimate.objects.exists()


def test_it_lets_only_editors_change_the_estimate(client, cast):
    client.login(username="dpo", password=PASSWORD)
    assert client.post(f"/registre/audits/{cast.system.pk}/carbone/modifier/", FORM).status_code == 403
    assert client.get(f"/registre/audits/{cast.system.pk}/carbone/").status_code == 200
    client.login(username="etranger", password=PASSWORD)
    assert client.get(f"/registre/audits/{cast.system.pk}/carbone/").status_code == 404
    assert not CarbonEstimate.objects.exists()


def test_it_keeps_a_measured_training_when_the_form_gives_no_hours(client, cast):
    from confiance.audits.carbon import carbon_input, save_estimate

    save_estimate(cast.system, carbon_input({"training": {"measured_kwh_per_run": 2.0, "runs_per_year": 3}}))
    client.login(username="referent", password=PASSWORD)
    form = {**FORM, "training_hardware": "", "training_hours": "", "training_runs_per_year": "3"}
    assert client.post(f"/registre/audits/{cast.system.pk}/carbone/modifier/", form).status_code == 302
    estimate = CarbonEstimate.objects.get()
    assert estimate.inputs["training"]["measured_kwh_per_run"] == 2.0
    assert [p["name"] for p in estimate.result["parts"]] == ["training", "inference", "storage"]
