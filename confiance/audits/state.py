"""What the audits tell the charter: the carbon estimate (law 4) and whether a bias audit is done (law 10)."""

from confiance.audits.models import BiasAudit, CarbonEstimate
from confiance.checks.inputs import register_state_provider


@register_state_provider
def audit_state(system):
    if system.pk is None:
        return {"carbon_estimate_kg": None, "carbon_benefit_kg": None, "bias_audit_recorded": False}
    estimate = CarbonEstimate.objects.filter(system=system).first()
    return {
        "carbon_estimate_kg": round(estimate.central_kg, 3) if estimate else None,
        "carbon_benefit_kg": estimate.benefit_kg if estimate else None,
        "bias_audit_recorded": BiasAudit.objects.filter(system=system).exists(),
    }
