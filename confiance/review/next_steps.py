"""Gather a record's review facts for rules.next_step: the status line and who must act next."""

from django.utils import timezone

from confiance.checks.models import CheckResult
from confiance.review.models import Committee, Condition, Referral
from confiance.rules import next_step as rule


def review_facts(system):
    """Return the rule's ReviewFacts for `system`, in a handful of queries."""
    referrals = list(Referral.objects.filter(system=system).select_related("committee", "opinion"))
    internal = [r for r in referrals if r.committee.kind == Committee.Kind.INTERNAL]
    ethics = [r for r in referrals if r.committee.kind == Committee.Kind.ETHICS]
    open_internal = [r for r in internal if not r.answered]
    open_ethics = [r for r in ethics if not r.answered]
    answered_internal = sorted((r.opinion for r in internal if r.answered), key=lambda o: (o.given_on, o.pk))
    result = CheckResult.objects.filter(system=system).first()
    experiment = system.experiments.order_by("-pk").first()
    review = system.yearly_reviews.filter(done_on__isnull=True).order_by("due_on").first()
    return rule.ReviewFacts(
        status=system.status,
        internal_referral_open=bool(open_internal),
        internal_deadline=min((r.deadline for r in open_internal), default=None),
        internal_opinion_recorded=bool(answered_internal),
        internal_opinion_favourable=bool(answered_internal) and answered_internal[-1].favourable,
        ethics_referral_needed=bool(result and result.ethics_referral_needed),
        ethics_referral_open=bool(open_ethics),
        ethics_deadline=min((r.deadline for r in open_ethics), default=None),
        ethics_opinion_recorded=any(r.answered for r in ethics),
        experiment_planned=experiment is not None,
        experiment_ends_on=experiment.ends_on if experiment else None,
        evaluation_recorded=bool(experiment and experiment.evaluated),
        open_conditions=Condition.objects.filter(decision__system=system, done_on__isnull=True).count(),
        yearly_review_due_on=review.due_on if review else None,
        today=timezone.localdate(),
    )


def reached_statuses(system):
    """Return the statuses `system` has held, from its history."""
    return set(system.history.values_list("status", flat=True).distinct())


def next_step_for(system):
    """Return the NextStep of `system`."""
    return rule.next_step(review_facts(system))


def status_line_for(system):
    return rule.status_line(system.status, reached_statuses(system) if system.status in (
        "suspended", "rejected", "retired") else ())


def who_acts(system, step):
    """Return the people or body behind `step.actor` for `system`, as a short French text (or "")."""
    from confiance.rules.lifecycle import Actor

    if step.actor is Actor.OWNER and system.owner_id:
        return str(system.owner)
    if step.actor in (Actor.INTERNAL_COMMITTEE, Actor.ETHICS_COMMITTEE):
        kind = Committee.Kind.INTERNAL if step.actor is Actor.INTERNAL_COMMITTEE else Committee.Kind.ETHICS
        committee = Committee.objects.filter(organisation_id=system.organisation_id, kind=kind).first()
        return str(committee) if committee else ""
    return ""
