"""The one permission check of the product, for views, API and exports alike.

The matrix itself is plain Python in confiance/rules/permissions.py; this module
gathers the facts about a person and a record from the database, asks the rule,
and turns the answer into querysets and HTTP errors.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from confiance.rules.permissions import (
    FULL_READER_ROLES,
    Action,
    RecordFacts,
    Role,
    Viewer,
    allows,
)


def viewer_for(person):
    """Return the rule's view of `person`, cached on the person object."""
    if person is None or not person.is_authenticated:
        return Viewer(person_id=None)
    cached = getattr(person, "_confiance_viewer", None)
    if cached is not None:
        return cached
    roles, services = {}, set()
    for membership in person.memberships.prefetch_related("services"):
        roles.setdefault(membership.organisation_id, set()).add(Role(membership.role))
        if membership.role == Role.STEWARD:
            services.update(s.pk for s in membership.services.all())
    viewer = Viewer(
        person_id=person.pk,
        roles={org: frozenset(r) for org, r in roles.items()},
        steward_services=frozenset(services),
        is_superuser=person.is_superuser,
    )
    person._confiance_viewer = viewer
    return viewer


def ethics_reader_ids(system):
    """Return the ids of the people sitting on an ethics committee `system` has been referred to."""
    if system.pk is None:
        return frozenset()
    # Referrals and committees belong to confiance.review; the lookups name them by their relations.
    return frozenset(
        pk for pk in system.referrals.filter(committee__kind="ethics")
        .values_list("committee__members__person_id", flat=True) if pk is not None
    )


def facts_for(system, viewer=None):
    """Return the rule's view of `system`; who may read it as an ethics member is looked up only when it matters."""
    roles = viewer.roles_in(system.organisation_id) if viewer is not None else frozenset({Role.ETHICS_COMMITTEE})
    needs_readers = Role.ETHICS_COMMITTEE in roles and not roles & FULL_READER_ROLES
    return RecordFacts(
        organisation_id=system.organisation_id,
        service_id=system.service_id,
        owner_id=system.owner_id,
        created_by_id=system.created_by_id,
        status=system.status,
        ethics_reader_ids=ethics_reader_ids(system) if needs_readers else frozenset(),
    )


def can(person, action, organisation_id, system=None):
    """Return True when `person` may do `action` (see rules.permissions.Action)."""
    viewer = viewer_for(person)
    record = facts_for(system, viewer) if system is not None else None
    return allows(viewer, action, organisation_id, record)


def require(person, action, organisation_id, system=None):
    """Raise PermissionDenied unless `person` may do `action`."""
    if not can(person, action, organisation_id, system):
        raise PermissionDenied("Vous n'avez pas le droit d'effectuer cette action.")


def visible_filter(person):
    """Return a Q on AISystem selecting exactly the records `person` may view.

    It mirrors rules.permissions.allows for Action.VIEW so that lists run as
    one query; tests/test_permission_matrix.py checks the two agree.
    """
    viewer = viewer_for(person)
    if viewer.is_superuser:
        return Q()
    full, ethics = [], []
    for org, roles in viewer.roles.items():
        if roles & FULL_READER_ROLES or Role.ADMIN in roles:
            full.append(org)
        elif Role.ETHICS_COMMITTEE in roles:
            ethics.append(org)
    if not ethics:
        return Q(organisation_id__in=full)
    from confiance.register.models import AISystem

    referred = AISystem.objects.filter(
        referrals__committee__kind="ethics", referrals__committee__members__person_id=viewer.person_id
    ).values("pk")
    return Q(organisation_id__in=full) | Q(organisation_id__in=ethics, pk__in=referred)


def sits_on(person, committee):
    """Return True when `person` may act for `committee`: a seat on it, or admin of its organisation."""
    viewer = viewer_for(person)
    if viewer.is_superuser or Role.ADMIN in viewer.roles_in(committee.organisation_id):
        return True
    return person.is_authenticated and person.committee_seats.filter(committee=committee).exists()


def member_organisations(person):
    """Return the ids of the organisations `person` works in (all of them for a superuser)."""
    viewer = viewer_for(person)
    if viewer.is_superuser:
        from confiance.accounts.models import Organisation

        return list(Organisation.objects.values_list("pk", flat=True))
    return list(viewer.roles)


def organisations_where(person, action):
    """Return the ids of organisations where `person` may do an organisation-level action."""
    viewer = viewer_for(person)
    return [org for org in member_organisations(person) if allows(viewer, action, org)]


__all__ = ["Action", "can", "can_on_dataset", "member_organisations", "organisations_where", "require", "sits_on", "viewer_for",
           "visible_datasets_filter", "visible_filter"]


def dataset_facts(dataset):
    """Return the rule's view of a catalogue dataset: read like a record of its organisation and service.

    A dataset has no lifecycle, so it is "draft" for the rule: an agent keeps editing the datasets they
    own or created; stewards edit those of their services; nobody reads it as an ethics member.
    """
    return RecordFacts(organisation_id=dataset.organisation_id, service_id=dataset.service_id,
                       owner_id=dataset.owner_id, created_by_id=dataset.created_by_id, status="draft")


def can_on_dataset(person, action, dataset):
    """Return True when `person` may do `action` on `dataset` (the register's matrix, rules.permissions)."""
    return allows(viewer_for(person), action, dataset.organisation_id, dataset_facts(dataset))


def visible_datasets_filter(person):
    """Return a Q on catalogue.Dataset selecting exactly the datasets `person` may view (mirrors can_on_dataset)."""
    viewer = viewer_for(person)
    if viewer.is_superuser:
        return Q()
    return Q(organisation_id__in=[org for org, roles in viewer.roles.items() if roles & FULL_READER_ROLES
                                  or Role.ADMIN in roles])
