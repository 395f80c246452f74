"""Experimentation, conditions, yearly review, and the record's review panel."""

import pytest
from django.urls import reverse
from django.utils import timezone

from confiance.review import transitions
from confiance.review.models import Condition, Opinion, YearlyReview
from confiance.review.state import ethics_opinion_recorded
from confiance.review.tests.helpers import make_committee, make_referral, satisfy_every_guard


@pytest.fixture
def committees(cast):
    return make_committee(cast.org, "internal", [cast.committee]), make_committee(cast.org, "ethics", [cast.ethics])


def test_it_records_the_experimentation_then_refuses_an_incomplete_evaluation(client, cast, committees):
    cast.system.set_status("experimenting")
    client.force_login(cast.agent)  # the owner follows the trial
    url = reverse("review:experiment", args=[cast.system.pk])
    plan = {"volunteer_count": 8, "services": [cast.service.pk], "elected_members": 1, "starts_on": "2025-01-06",
            "ends_on": "2025-03-28", "criteria": "Utilité, charge de travail"}
    assert client.post(url, plan).status_code == 302
    experiment = cast.system.experiments.get()
    assert not experiment.evaluated and list(experiment.services.all()) == [cast.service]
    response = client.post(url, {**plan, "evaluated_on": "2025-04-01", "usefulness": "Oui"})
    assert response.status_code == 200 and "renseignez ce résultat" in response.content.decode()
    experiment.refresh_from_db()
    assert experiment.evaluated_on is None
    client.post(url, {**plan, "evaluated_on": "2025-04-01", "usefulness": "Oui", "working_conditions": "Mieux",
                      "skills": "Formation", "errors_seen": "Deux"})
    experiment.refresh_from_db()
    assert experiment.evaluated


def test_it_tracks_each_condition_of_a_decision_to_done(client, cast, committees):
    internal, ethics = committees
    satisfy_every_guard(cast.system, internal, ethics)
    cast.system.set_status("under_review")
    client.force_login(cast.committee)
    client.post(reverse("review:decide", args=[cast.system.pk]), {
        "kind": "approve_experimentation", "text": "Accord", "decided_on": "2025-04-01",
        "conditions": "Informer les usagers\n\nFormer les agents volontaires"})
    conditions = list(Condition.objects.order_by("pk"))
    assert [c.text for c in conditions] == ["Informer les usagers", "Former les agents volontaires"]
    client.force_login(cast.agent)
    client.post(reverse("review:condition", args=[conditions[0].pk]))
    conditions[0].refresh_from_db()
    assert conditions[0].done_on == timezone.localdate()
    client.force_login(cast.dpo)
    assert client.post(reverse("review:condition", args=[conditions[1].pk])).status_code == 403


def test_it_plans_a_yearly_review_on_deployment_that_reopens_the_checks_and_can_suspend(client, cast, committees):
    internal, ethics = committees
    satisfy_every_guard(cast.system, internal, ethics)
    cast.system.set_status("experimenting")
    transitions.record_decision(cast.system, "approve_deployment", "Déploiement", cast.committee)
    review = YearlyReview.objects.get(system=cast.system)
    assert review.due_on > timezone.localdate()
    client.force_login(cast.committee)
    before = cast.system.check_result.computed_at
    assert client.get(reverse("review:yearly_review", args=[review.pk])).status_code == 200
    cast.system.check_result.refresh_from_db()
    assert cast.system.check_result.computed_at > before
    client.post(reverse("review:yearly_review", args=[review.pk]), {"findings": "Erreurs en hausse",
                                                                     "outcome": "suspend"})
    cast.system.refresh_from_db()
    review.refresh_from_db()
    assert review.done_on and cast.system.status == "suspended"
    assert cast.system.decisions.last().kind == "suspend"


def test_it_feeds_law_5_with_the_ethics_opinion(cast, committees):
    internal, ethics = committees
    assert not ethics_opinion_recorded(cast.system)
    transitions.record_opinion(Opinion(
        referral=make_referral(cast.system, ethics), verdict="favourable", text="Avis"), cast.ethics)
    cast.system.check_result.refresh_from_db()
    assert cast.system.check_result.report["state"]["ethics_opinion_recorded"] is True


def test_it_shows_the_next_steps_and_what_is_missing_on_the_record_page(client, cast, committees):
    cast.system.set_status("under_review")
    client.force_login(cast.committee)
    body = client.get(reverse("register:detail", args=[cast.system.pk])).content.decode()
    assert "Instruction : avis, décisions, expérimentation" in body
    assert "Renvoyer au porteur pour compléments" in body and "pas encore" in body
    client.force_login(cast.agent)
    body = client.get(reverse("register:detail", args=[cast.system.pk])).content.decode()
    assert "Enregistrer une décision" not in body


def test_it_offers_the_opinions_conditions_when_writing_the_decision(client, cast):
    from confiance.review.tests.helpers import make_opinion

    internal = make_committee(cast.org, "internal", [cast.committee])
    cast.system.set_status("under_review")
    make_opinion(make_referral(cast.system, internal), "with_conditions",
                 conditions="Informer les usagers (loi 6).\nFormer les agents.")
    client.force_login(cast.committee)
    form = client.get(reverse("review:decide", args=[cast.system.pk])).context["form"]
    assert [value for value, _ in form.fields["opinion_conditions"].choices] == [
        "Informer les usagers (loi 6).", "Former les agents."]
    client.post(reverse("review:decide", args=[cast.system.pk]), {
        "kind": "approve_experimentation", "text": "Utile.", "decided_on": "2026-11-30",
        "opinion_conditions": ["Former les agents."], "conditions": "Mesurer le temps gagné."})
    assert list(Condition.objects.values_list("text", flat=True).order_by("pk")) == [
        "Former les agents.", "Mesurer le temps gagné."]


@pytest.mark.parametrize("tampered", ["99999999999999999999", "-9223372036854775809", "abc"])
def test_it_refuses_a_tampered_service_with_a_french_message_and_records_nothing(client, cast, committees, tampered):
    cast.system.set_status("experimenting")
    client.force_login(cast.agent)
    response = client.post(reverse("review:experiment", args=[cast.system.pk]), {
        "volunteer_count": 8, "services": [cast.service.pk, tampered], "starts_on": "2025-01-06",
        "ends_on": "2025-03-28", "criteria": "Utilité"})
    assert response.status_code == 200
    assert "n’est pas une valeur correcte" in response.content.decode() or \
        "n'est pas une valeur correcte" in response.content.decode()
    assert not cast.system.experiments.exists()
