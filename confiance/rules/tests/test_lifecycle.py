"""Tests of confiance.rules.lifecycle: every move for every kind of person, and every guard."""

import pytest

from confiance.rules.lifecycle import (
    DECISION_TARGETS,
    TRANSITIONS,
    Status,
    TransitionFacts,
    available,
    decide,
)

# Who a person is, as the Django side describes them: (roles, is_owner, is_service_steward).
PROFILES = {
    "agent_owner": ({"agent"}, True, False),
    "agent_colleague": ({"agent"}, False, False),
    "steward_of_service": ({"steward"}, False, True),
    "steward_elsewhere": ({"steward"}, False, False),
    "dpo": ({"dpo"}, False, False),
    "internal_committee": ({"internal_committee"}, False, False),
    "ethics_committee": ({"ethics_committee"}, False, False),
    "admin": ({"admin"}, False, False),
    "owner_who_left": (set(), True, False),  # no role left in the organisation
}

OWNERS = {"agent_owner", "steward_of_service", "admin"}
REVIEWERS = {"internal_committee", "admin"}
KEEPERS = {"steward_of_service", "admin"}

# The lifecycle written out by hand: (from, to) -> profiles allowed when every guard is met.
EXPECTED = {
    ("draft", "submitted"): OWNERS,
    ("draft", "retired"): OWNERS,
    ("submitted", "draft"): OWNERS | REVIEWERS,
    ("submitted", "under_review"): REVIEWERS,
    ("submitted", "retired"): OWNERS,
    ("under_review", "draft"): REVIEWERS,
    ("under_review", "approved_for_experimentation"): REVIEWERS,
    ("under_review", "rejected"): REVIEWERS,
    ("approved_for_experimentation", "experimenting"): OWNERS,
    ("approved_for_experimentation", "suspended"): REVIEWERS,
    ("approved_for_experimentation", "retired"): KEEPERS,
    ("experimenting", "deployed"): REVIEWERS,
    ("experimenting", "rejected"): REVIEWERS,
    ("experimenting", "suspended"): REVIEWERS,
    ("experimenting", "retired"): KEEPERS,
    ("deployed", "suspended"): REVIEWERS,
    ("deployed", "retired"): KEEPERS,
    ("suspended", "under_review"): REVIEWERS,
    ("suspended", "deployed"): REVIEWERS,
    ("suspended", "retired"): KEEPERS,
    ("rejected", "draft"): OWNERS,
    ("rejected", "retired"): KEEPERS,
}

ALL_MET = dict(internal_opinion_favourable=True, ethics_referral_needed=True, ethics_opinion_recorded=True,
               evaluation_recorded=True)


def facts(status, profile="admin", **overrides):
    roles, is_owner, is_steward = PROFILES[profile]
    values = dict(status=status, roles=frozenset(roles), is_owner=is_owner, is_service_steward=is_steward, **ALL_MET)
    values.update(overrides)
    return TransitionFacts(**values)


def test_it_has_the_table_written_out_by_hand():
    assert {(t.source.value, t.target.value) for t in TRANSITIONS} == set(EXPECTED)


@pytest.mark.parametrize("source", [s.value for s in Status])
@pytest.mark.parametrize("target", [s.value for s in Status])
@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_it_walks_every_move_for_every_person(source, target, profile):
    result = decide(facts(source, profile), target)
    expected = profile in EXPECTED.get((source, target), set())
    assert result.allowed is expected, result.message
    if not expected:
        assert result.reasons and all(r.citation.source for r in result.reasons)


def test_it_names_the_possible_moves_when_there_is_no_such_move():
    result = decide(facts("draft"), "deployed")
    assert not result.allowed and result.transition is None
    assert "« Soumis »" in result.message and "ne peut pas passer" in result.message


def test_it_says_who_may_make_a_move_refused_for_a_role():
    result = decide(facts("under_review", "agent_owner"), "approved_for_experimentation")
    assert result.refused_for_role
    assert "comité interne Data & IA" in result.message


def test_it_refuses_to_leave_review_without_the_internal_committees_favourable_opinion():
    result = decide(facts("under_review", internal_opinion_favourable=False), "approved_for_experimentation")
    assert not result.allowed and not result.refused_for_role
    assert "avis favorable" in result.message and "comité interne de la Data" in result.message
    # Rejecting or sending back leaves review without any opinion.
    assert decide(facts("under_review", internal_opinion_favourable=False), "rejected").allowed
    assert decide(facts("under_review", internal_opinion_favourable=False), "draft").allowed


def test_it_refuses_approval_of_a_sensitive_project_without_the_ethics_opinion():
    missing = facts("under_review", ethics_referral_needed=True, ethics_opinion_recorded=False)
    result = decide(missing, "approved_for_experimentation")
    assert not result.allowed
    cited = [str(r.citation) for r in result.reasons]
    assert any("comité métropolitain de l'IA" in c for c in cited) and any("loi 5" in c for c in cited)
    assert decide(facts("under_review", ethics_referral_needed=False, ethics_opinion_recorded=False),
                  "approved_for_experimentation").allowed


def test_it_refuses_deployment_without_a_recorded_evaluation():
    for source in ("experimenting", "suspended"):
        result = decide(facts(source, evaluation_recorded=False), "deployed")
        assert not result.allowed
        assert "Expérimenter avant de déployer" in result.message and "volontaires" in result.message


@pytest.mark.parametrize("flag,cited", [("prohibited_practice", "art. 5"), ("automated_decision", "art. 22")])
@pytest.mark.parametrize("source,target", [("under_review", "approved_for_experimentation"),
                                           ("approved_for_experimentation", "experimenting"),
                                           ("experimenting", "deployed"), ("suspended", "deployed")])
def test_it_refuses_any_approval_or_deployment_of_a_forbidden_system(flag, cited, source, target):
    result = decide(facts(source, **{flag: True}), target)
    assert not result.allowed
    assert any(r.citation.reference == cited for r in result.reasons)
    # Stopping a forbidden system stays possible.
    assert decide(facts(source, **{flag: True}), "retired").allowed or source == "under_review"


def test_it_gives_every_missing_condition_at_once():
    bare = facts("experimenting", internal_opinion_favourable=False, ethics_opinion_recorded=False,
                 evaluation_recorded=False, prohibited_practice=True)
    assert len(decide(bare, "deployed").reasons) == 5


def test_it_offers_only_the_moves_a_persons_roles_allow_with_what_is_missing():
    offered = {t.target.value: r for t, r in available(facts("under_review", "internal_committee",
                                                               internal_opinion_favourable=False))}
    assert set(offered) == {"draft", "approved_for_experimentation", "rejected"}
    assert not offered["approved_for_experimentation"].allowed
    assert available(facts("under_review", "agent_owner")) == ()


def test_it_makes_every_decision_target_a_committee_move():
    for t in TRANSITIONS:
        if t.target in DECISION_TARGETS:
            assert "owner" not in t.actors


def test_an_open_point_keeps_the_record_in_draft():
    facts = TransitionFacts(status="draft", roles=frozenset({"agent"}), is_owner=True,
                            open_points=("Le système effectue-t-il un profilage ?",))
    result = decide(facts, "submitted")
    assert not result.allowed
    assert "je ne sais pas" in result.message and "profilage" in result.message
    assert decide(TransitionFacts(status="draft", roles=frozenset({"agent"}), is_owner=True), "submitted").allowed
