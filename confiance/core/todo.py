"""What each signed-in person must do, across their organisations: the "À faire" home.

Each section is gathered only for the roles that need it, and every link it
offers leads to a page the person may open (the same checks as the pages).
"""

from django.db.models import Q
from django.utils import timezone

from confiance.accounts.models import Organisation, Person
from confiance.accounts.oidc import awaiting_role
from confiance.accounts.permissions import Action, member_organisations, organisations_where, viewer_for, visible_filter
from confiance.checks.organisation_laws import law_outcomes_by_system
from confiance.register.models import AISystem
from confiance.review.models import CommitteeMember, Declaration, Referral, YearlyReview
from confiance.review.next_steps import next_step_for
from confiance.rules.lifecycle import Actor
from confiance.rules.next_step import is_overdue
from confiance.rules.permissions import Role

CLOSED = ("retired", "rejected")


def _orgs_with(viewer, role):
    return [org for org, roles in viewer.roles.items() if role in roles]


def _with_steps(systems, today):
    rows = []
    for system in systems:
        step = next_step_for(system)
        rows.append({"system": system, "step": step, "overdue": is_overdue(step, today)})
    return rows


def my_projects(person, today):
    systems = (AISystem.objects.filter(visible_filter(person)).filter(Q(owner=person) | Q(created_by=person))
               .exclude(status="retired").select_related("organisation").order_by("-updated_at"))
    rows = _with_steps(systems[:30], today)
    for row in rows:
        row["yours"] = row["step"].actor is Actor.OWNER
    return rows


def steward_work(person, viewer, today):
    services = viewer.steward_services
    if not services:
        return None
    systems = AISystem.objects.filter(service__in=services).exclude(status__in=CLOSED)
    # Principles read as each record's page shows them: laws 7 to 9 on the organisation (decision 0020).
    to_treat = {pk: sum(1 for outcome in outcomes.values() if outcome in ("to_do", "violated"))
                for pk, outcomes in law_outcomes_by_system(systems).items()}
    open_points = list(systems.filter(pk__in=[pk for pk, n in to_treat.items() if n]).select_related("organisation"))
    for system in open_points:
        system.n = to_treat[system.pk]
    open_points = sorted(open_points, key=lambda system: (-system.n, system.name))[:30]
    return {
        "open_points": open_points,
        "stale_reviews": YearlyReview.objects.filter(system__in=systems, done_on__isnull=True, due_on__lt=today)
        .select_related("system"),
        "requested_tools": Declaration.objects.filter(service__in=services, state=Declaration.State.REQUESTED)
        .select_related("declared_by", "organisation"),
    }


def dpo_work(viewer):
    orgs = _orgs_with(viewer, Role.DPO)
    if not orgs:
        return None
    from confiance.checks.dpo import overview

    # The same reading as the DPO's page: personal data stated on the record or implied by the answers.
    rows = [row for row in overview(orgs)["personal"] if row.system.status not in CLOSED]
    rows.sort(key=lambda row: (row.system.organisation.name, row.system.name))
    return {
        "personal": [row.system for row in rows],
        "dpias_due": [row.system for row in rows if row.dpia_state == "to_do"],
    }


def committee_work(person, today):
    seats = CommitteeMember.objects.filter(person=person).select_related("committee")
    committees = [seat.committee for seat in seats]
    if not committees:
        return None
    result = []
    for committee in committees:
        sessions = committee.sessions.filter(held_on__gte=today).order_by("held_on")
        next_session = sessions.first()
        result.append({
            "committee": committee,
            "referrals": [{"referral": r, "overdue": r.deadline < today} for r in
                          Referral.objects.filter(committee=committee, opinion__isnull=True)
                          .select_related("system", "session").order_by("deadline", "pk")],
            "next_session": next_session,
            "agenda": next_session.agenda.select_related("system") if next_session else [],
        })
    return result


def reviewer_work(person, today):
    orgs = organisations_where(person, Action.REVIEW)
    if not orgs:
        return None
    waiting = (AISystem.objects.filter(organisation__in=orgs, status__in=["submitted", "under_review", "experimenting",
                                                                          "suspended", "deployed"])
               .select_related("organisation").order_by("status_changed_at"))
    rows = [row for row in _with_steps(waiting[:50], today) if row["step"].actor is Actor.INTERNAL_COMMITTEE]
    return {
        "waiting": rows,
        "requests": Declaration.objects.filter(organisation__in=orgs, state=Declaration.State.REQUESTED)
        .select_related("declared_by", "organisation"),
    }


def admin_work(person, viewer):
    orgs = _orgs_with(viewer, Role.ADMIN)
    if not (orgs or viewer.is_superuser):
        return None
    return {
        # An organisation's admins see only the people who asked to join it (ProConnect's first sign-in
        # records the organisation); people with no organisation at all are the operators' concern.
        "without_roles": (Person.objects.filter(is_active=True, memberships__isnull=True, is_superuser=False)
                          .order_by("date_joined") if viewer.is_superuser
                          else awaiting_role(orgs))[:30],
        "pending": Declaration.objects.filter(organisation__in=organisations_where(person, Action.REVIEW),
                                              state=Declaration.State.REQUESTED).count(),
        "can_open_admin": person.is_staff,
    }


def todo_for(person):
    """Return every section of `person`'s "À faire", None for the sections their roles do not have."""
    viewer = viewer_for(person)
    today = timezone.localdate()
    return {
        "today": today,
        "organisations": Organisation.objects.filter(pk__in=member_organisations(person)).order_by("name"),
        "projects": my_projects(person, today),
        "steward": steward_work(person, viewer, today),
        "dpo": dpo_work(viewer),
        "committees": committee_work(person, today),
        "reviewer": reviewer_work(person, today),
        "admin": admin_work(person, viewer),
        "can_create": bool(organisations_where(person, Action.CREATE)),
    }
