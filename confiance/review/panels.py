"""The review's section on a record's page: where the record stands, what comes next, and what is missing."""

from confiance.accounts.permissions import Action, can, sits_on
from confiance.register.panels import register_panel
from confiance.review.models import Condition
from confiance.review.transitions import facts_for
from confiance.review.views.access import may_follow, reads_everything
from confiance.rules import lifecycle


@register_panel(order=20)
def review_panel(request, system):
    person = request.user
    moves = lifecycle.available(facts_for(system, person)) if person.is_authenticated else ()
    referrals = [r for r in system.referrals.select_related("committee", "opinion").order_by("referred_on", "pk")
                 if reads_everything(person, system.organisation_id) or sits_on(person, r.committee)]
    is_reviewer = can(person, Action.REVIEW, system.organisation_id)
    return {
        "template": "review/_panel.html",
        "system": system,
        "moves": [(t, r) for t, r in moves if t.target not in lifecycle.DECISION_TARGETS],
        "decisions": [(t, r) for t, r in moves if t.target in lifecycle.DECISION_TARGETS],
        "referrals": referrals,
        "decision_list": system.decisions.prefetch_related("conditions"),
        "open_conditions": Condition.objects.filter(decision__system=system, done_on__isnull=True).count(),
        "experiments": system.experiments.prefetch_related("services"),
        "yearly_reviews": system.yearly_reviews.all(),
        "is_reviewer": is_reviewer,
        "can_follow": person.is_authenticated and may_follow(person, system),
    }


@register_panel(order=1)
def next_step_panel(request, system):
    """The status line and the review's "prochaine étape", at the top of the record."""
    from django.utils import timezone

    from confiance.review.next_steps import next_step_for, status_line_for, who_acts
    from confiance.rules.next_step import is_overdue

    step = next_step_for(system)
    yours = (step.actor is not None and request.user.is_authenticated
             and step.actor in lifecycle.actors_for(facts_for(system, request.user)))
    return {
        "template": "review/_next_step.html", "top": True, "system": system, "line": status_line_for(system),
        "step": step, "who": who_acts(system, step), "yours": yours,
        "overdue": is_overdue(step, timezone.localdate()),
    }
