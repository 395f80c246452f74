"""Who may see and do what in the review; every check goes through confiance.accounts.permissions."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from confiance.accounts.permissions import Action, can, member_organisations, require, sits_on, viewer_for
from confiance.review.models import Committee, Referral
from confiance.rules.permissions import FULL_READER_ROLES


def reads_everything(person, organisation_id):
    viewer = viewer_for(person)
    return viewer.is_superuser or bool(viewer.roles_in(organisation_id) & FULL_READER_ROLES)


def visible_committees(person):
    """Return the committees `person` may open: all of their organisations', or those they sit on."""
    orgs = member_organisations(person)
    full = [org for org in orgs if reads_everything(person, org)]
    return (Committee.objects.filter(organisation_id__in=full)
            | Committee.objects.filter(members__person=person)).distinct()


def get_committee_for_user(request, pk):
    committee = get_object_or_404(Committee.objects.select_related("organisation"), pk=pk)
    if not visible_committees(request.user).filter(pk=pk).exists():
        raise Http404("Aucun comité ne correspond.")
    return committee


def get_referral_for_user(request, pk):
    """Return the referral if `request.user` may read its dossier; 404 otherwise."""
    referral = get_object_or_404(Referral.objects.select_related("system__organisation", "committee"), pk=pk)
    system = referral.system
    if not can(request.user, Action.VIEW, system.organisation_id, system):
        raise Http404("Aucune saisine ne correspond.")
    if not (reads_everything(request.user, system.organisation_id) or sits_on(request.user, referral.committee)):
        raise Http404("Aucune saisine ne correspond.")
    return referral


def require_review(request, organisation_id):
    """Raise PermissionDenied unless `request.user` belongs to the internal committee or administers."""
    require(request.user, Action.REVIEW, organisation_id)


def may_follow(person, system):
    """Return True when `person` follows the record's trial and conditions: its lead, its editors, the reviewers."""
    return (person.pk in (system.owner_id, system.created_by_id)
            or can(person, Action.EDIT, system.organisation_id, system)
            or can(person, Action.REVIEW, system.organisation_id))
