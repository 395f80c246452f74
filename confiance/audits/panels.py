"""The audits' panel on a record's page: the latest bias audits and the carbon estimate."""

from confiance.accounts.permissions import Action, can
from confiance.audits.models import BiasAudit, CarbonEstimate
from confiance.register.panels import register_panel


@register_panel(order=15)
def audits_panel(request, system):
    return {
        "template": "audits/_panel.html",
        "system": system,
        "audits": BiasAudit.objects.filter(system=system)[:5],
        "estimate": CarbonEstimate.objects.filter(system=system).first(),
        "can_edit": can(request.user, Action.EDIT, system.organisation_id, system),
    }
