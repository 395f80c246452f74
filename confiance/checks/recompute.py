"""Run the rules on a record and store their result."""

from django.db import transaction
from django.utils import timezone

from confiance.checks.inputs import answers_for, carbon_threshold_for, charter_for, contested_for, state_for
from confiance.checks.models import CheckResult, LawOutcome
from confiance.rules.checks import run_all


def report_for(system):
    """Return the CheckReport of `system` as it stands, without storing it."""
    organisation = system.organisation
    return run_all(
        answers_for(system),
        state_for(system),
        charter=charter_for(organisation),
        carbon_threshold_kg=carbon_threshold_for(organisation),
        computed_at=timezone.now(),
        contested=contested_for(system),
    )


@transaction.atomic
def recompute(system):
    """Run every check on `system`, store the result, and return it.

    The stored result keeps the versions of the rule sets and the date; its
    history keeps every earlier result.
    """
    report = report_for(system)
    result, _ = CheckResult.objects.update_or_create(
        system=system,
        defaults={
            "computed_at": report.computed_at,
            "versions": dict(report.versions),
            "risk_class": str(report.ai_act.risk_class),
            "dpia_required": report.dpia.required,
            "automated_decision_forbidden": report.article_22.forbidden,
            "ethics_referral_needed": report.ethics.required,
            "report": report.as_dict(),
        },
    )
    LawOutcome.objects.filter(system=system).delete()
    LawOutcome.objects.bulk_create(
        LawOutcome(result=result, system=system, number=o.number, outcome=str(o.outcome))
        for o in report.charter_outcomes
    )
    return result
