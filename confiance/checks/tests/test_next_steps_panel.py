"""The « prochaines étapes » panel on a record: what to do after the checks, with links and who acts."""

import pytest
from django.urls import reverse

from confiance.checks.models import DPIA, FRIA, Questionnaire

pytestmark = pytest.mark.django_db


def test_it_lists_dpia_fria_referral_and_who_acts_with_links(client, cast):
    cast.system.personal_data = True
    cast.system.save()
    Questionnaire.objects.create(system=cast.system, answers={"public_benefits_eligibility": True})
    client.force_login(cast.steward)
    response = client.get(reverse("register:detail", args=[cast.system.pk]))
    html = response.content.decode()
    assert 'id="prochaines-etapes-controles"' in html
    panel = next(p for p in response.context["panels"] if p["template"] == "checks/_next_steps_panel.html")
    codes = [step.code for step, _, _ in panel["steps"]]
    assert codes[:3] == ["dpia", "fria", "eu_database"]
    assert "ethics_referral" in codes and "ask_supplier" in codes
    links = {step.code: link for step, link, _ in panel["steps"]}
    assert links["dpia"] == reverse("checks:dpia", args=[cast.system.pk])
    assert links["ethics_referral"] == ""  # the steward does not refer: the committee does
    assert "avec l&#x27;avis du DPO" in html
    names = {step.code: who for step, _, who in panel["steps"]}
    assert names["dpia"] == str(cast.agent)  # the project lead
    assert names["ethics_referral"] == str(cast.committee)


def test_it_drops_a_step_once_done_and_asks_the_dpo_to_validate(client, cast):
    cast.system.personal_data = True
    cast.system.save()
    Questionnaire.objects.create(system=cast.system, answers={"public_benefits_eligibility": True})
    DPIA.objects.create(system=cast.system, carried_out_on="2026-01-05", conclusion="acceptable", residual_risks="r",
                        measures="m", dpo_opinion="o")
    FRIA.objects.create(system=cast.system, carried_out_on="2026-01-05", process="p", period_and_frequency="f",
                        people_affected="a", specific_risks="r", human_oversight="h", measures_if_risks_materialise="m")
    client.force_login(cast.dpo)
    response = client.get(reverse("register:detail", args=[cast.system.pk]))
    panel = next(p for p in response.context["panels"] if p["template"] == "checks/_next_steps_panel.html")
    codes = [step.code for step, _, _ in panel["steps"]]
    assert "dpia" not in codes and "fria" not in codes
    assert "dpia_validation" in codes
    links = {step.code: link for step, link, _ in panel["steps"]}
    assert links["dpia_validation"] == reverse("checks:dpia", args=[cast.system.pk])
    assert {step.code: who for step, _, who in panel["steps"]}["dpia_validation"] == str(cast.dpo)
