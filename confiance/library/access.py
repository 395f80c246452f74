"""Gather the facts the library's rules need about a person, from the database.

The tier rule itself is plain Python (confiance/rules/library_tiers.py).
"""

from confiance.accounts.models import Membership
from confiance.library.models import ExpertGrant, LibraryMember
from confiance.rules.library_tiers import LibraryViewer, Tier, tier_for
from confiance.rules.permissions import Role

TEAM_ROLES = (Role.ADMIN.value, Role.STEWARD.value)


def member_organisation_ids(person):
    """Return the ids of the library-member organisations `person` works in."""
    if person is None or not person.is_authenticated:
        return []
    orgs = Membership.objects.filter(person=person).values_list("organisation_id", flat=True)
    return list(LibraryMember.objects.filter(organisation_id__in=orgs, active=True).values_list("organisation_id", flat=True))


def viewer_for(person):
    """Return the tier rule's view of `person`, cached on the person object."""
    if person is None or not person.is_authenticated:
        return LibraryViewer()
    cached = getattr(person, "_library_viewer", None)
    if cached is None:
        cached = LibraryViewer(
            authenticated=True,
            member=bool(member_organisation_ids(person)),
            expert=ExpertGrant.objects.filter(ExpertGrant.active_q(), person=person).exists(),
            library_admin=person.is_superuser,
        )
        person._library_viewer = cached
    return cached


def tier_of_person(person):
    """Return the highest tier `person` may read."""
    return tier_for(viewer_for(person))


def team_organisation_ids(person):
    """Return the organisations where `person` answers for shared projects (admin or steward)."""
    if person is None or not person.is_authenticated:
        return []
    return list(
        Membership.objects.filter(person=person, role__in=TEAM_ROLES).values_list("organisation_id", flat=True).distinct()
    )


def can_manage(person, organisation_id):
    """Return True when `person` may share, edit or withdraw the organisation's projects and answer for them."""
    if person is None or not person.is_authenticated:
        return False
    return person.is_superuser or organisation_id in team_organisation_ids(person)


def may_import(person):
    """Return True when `person` may load a library file: an admin of a member organisation, or a superuser.

    The role is asked of the one permission check (accounts.permissions); the
    membership of the library is a fact of this app.
    """
    from confiance.accounts.permissions import Action, organisations_where

    if person is None or not person.is_authenticated:
        return False
    if person.is_superuser:
        return True
    members = set(member_organisation_ids(person))
    return any(org in members for org in organisations_where(person, Action.LIBRARY_IMPORT))


def may_manage_index(person):
    """Return True when `person` may start the embedding of the library's projects: a library administrator."""
    return viewer_for(person).library_admin


__all__ = ["Tier", "can_manage", "may_import", "may_manage_index", "member_organisation_ids", "team_organisation_ids",
           "tier_of_person", "viewer_for"]
