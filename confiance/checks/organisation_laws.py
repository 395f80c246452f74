"""A record's principles as every screen, count and export shows them: laws 7 to 9 read on its organisation.

Laws 7, 8 and 9 are judged on the organisation (rules.charter.evaluate_organisation);
each record stores "not applicable" for them. Everywhere a record's principles are
shown, counted, filtered or exported — its page, the referral's dossier, the public
page and JSON, the open exports, the public dashboard, the charter page, the
register's filter, the annual report, the "À faire" page — they are read here, as
the organisation stands (rules.charter.with_organisation and organisation_readings,
decision 0020). Nothing else reads `LawOutcome` to show or count a record's laws.
"""

from django.db.models import Count, Q
from django.utils import timezone

from confiance.accounts.models import Organisation
from confiance.checks.inputs import charter_for, organisation_facts
from confiance.checks.models import LawOutcome
from confiance.rules.charter import (
    ORGANISATION_CHECKS,
    evaluate_organisation,
    organisation_readings,
    with_organisation,
)


def organisation_evaluation(organisation, charter=None, year=None):
    """Return the organisation's evaluation of its organisation-level principles this year (or `year`)."""
    charter = charter or charter_for(organisation)
    return evaluate_organisation(charter, organisation_facts(organisation, year or timezone.localdate().year))


class OrganisationLaws:
    """Read laws 7 to 9 for many records: each organisation's charter and evaluation are made once.

    Keep one for one answer (a page, an export, a report), not longer: the
    organisation's trainings and teams change.
    """

    def __init__(self, year=None):
        self.year = year or timezone.localdate().year
        self._readings = {}

    def _for(self, organisation):
        if organisation.pk not in self._readings:
            charter = charter_for(organisation)
            evaluation = organisation_evaluation(organisation, charter, self.year)
            self._readings[organisation.pk] = (charter, evaluation, organisation_readings(charter, evaluation))
        return self._readings[organisation.pk]

    def evaluation(self, organisation):
        """Return the organisation's evaluation (rules.charter.OrganisationEvaluation)."""
        return self._for(organisation)[1]

    def outcomes(self, system, outcomes):
        """Return `outcomes` (the record's stored principle dicts) with laws 7 to 9 read on its organisation."""
        if not outcomes:
            return outcomes
        charter, evaluation, _ = self._for(system.organisation)
        return with_organisation(outcomes, charter, evaluation)

    def outcome(self, organisation, number, stored):
        """Return the outcome (a string) principle `number` reads on a record of `organisation` that stores `stored`."""
        reading = self._for(organisation)[2].get(number)
        return reading["outcome"] if reading is not None else stored

    def read_on_organisation(self, organisation, number):
        """Return the outcome principle `number` takes from `organisation`, or None when the record decides it."""
        reading = self._for(organisation)[2].get(number)
        return reading["outcome"] if reading is not None else None


def record_outcomes(system, outcomes, charter=None, evaluation=None):
    """Return `outcomes` (the record's stored principle dicts) with laws 7 to 9 read on its organisation."""
    if not outcomes:
        return outcomes
    if charter is None and evaluation is None:
        return OrganisationLaws().outcomes(system, outcomes)
    charter = charter or charter_for(system.organisation)
    evaluation = evaluation or organisation_evaluation(system.organisation, charter)
    return with_organisation(outcomes, charter, evaluation)


def report_with_organisation(system, report, laws=None):
    """Return a copy of a stored check report whose charter outcomes read laws 7 to 9 on the organisation."""
    if not report or not report.get("charter", {}).get("outcomes"):
        return report
    outcomes = (laws or OrganisationLaws()).outcomes(system, report["charter"]["outcomes"])
    return dict(report, charter=dict(report["charter"], outcomes=outcomes))


def _organisations(systems):
    return Organisation.objects.filter(pk__in=systems.values("organisation_id")).select_related("charter", "policy")


def law_counts(systems, laws=None):
    """Return {number: {outcome: count}} over the records `systems`, laws 7 to 9 read on each one's organisation."""
    laws = laws or OrganisationLaws()
    organisations = {o.pk: o for o in _organisations(systems)}
    counts = {}
    rows = (LawOutcome.objects.filter(system__in=systems.values("pk"))
            .values("system__organisation_id", "number", "outcome").annotate(n=Count("pk")).order_by())
    for row in rows:
        outcome = laws.outcome(organisations[row["system__organisation_id"]], row["number"], row["outcome"])
        by_outcome = counts.setdefault(row["number"], {})
        by_outcome[outcome] = by_outcome.get(outcome, 0) + row["n"]
    return counts


def law_outcomes_by_system(systems, laws=None):
    """Return {system id: {number: outcome}} for `systems`, laws 7 to 9 read on each one's organisation."""
    laws = laws or OrganisationLaws()
    organisations = {o.pk: o for o in _organisations(systems)}
    read = {}
    rows = LawOutcome.objects.filter(system__in=systems.values("pk")).values_list(
        "system_id", "system__organisation_id", "number", "outcome")
    for system_id, organisation_id, number, outcome in rows:
        read.setdefault(system_id, {})[number] = laws.outcome(organisations[organisation_id], number, outcome)
    return read


def with_law_outcome(systems, number, outcome, laws=None):
    """Return `systems` whose principle `number` reads `outcome` (laws 7 to 9 on the organisation), as a queryset."""
    laws = laws or OrganisationLaws()
    read_on_organisation, matching = [], []
    # Only the organisations whose charter binds principle `number` to an organisation-level check are
    # evaluated (one query narrows them); the outcome itself is still read by OrganisationLaws.
    concerned = _organisations(systems).filter(charter__principles__number=number,
                                               charter__principles__check_kind__in=list(ORGANISATION_CHECKS))
    for organisation in concerned:
        read = laws.read_on_organisation(organisation, number)
        if read is not None:
            read_on_organisation.append(organisation.pk)
            if read == outcome:
                matching.append(organisation.pk)
    # One filter() call, so both conditions bear on the same stored outcome row.
    return systems.filter(
        Q(law_outcomes__number=number)
        & (Q(organisation_id__in=matching)
           | (~Q(organisation_id__in=read_on_organisation) & Q(law_outcomes__outcome=outcome)))
    )
