"""The catalogue's section on a record's page: the datasets the system uses, and its old free-text description."""

from confiance.accounts.permissions import Action, can, can_on_dataset
from confiance.register.panels import register_panel


@register_panel(order=15)
def datasets_panel(request, system):
    uses = [u for u in system.dataset_uses.select_related("dataset", "dataset__steward").order_by("role", "dataset__title")
            if can_on_dataset(request.user, Action.VIEW, u.dataset)]
    return {
        "template": "catalogue/_panel.html",
        "system": system,
        "uses": uses,
        # The text written before the catalogue existed stays shown until real datasets are linked.
        "legacy_text": system.datasets_used if not uses else "",
        "can_link": can(request.user, Action.EDIT, system.organisation_id, system),
    }
