"""Contesting an implication: only with a written justification, kept in history, shown to the DPO."""

import pytest
from django.urls import reverse

from confiance.checks.models import CheckResult, ContestedImplication, Questionnaire

pytestmark = pytest.mark.django_db

CODE = "vulnerable_from_concerns_agents"


@pytest.fixture
def agents_system(cast):
    cast.system.personal_data = True
    cast.system.people_affected = "agents"
    cast.system.save()
    Questionnaire.objects.create(system=cast.system, answers={"combines_datasets": True})
    return cast.system


def test_it_shows_each_implied_answer_with_its_source_and_a_contest_link(client, cast, agents_system):
    client.force_login(cast.agent)
    html = client.get(reverse("register:detail", args=[agents_system.pk])).content.decode()
    assert "déduit de votre réponse à" in html
    assert "critère 7" in html
    assert reverse("checks:contest", args=[agents_system.pk, CODE]) in html
    assert CheckResult.objects.get(system=agents_system).dpia_required  # agents (criterion 7) + combined data


def test_it_refuses_a_contest_without_justification_and_changes_nothing(client, cast, agents_system):
    client.force_login(cast.agent)
    url = reverse("checks:contest", args=[agents_system.pk, CODE])
    response = client.post(url, {"justification": "non"})
    assert response.status_code == 200 and "justification" in response.context["form"].errors
    assert "20 caractères" in response.content.decode()
    assert not ContestedImplication.objects.exists()
    assert CheckResult.objects.get(system=agents_system).dpia_required


def test_a_justified_contest_stops_the_implication_and_the_dpo_sees_it(client, cast, agents_system):
    client.force_login(cast.agent)
    justification = "Les agents concernés sont volontaires et l'outil ne sert jamais à les évaluer."
    response = client.post(reverse("checks:contest", args=[agents_system.pk, CODE]), {"justification": justification})
    assert response.status_code == 302
    contested = ContestedImplication.objects.get(system=agents_system, code=CODE)
    assert contested.contested_by == cast.agent
    assert contested.history.get().history_user == cast.agent
    result = CheckResult.objects.get(system=agents_system)
    assert CODE in result.report["implications"]["contested"]
    assert not result.dpia_required  # one criterion left: combined datasets
    client.force_login(cast.dpo)
    html = client.get(reverse("checks:dpo")).content.decode()
    assert justification.replace("'", "&#x27;") in html
    client.force_login(cast.agent)
    client.post(reverse("checks:contest_withdraw", args=[agents_system.pk, CODE]))
    assert not ContestedImplication.objects.exists()
    assert ContestedImplication.history.filter(history_type="-").count() == 1
    assert CheckResult.objects.get(system=agents_system).dpia_required


def test_it_refuses_readers_and_unknown_implications(client, cast, agents_system):
    client.force_login(cast.dpo)
    url = reverse("checks:contest", args=[agents_system.pk, CODE])
    assert client.post(url, {"justification": "x" * 30}).status_code == 403
    client.force_login(cast.agent)
    assert client.get(reverse("checks:contest", args=[agents_system.pk, "nope"])).status_code == 404
    assert not ContestedImplication.objects.exists()
