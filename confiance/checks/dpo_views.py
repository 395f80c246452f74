"""The DPO's page: every system that processes personal data, the DPIAs, open points and contests."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from confiance.accounts.models import Organisation
from confiance.accounts.permissions import Action, organisations_where
from confiance.checks.dpo import overview


@login_required
def dpo(request):
    """Show the DPO what concerns personal data in every organisation where they are DPO."""
    organisation_ids = organisations_where(request.user, Action.PROTECT_DATA)
    if not organisation_ids:
        raise PermissionDenied("Cette page est réservée au DPO de la collectivité.")
    organisations = Organisation.objects.filter(pk__in=organisation_ids).order_by("name")
    return render(request, "checks/dpo.html", {"nav": "dpo", "organisations": organisations,
                                               **overview(organisation_ids)})
