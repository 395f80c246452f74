"""The results panel on a record's page."""

from confiance.accounts.permissions import Action, can
from confiance.checks.models import CheckResult
from confiance.register.panels import register_panel


@register_panel(order=10)
def results_panel(request, system):
    result = CheckResult.objects.filter(system=system).first()
    return {
        "template": "checks/_results_panel.html",
        "result": result,
        "report": result.report if result else None,
        "can_edit": can(request.user, Action.EDIT, system.organisation_id, system),
        "system": system,
    }
