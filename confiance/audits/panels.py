"""The audits' panel on a record's page: the latest bias audits and the carbon estimate."""

from confiance.accounts.permissions import Action, can, can_on_dataset
from confiance.audits.models import BiasAudit, CarbonEstimate
from confiance.audits.state import audits_counting_for
from confiance.register.panels import register_panel


@register_panel(order=15)
def audits_panel(request, system):
    return {
        "template": "audits/_panel.html",
        "system": system,
        "audits": BiasAudit.objects.filter(system=system)[:5],
        # Audits of the datasets that feed the system count for its law 10 too (decision 0020).
        "dataset_audits": [a for a in audits_counting_for(system).filter(dataset__isnull=False).select_related(
            "dataset")[:5] if can_on_dataset(request.user, Action.VIEW, a.dataset)],
        "estimate": CarbonEstimate.objects.filter(system=system).first(),
        "can_edit": can(request.user, Action.EDIT, system.organisation_id, system),
    }
