"""The checks' panels on a record's page: next steps, then the results."""

from django.urls import reverse

from confiance.accounts.permissions import Action, can
from confiance.checks.inputs import state_for
from confiance.checks.models import CheckResult
from confiance.checks.organisation_laws import report_with_organisation
from confiance.register.panels import register_panel
from confiance.rules.next_steps import Progress, next_steps

# Which form each step links to, and the action that form needs.
FORMS = {
    "questionnaire": ("checks:questionnaire", Action.EDIT),
    "edit": ("register:edit", Action.EDIT),
    "dpia": ("checks:dpia", Action.WRITE_DPIA),
    "fria": ("checks:fria", Action.EDIT),
    "eu_database": ("checks:eu_database", Action.EDIT),
    "refer": ("review:refer", Action.REVIEW),
}


def _progress(system):
    state = state_for(system)
    dpia = getattr(system, "dpia", None)
    return Progress(
        questionnaire_started=hasattr(system, "questionnaire"),
        dpia_recorded=dpia is not None,
        dpia_validated=bool(dpia and dpia.validated_on),
        fria_recorded=hasattr(system, "fria"),
        eu_database_recorded=hasattr(system, "eu_database_entry"),
        ethics_referral_made=system.referrals.filter(committee__kind="ethics").exists(),
        ethics_opinion_recorded=state.ethics_opinion_recorded,
        notice_published=state.notice_published,
        contested_implications=system.contested_implications.count(),
    )


def _people(system):
    """Return actor code -> the names of the people who act, for this record."""
    from confiance.accounts.models import Membership

    owners = [p for p in (system.owner, system.steward) if p is not None] or [p for p in (system.created_by,) if p]
    by_role = {}
    for membership in Membership.objects.filter(organisation=system.organisation_id,
                                                role__in=["dpo", "internal_committee"]).select_related("person"):
        by_role.setdefault(membership.role, []).append(str(membership.person))
    return {
        "owner": ", ".join(dict.fromkeys(str(p) for p in owners)),
        "dpo": ", ".join(by_role.get("dpo", [])),
        "reviewers": ", ".join(by_role.get("internal_committee", [])),
        "supplier": system.vendor,
    }


def _link(request, system, form):
    if form == "notice":
        return "#transparence-titre"
    if form == "dpo":
        return reverse("checks:dpo") if can(request.user, Action.PROTECT_DATA, system.organisation_id) else ""
    if form not in FORMS:
        return ""
    name, action = FORMS[form]
    if action is Action.REVIEW:
        allowed = can(request.user, action, system.organisation_id)
    else:
        allowed = can(request.user, action, system.organisation_id, system)
    return reverse(name, args=[system.pk]) if allowed else ""


@register_panel(order=5)
def next_steps_panel(request, system):
    result = CheckResult.objects.filter(system=system).first()
    if result is None:
        return None
    people = _people(system)
    steps = [(step, _link(request, system, step.form), people.get(step.actor, ""))
             for step in next_steps(result.report, _progress(system))]
    return {"template": "checks/_next_steps_panel.html", "steps": steps, "report": result.report}


@register_panel(order=10)
def results_panel(request, system):
    result = CheckResult.objects.filter(system=system).first()
    report = report_with_organisation(system, result.report) if result else None
    obligations = {}
    for obligation in (report or {}).get("ai_act", {}).get("obligations", []):
        obligations.setdefault(obligation.get("actor_label", "la collectivité, en tant que déployeur"),
                               []).append(obligation)
    return {
        "template": "checks/_results_panel.html",
        "result": result,
        "report": report,
        "obligations": obligations,
        "contested": system.contested_implications.select_related("contested_by"),
        "can_edit": can(request.user, Action.EDIT, system.organisation_id, system),
        "can_write_dpia": can(request.user, Action.WRITE_DPIA, system.organisation_id, system),
        "system": system,
    }
