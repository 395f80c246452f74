import pytest
from django.urls import reverse

from confiance.checks.models import CheckResult, Questionnaire

pytestmark = pytest.mark.django_db


def test_it_saves_incomplete_answers_and_recomputes(client, cast):
    client.force_login(cast.agent)
    url = reverse("checks:questionnaire", args=[cast.system.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "Règlement européen sur" in page.content.decode()
    response = client.post(url, {"interacts_directly_with_people": "on"})
    assert response.status_code == 302
    assert Questionnaire.objects.get(system=cast.system).answers == {"interacts_directly_with_people": True}
    assert CheckResult.objects.get(system=cast.system).risk_class == "transparency"


def test_it_shows_the_results_with_their_citations_on_the_record(client, cast):
    Questionnaire.objects.create(system=cast.system, answers={"public_benefits_eligibility": True, "profiling": True})
    client.force_login(cast.dpo)
    html = client.get(reverse("register:detail", args=[cast.system.pk])).content.decode()
    assert "haut risque" in html
    assert "annexe III, point 5 a)" in html
    assert "art. 27" in html  # the FRIA is on the deployer's to-do list
    assert "Répondre au questionnaire" not in html  # the DPO reads, does not edit


def test_it_forbids_the_questionnaire_to_readers(client, cast):
    client.force_login(cast.dpo)
    response = client.post(reverse("checks:questionnaire", args=[cast.system.pk]), {"profiling": "on"})
    assert response.status_code == 403
    assert not Questionnaire.objects.filter(system=cast.system).exists()
