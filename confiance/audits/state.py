"""What the audits tell the charter: the carbon estimate (law 4) and whether a bias audit is done (law 10).

A bias audit counts for a record when it was run on the record itself, or on a
dataset of the catalogue that feeds it (a DatasetUse for training or as input):
law 10 watches "the data that feed the AI" (decision 0020). A dataset the
system only produces (output) does not count.
"""

from django.db.models import Q

from confiance.audits.models import BiasAudit, CarbonEstimate
from confiance.checks.inputs import register_state_provider

# DatasetUse roles through which a dataset feeds a system (catalogue.choices.UseRole).
FEEDING_ROLES = ("training", "input")


def audits_counting_for(system):
    """Return the BiasAudits that count toward `system`'s law 10: its own, and those of the datasets feeding it."""
    return BiasAudit.objects.filter(
        Q(system=system) | Q(dataset__uses__system=system, dataset__uses__role__in=FEEDING_ROLES)).distinct()


@register_state_provider
def audit_state(system):
    if system.pk is None:
        return {"carbon_estimate_kg": None, "carbon_benefit_kg": None, "bias_audit_recorded": False}
    estimate = CarbonEstimate.objects.filter(system=system).first()
    return {
        "carbon_estimate_kg": round(estimate.central_kg, 3) if estimate else None,
        "carbon_benefit_kg": estimate.benefit_kg if estimate else None,
        "bias_audit_recorded": audits_counting_for(system).exists(),
    }
