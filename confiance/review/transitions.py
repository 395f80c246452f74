"""The one place where a person changes a record's status, and the acts of the review that lead to it.

`transition` gathers the lifecycle's facts from the database, asks
rules.lifecycle through AISystem.set_status (the only door), keeps the reason
and the person in the history, recomputes the checks and tells the people
concerned. Every function here is atomic: a refusal changes nothing.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from confiance.accounts.permissions import viewer_for
from confiance.checks.models import CheckResult
from confiance.checks.recompute import recompute
from confiance.register.models import TransitionRefused
from confiance.review.models import (
    Committee,
    Condition,
    Decision,
    Declaration,
    Experiment,
    Opinion,
    Referral,
    YearlyReview,
)
from confiance.review.notifications import committee_people, internal_committee_people, notify, record_people
from confiance.review.state import ethics_opinion_recorded
from confiance.rules import lifecycle
from confiance.rules.permissions import Role

__all__ = ["TransitionRefused", "answer_declaration", "declare", "facts_for", "record_decision", "record_opinion",
           "refer", "set_agenda", "toggle_condition", "transition"]


def internal_opinion_favourable(system):
    """Return True when the internal committee's latest opinion on `system` is favourable."""
    latest = (Opinion.objects.filter(referral__system=system, referral__committee__kind=Committee.Kind.INTERNAL)
              .order_by("-given_on", "-pk").first())
    return latest is not None and latest.favourable


def facts_for(system, actor):
    """Return the lifecycle's facts about `system` and the person `actor`."""
    viewer = viewer_for(actor)
    roles = set(viewer.roles_in(system.organisation_id))
    if viewer.is_superuser:
        roles.add(Role.ADMIN)
    result = CheckResult.objects.filter(system=system).first() or recompute(system)
    return lifecycle.TransitionFacts(
        status=system.status,
        roles=frozenset(roles),
        is_owner=actor.pk in (system.owner_id, system.created_by_id),
        is_service_steward=system.service_id is not None and system.service_id in viewer.steward_services,
        internal_opinion_favourable=internal_opinion_favourable(system),
        ethics_referral_needed=result.ethics_referral_needed,
        ethics_opinion_recorded=ethics_opinion_recorded(system),
        evaluation_recorded=any(e.evaluated for e in Experiment.objects.filter(system=system)),
        prohibited_practice=result.risk_class == "prohibited",
        automated_decision=result.automated_decision_forbidden,
        open_points=tuple(p["question"] for p in result.report.get("open_points", [])),
    )


def _record_url(system):
    return reverse("register:detail", args=[system.pk])


@transaction.atomic
def transition(system, to_status, actor, reason=""):
    """Move `system` to `to_status` on behalf of `actor`; raise TransitionRefused with the reasons if refused."""
    target = lifecycle.Status(to_status)
    source = lifecycle.Status(system.status)
    move = f"{source.label} → {target.label}"  # the timeline shows the move: the status field is not diffed
    system.set_status(target, reason=f"{move} : {reason}" if reason else move, actor=actor,
                      facts=facts_for(system, actor))
    recompute(system)
    if target is lifecycle.Status.SUBMITTED:
        committee = Committee.objects.filter(organisation=system.organisation, kind=Committee.Kind.INTERNAL).first()
        if committee is not None and not system.referrals.filter(committee=committee, opinion__isnull=True).exists():
            refer(system, committee, actor, "Examen préalable : utilité, impact attendu et conformité aux "
                  "principes éthiques du projet.")
    if target is lifecycle.Status.DEPLOYED and not system.yearly_reviews.filter(done_on__isnull=True).exists():
        YearlyReview.objects.create(system=system, due_on=timezone.localdate() + timedelta(days=365))
    people = record_people(system) + internal_committee_people(system.organisation)
    notify([p for p in people if p != actor], "status", f"« {system.name} » : {target.label.lower()}",
           f"{actor} a fait passer « {system.name} » de « {source.label} » à « {target.label} ». {reason}".strip(),
           _record_url(system))
    return system


@transaction.atomic
def refer(system, committee, actor, question, deadline=None, session=None):
    """Put `question` about `system` to `committee` and tell its members."""
    deadline = deadline or timezone.localdate() + timedelta(days=settings.REVIEW_DEADLINE_DAYS)
    referral = Referral(system=system, committee=committee, question=question, referred_by=actor,
                        deadline=deadline, session=session)
    referral._history_user = actor
    referral.save()
    notify(committee_people(committee), "referral", f"Saisine : « {system.name} »",
           f"Le {committee} est saisi sur « {system.name} » : {question}\nAvis attendu au plus tard le "
           f"{deadline:%d/%m/%Y}.", reverse("review:referral", args=[referral.pk]), key=f"referral:{referral.pk}")
    return referral


@transaction.atomic
def record_opinion(opinion, actor):
    """Save a committee's opinion, recompute the checks (law 5) and tell who answers for the record."""
    opinion.recorded_by = actor
    opinion._history_user = actor
    opinion.save()
    system = opinion.referral.system
    recompute(system)
    notify(record_people(system) + internal_committee_people(system.organisation), "opinion",
           f"Avis {opinion.get_verdict_display().lower()} sur « {system.name} »",
           f"{opinion.referral.committee} : {opinion.get_verdict_display()}.\n{opinion.text}"
           + (f"\nConditions :\n{opinion.conditions}" if opinion.conditions else ""),
           reverse("review:referral", args=[opinion.referral.pk]))
    return opinion


@transaction.atomic
def record_decision(system, kind, text, actor, conditions=(), decided_on=None):
    """Record the authority's decision and make the move it implies; nothing is kept if the move is refused."""
    decision = Decision(system=system, kind=kind, text=text, decided_by=actor,
                        decided_on=decided_on or timezone.localdate())
    decision._history_user = actor
    transition(system, Decision.TARGETS[kind], actor, f"décision : {text}"[:80])
    decision.save()
    for line in conditions:
        Condition.objects.create(decision=decision, text=line)
    notify(record_people(system), "decision", f"Décision sur « {system.name} » : {decision.get_kind_display()}",
           text + ("\nConditions à remplir :\n" + "\n".join(f"- {c}" for c in conditions) if conditions else ""),
           _record_url(system), key=f"decision:{decision.pk}")
    return decision


@transaction.atomic
def set_agenda(session, referrals):
    """Put exactly `referrals` (unanswered ones) on `session`'s agenda; answered referrals stay where they are."""
    session.agenda.filter(opinion__isnull=True).exclude(pk__in=[r.pk for r in referrals]).update(session=None)
    for referral in referrals:
        referral.session = session
        referral.save()


@transaction.atomic
def toggle_condition(condition, actor):
    """Mark a decision's condition done today, or reopen it when it was done."""
    condition.done_on = None if condition.done_on else timezone.localdate()
    condition._history_user = actor
    condition.save()
    return condition


@transaction.atomic
def declare(declaration, actor, within_conditions):
    """Record an agent's declaration: within an approved tool's conditions it is recorded, else it is a request."""
    declaration.declared_by = actor
    declaration.state = Declaration.State.RECORDED if within_conditions else Declaration.State.REQUESTED
    declaration._history_user = actor
    declaration.save()
    if declaration.state == Declaration.State.REQUESTED:
        notify(internal_committee_people(declaration.organisation), "declaration",
               f"Demande d'usage : « {declaration.tool_name} »",
               f"{actor} demande à utiliser « {declaration.tool_name} » : {declaration.purpose}",
               reverse("review:declarations"), key=f"declaration:{declaration.pk}")
    return declaration


@transaction.atomic
def answer_declaration(declaration, state, note, actor):
    """Record the internal committee's answer to a request and tell the agent."""
    declaration.state, declaration.committee_note = state, note
    declaration._history_user = actor
    declaration.save()
    notify([declaration.declared_by], "declaration", f"Réponse du comité : « {declaration.tool_name} »",
           f"{declaration.get_state_display()}. {declaration.committee_note}", reverse("review:my_declarations"))
    return declaration
