"""What every page shows of the checks: the link to the DPO's page, for the DPO."""

from confiance.accounts.permissions import Action, organisations_where


def dpo_organisations(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"is_dpo": bool(organisations_where(user, Action.PROTECT_DATA))}
