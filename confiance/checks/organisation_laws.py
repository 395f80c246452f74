"""A record's principles as its page shows them: the organisation's own outcome for laws 7 to 9.

Laws 7, 8 and 9 are judged on the organisation (rules.charter.evaluate_organisation);
each record stores "not applicable" for them. Its page and the public dashboard read
them as the organisation stands today (rules.charter.with_organisation, decision 0020).
"""

from django.utils import timezone

from confiance.checks.inputs import charter_for, organisation_facts
from confiance.rules.charter import evaluate_organisation, with_organisation


def organisation_evaluation(organisation, charter=None, year=None):
    """Return the organisation's evaluation of its organisation-level principles this year."""
    charter = charter or charter_for(organisation)
    return evaluate_organisation(charter, organisation_facts(organisation, year or timezone.localdate().year))


def record_outcomes(system, outcomes, charter=None, evaluation=None):
    """Return `outcomes` (the record's stored principle dicts) with laws 7 to 9 read on its organisation."""
    if not outcomes:
        return outcomes
    charter = charter or charter_for(system.organisation)
    evaluation = evaluation or organisation_evaluation(system.organisation, charter)
    return with_organisation(outcomes, charter, evaluation)


def report_with_organisation(system, report):
    """Return a copy of a stored check report whose charter outcomes read laws 7 to 9 on the organisation."""
    if not report or not report.get("charter", {}).get("outcomes"):
        return report
    return dict(report, charter=dict(report["charter"], outcomes=record_outcomes(system, report["charter"]["outcomes"])))
