"""Walk every move of the lifecycle for every kind of person, through the screens, and the refusals' messages."""

import pytest
from django.urls import reverse

from confiance.checks.models import Questionnaire
from confiance.register.models import AISystem
from confiance.review.models import Decision
from confiance.review.tests.helpers import make_committee, make_experiment, make_opinion, make_referral
from confiance.rules.lifecycle import DECISION_TARGETS
from confiance.rules.tests.test_lifecycle import EXPECTED
from tests.factories import make_person, make_system

PROFILES = ["agent_owner", "agent_colleague", "steward_of_service", "steward_elsewhere", "dpo",
            "internal_committee", "ethics_committee", "admin"]
DECISION_KIND = {target: kind for kind, target in Decision.TARGETS.items()}


def person_for(cast, profile):
    return {"agent_owner": cast.agent, "agent_colleague": cast.other_agent, "steward_of_service": cast.steward,
            "steward_elsewhere": make_person(cast.org, ["steward"], services=[cast.other_service]),
            "dpo": cast.dpo, "internal_committee": cast.committee, "ethics_committee": cast.ethics,
            "admin": cast.admin}[profile]


@pytest.fixture
def committees(cast):
    return (make_committee(cast.org, "internal", [cast.committee]),
            make_committee(cast.org, "ethics", [cast.ethics]))


def move(client, system, target, **data):
    if target in DECISION_TARGETS:
        return client.post(reverse("review:decide", args=[system.pk]), {
            "kind": DECISION_KIND[target], "text": "Motif de la décision.", "decided_on": "2025-04-01", **data})
    return client.post(reverse("review:status", args=[system.pk]), {"to_status": target, "reason": "Essai"})


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("source,target", sorted(EXPECTED))
def test_it_walks_every_move_for_every_person_through_the_screens(client, cast, committees, profile, source, target):
    internal, ethics = committees
    system = cast.system
    make_opinion(make_referral(system, internal), "favourable")
    make_opinion(make_referral(system, ethics), "favourable")
    make_experiment(system)
    system.set_status(source, reason="Mise en place du test")
    client.force_login(person_for(cast, profile))

    response = move(client, system, target)

    system.refresh_from_db()
    allowed = profile in EXPECTED[(source, target)]
    assert (system.status == target) is allowed, (response.status_code, profile)
    if allowed:
        latest = system.history.first()
        assert latest.history_user == person_for(cast, profile) and latest.history_change_reason
    assert Decision.objects.filter(system=system).exists() is (allowed and target in DECISION_TARGETS)


def test_it_refuses_a_move_the_lifecycle_does_not_have(client, cast, committees):
    client.force_login(cast.admin)
    response = client.post(reverse("review:status", args=[cast.system.pk]), {"to_status": "experimenting"},
                           follow=True)
    cast.system.refresh_from_db()
    assert cast.system.status == "draft"
    assert "ne peut pas passer" in response.content.decode()


def test_it_refuses_leaving_review_without_the_internal_committees_favourable_opinion(client, cast, committees):
    internal, _ = committees
    cast.system.set_status("under_review")
    make_opinion(make_referral(cast.system, internal), "unfavourable")
    client.force_login(cast.committee)
    response = move(client, cast.system, "approved_for_experimentation")
    cast.system.refresh_from_db()
    assert cast.system.status == "under_review" and not Decision.objects.exists()
    assert response.status_code == 200
    assert "avis favorable" in response.content.decode() and "comité interne de la Data" in response.content.decode()


def test_it_refuses_approving_a_sensitive_record_before_the_ethics_opinion(client, cast, committees):
    internal, ethics = committees
    sensitive = make_system(cast.org, service=cast.service, domain="health", name="Orientation des patients")
    assert sensitive.check_result.ethics_referral_needed
    sensitive.set_status("under_review")
    make_opinion(make_referral(sensitive, internal), "with_conditions")
    client.force_login(cast.committee)
    body = move(client, sensitive, "approved_for_experimentation").content.decode()
    sensitive.refresh_from_db()
    assert sensitive.status == "under_review"
    assert "comité éthique" in body and "loi 5" in body
    make_opinion(make_referral(sensitive, ethics), "favourable")
    assert move(client, sensitive, "approved_for_experimentation").status_code == 302
    sensitive.refresh_from_db()
    assert sensitive.status == "approved_for_experimentation"


def test_it_refuses_deployment_without_the_experimentations_evaluation(client, cast, committees):
    internal, _ = committees
    make_opinion(make_referral(cast.system, internal), "favourable")
    make_experiment(cast.system, evaluated=False)
    cast.system.set_status("experimenting")
    client.force_login(cast.committee)
    body = move(client, cast.system, "deployed").content.decode()
    cast.system.refresh_from_db()
    assert cast.system.status == "experimenting"
    assert "Expérimenter avant de déployer" in body


def test_it_refuses_deploying_a_forbidden_system(client, cast, committees):
    internal, ethics = committees
    Questionnaire.objects.create(system=cast.system, answers={"social_scoring": True})
    cast.system.refresh_from_db()
    assert cast.system.check_result.is_forbidden
    make_opinion(make_referral(cast.system, internal), "favourable")
    make_opinion(make_referral(cast.system, ethics), "favourable")
    make_experiment(cast.system)
    cast.system.set_status("experimenting")
    client.force_login(cast.admin)
    body = move(client, cast.system, "deployed").content.decode()
    cast.system.refresh_from_db()
    assert cast.system.status == "experimenting"
    assert "art. 5" in body


def test_it_refuses_an_automated_decision_system_at_approval(client, cast, committees):
    internal, _ = committees
    AISystem.objects.filter(pk=cast.system.pk).update(decision_role="decides_alone")
    cast.system.refresh_from_db()
    cast.system.set_status("under_review")  # saving recomputes the checks
    make_opinion(make_referral(cast.system, internal), "favourable")
    client.force_login(cast.committee)
    body = move(client, cast.system, "approved_for_experimentation").content.decode()
    cast.system.refresh_from_db()
    assert cast.system.status == "under_review" and "art. 22" in body


def test_it_keeps_the_retire_button_of_the_register_on_the_lifecycle(client, cast, committees):
    cast.system.set_status("under_review")
    client.force_login(cast.steward)
    response = client.post(reverse("register:retire", args=[cast.system.pk]), {"reason": "Abandon"})
    cast.system.refresh_from_db()
    assert cast.system.status == "under_review"
    assert "ne peut pas passer" in response.content.decode()


def test_it_opens_a_referral_to_the_internal_committee_on_submission_and_tells_its_members(client, cast, committees):
    internal, _ = committees
    client.force_login(cast.agent)
    client.post(reverse("review:status", args=[cast.system.pk]), {"to_status": "submitted"})
    referral = cast.system.referrals.get()
    assert referral.committee == internal and referral.referred_by == cast.agent
    assert cast.committee.notifications.filter(kind="referral").exists()
