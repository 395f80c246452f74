"""The review in the API: referrals, sessions, opinions, decisions and conditions, experiments, tools, declarations.

Each endpoint does what its screen does (confiance/review/views/): the same access helpers
over accounts.permissions, the same form, the same act of review/transitions.py. A request
the screen would refuse is refused here with the same French message and changes nothing:
422 for a field, 403 for a right, 409 when the record's state forbids it.
"""

import functools

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.forms.models import model_to_dict
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Header, Query, Router, Schema, Status
from ninja.pagination import paginate

from confiance.accounts.models import Organisation
from confiance.accounts.permissions import Action, member_organisations, organisations_where, sits_on, visible_filter
from confiance.api import review_schemas as s
from confiance.api.errors import BoundedLimitOffset, etag_header_doc
from confiance.api.schemas import ErrorOut
from confiance.api.versions import IF_MATCH_DESCRIPTION, refuse_stale, tag
from confiance.register.models import AISystem
from confiance.register.views import _get_system_for_user
from confiance.review import transitions
from confiance.review.forms import (
    AgendaForm,
    ApprovedToolForm,
    DecisionForm,
    DeclarationAnswerForm,
    DeclarationForm,
    ExperimentForm,
    MinutesForm,
    OpinionForm,
    ReferralForm,
    SessionForm,
    TransitionForm,
)
from confiance.review.models import ApprovedTool, Condition, Decision, Declaration, Experiment, Opinion, Referral, Session
from confiance.review.views.access import (
    get_committee_for_user,
    get_referral_for_user,
    may_follow,
    reads_everything,
    require_review,
    visible_committees,
)
from confiance.rules import lifecycle

router = Router(tags=["review"])


def _responses(out, created=False, versioned=False):
    responses = {(201 if created else 200): out, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}
    if versioned:  # a change of an existing object: If-Match (versions.refuse_stale)
        responses.update({412: ErrorOut, 428: ErrorOut})
    return responses


def _if_match():
    return Header(None, alias="If-Match", description=IF_MATCH_DESCRIPTION)


def refusals(view):
    """Turn the screens' PermissionDenied into a 403 with its French message."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as denied:
            return Status(403, {"message": str(denied) or "Vous n'avez pas le droit de faire cela."})

    return wrapper


def _invalid(form, what):
    errors = {k: [str(m) for m in v] for k, v in form.errors.items()}
    return Status(422, {"message": f"{what} : rien n'a été enregistré, corrigez les champs indiqués.",
                        "errors": errors})


def _refused(error):
    status = 403 if error.result.refused_for_role else 409
    return Status(status, {"message": "Rien n'a changé. " + error.result.message})


RENAMES = {"committee_id": "committee", "session_id": "session", "attendee_ids": "attendees",
           "service_ids": "services", "tool_id": "tool", "service_id": "service"}


def _data(payload, current=None):
    """Return form data: `current` values (a model_to_dict) overlaid with the payload's given fields."""
    data = {k: v for k, v in (current or {}).items() if v is not None}
    for key, value in payload.items():
        name = RENAMES.get(key, key)
        if value is not None:  # None means "not given": the current value stays
            data[name] = value
    for key, value in list(data.items()):
        if isinstance(value, list):
            data[key] = [getattr(item, "pk", item) for item in value]
    return data


def _current(instance, form_class):
    return model_to_dict(instance, fields=form_class._meta.fields)


# Committees and referrals ---------------------------------------------------------------------------------------

@router.get("/committees", response=list[s.CommitteeOut])
def list_committees(request):
    """List the committees the caller may open."""
    return visible_committees(request.user).select_related("organisation")


class ReferralFilters(Schema):
    committee_id: int | None = None
    system_id: int | None = None
    open: bool | None = None


@router.get("/referrals", response=list[s.ReferralOut])
@paginate(BoundedLimitOffset)
def list_referrals(request, filters: Query[ReferralFilters]):
    """List the referrals whose dossier the caller may read (members of a committee see its referrals)."""
    referrals = (Referral.objects.filter(committee__in=visible_committees(request.user))
                 .filter(system__in=AISystem.objects.filter(visible_filter(request.user)))
                 .select_related("system", "committee", "opinion").order_by("deadline", "pk"))
    if filters.committee_id:
        referrals = referrals.filter(committee_id=filters.committee_id)
    if filters.system_id:
        referrals = referrals.filter(system_id=filters.system_id)
    if filters.open is not None:
        referrals = referrals.filter(opinion__isnull=filters.open)
    return [r for r in referrals if reads_everything(request.user, r.system.organisation_id)
            or sits_on(request.user, r.committee)]


@router.get("/referrals/{referral_id}", response={200: s.ReferralOut, 404: ErrorOut})
def get_referral(request, referral_id: int):
    """Read one referral and its opinion."""
    return get_referral_for_user(request, referral_id)


@router.post("/systems/{system_id}/referrals", response=_responses(s.ReferralOut, created=True))
@refusals
def create_referral(request, system_id: int, payload: s.ReferralIn):
    """Refer a record to a committee (internal committee or administrators); the members are told."""
    system = _get_system_for_user(request, system_id)
    require_review(request, system.organisation_id)
    form = ReferralForm(_data(payload.dict()), system=system)
    if not form.is_valid():
        return _invalid(form, "La saisine n'est pas enregistrée")
    data = form.cleaned_data
    referral = transitions.refer(system, data["committee"], request.user, data["question"], data["deadline"],
                                 data["session"])
    return Status(201, referral)


@router.post("/referrals/{referral_id}/opinion", response=_responses(s.OpinionOut, created=True))
@refusals
def create_opinion(request, referral_id: int, payload: s.OpinionIn):
    """Record the committee's opinion; once given it is kept, not replaced (409)."""
    referral = get_referral_for_user(request, referral_id)
    if not sits_on(request.user, referral.committee):
        raise PermissionDenied("Seuls les membres du comité saisi rendent son avis.")
    if referral.answered:
        return Status(409, {"message": "Le comité a déjà rendu son avis sur cette saisine."})
    opinion = Opinion(referral=referral)
    form = OpinionForm(_data(payload.dict(), _current(opinion, OpinionForm)), instance=opinion)
    if not form.is_valid():
        return _invalid(form, "L'avis n'est pas enregistré")
    return Status(201, transitions.record_opinion(form.save(commit=False), request.user))


# Sessions ---------------------------------------------------------------------------------------------------------

@router.get("/sessions", response=list[s.SessionOut])
@paginate(BoundedLimitOffset)
def list_sessions(request, committee_id: int | None = None):
    """List the sessions of the committees the caller may open."""
    sessions = Session.objects.filter(committee__in=visible_committees(request.user)).prefetch_related(
        "attendees", "agenda")
    if committee_id:
        sessions = sessions.filter(committee_id=committee_id)
    return sessions.order_by("-held_on", "-pk")


def _get_session(request, session_id):
    session = get_object_or_404(Session.objects.select_related("committee"), pk=session_id)
    get_committee_for_user(request, session.committee_id)
    return session


@router.get("/sessions/{session_id}", response={200: s.SessionOut, 404: ErrorOut},
            openapi_extra=etag_header_doc(200))
def get_session(request, session_id: int, response: HttpResponse):
    """Read one session: its date, attendance, minutes and agenda; its `ETag` is sent back in `If-Match`."""
    return tag(response, _get_session(request, session_id))


@router.post("/committees/{committee_id}/sessions", response=_responses(s.SessionOut, created=True))
@refusals
def create_session(request, committee_id: int, payload: s.SessionIn):
    """Plan a session of a committee (its members and the administrators)."""
    committee = get_committee_for_user(request, committee_id)
    if not sits_on(request.user, committee):
        raise PermissionDenied("Seuls les membres du comité organisent ses séances.")
    given = payload.dict()
    minutes_given = {k: given.pop(k) for k in MINUTES_KEYS if given.get(k)}
    form = SessionForm(_data(given), committee=committee)
    if not form.is_valid():
        return _invalid(form, "La séance n'est pas enregistrée")
    with transaction.atomic():
        session = form.save(commit=False)
        session.committee = committee
        session.save()
        form.save_m2m()
        minutes = _minutes_form(session, minutes_given)
        if minutes is not None and not minutes.is_valid():
            transaction.set_rollback(True)
            return _invalid(minutes, "La séance n'est pas enregistrée")
        if minutes is not None:
            minutes.save()
    return Status(201, session)


@router.patch("/sessions/{session_id}", response=_responses(s.SessionOut, versioned=True),
              openapi_extra=etag_header_doc(200))
@refusals
def update_session(request, session_id: int, payload: s.SessionPatch, response: HttpResponse,
                   if_match: str = _if_match()):
    """Change a session's named fields if it is still at the version read (`If-Match`: 428 without, 412 when
    older); `agenda_ids` sets the unanswered referrals it examines."""
    session = _get_session(request, session_id)
    if not sits_on(request.user, session.committee):
        raise PermissionDenied("Seuls les membres du comité tiennent ses séances.")
    changes = payload.dict(exclude_unset=True)
    agenda_ids = changes.pop("agenda_ids", None)
    minutes_given = {k: changes.pop(k) for k in MINUTES_KEYS if k in changes}
    with transaction.atomic():
        session = Session.objects.select_for_update().select_related("committee").get(pk=session.pk)
        stale = refuse_stale(if_match, session, response, "La séance")
        if stale:
            return stale
        form = SessionForm(_data(changes, _current(session, SessionForm)), instance=session,
                           committee=session.committee)
        agenda = AgendaForm({"referrals": agenda_ids or []}, session=session)
        minutes = _minutes_form(session, minutes_given)
        if not form.is_valid():
            return _invalid(form, "La séance n'est pas enregistrée")
        if agenda_ids is not None and not agenda.is_valid():
            return _invalid(agenda, "La séance n'est pas enregistrée")
        if minutes is not None and not minutes.is_valid():
            return _invalid(minutes, "La séance n'est pas enregistrée")
        session._history_user = request.user
        if form.has_changed():
            form.save()
        if agenda_ids is not None:
            transitions.set_agenda(session, agenda.cleaned_data["referrals"])
        if minutes is not None:
            minutes.save()
    return tag(response, session)


# Planning (date, place, agenda) and minutes (attendance, minutes) are separate forms, as on the screens.
MINUTES_KEYS = ("minutes", "attendee_ids")


def _minutes_form(session, given):
    """Return the bound minutes form for the minutes fields `given`, or None when none is given."""
    if not any(value is not None for value in given.values()):
        return None
    return MinutesForm(_data(given, _current(session, MinutesForm)), instance=session)


# Lifecycle: status, decisions and conditions, experiments --------------------------------------------------------

@router.post("/systems/{system_id}/status", response=_responses(s.StatusOut))
@refusals
def change_status(request, system_id: int, payload: s.StatusIn):
    """Move a record one step of its lifecycle (the moves that are not a decision of the authority)."""
    system = _get_system_for_user(request, system_id)
    form = TransitionForm(payload.dict())
    if not form.is_valid():
        return _invalid(form, "Le statut n'a pas changé")
    if form.cleaned_data["to_status"] in lifecycle.DECISION_TARGETS:
        return Status(409, {"message": "Rien n'a changé : cette étape se fait par une décision "
                                       "(POST /api/review/systems/{id}/decisions)."})
    try:
        transitions.transition(system, form.cleaned_data["to_status"], request.user, form.cleaned_data["reason"])
    except transitions.TransitionRefused as error:
        return _refused(error)
    return system


@router.get("/systems/{system_id}/decisions", response={200: list[s.DecisionOut], 404: ErrorOut})
def list_decisions(request, system_id: int):
    """List the authority's decisions on a record, with their conditions."""
    system = _get_system_for_user(request, system_id)
    return list(system.decisions.prefetch_related("conditions"))


@router.post("/systems/{system_id}/decisions", response=_responses(s.DecisionOut, created=True))
@refusals
def create_decision(request, system_id: int, payload: s.DecisionIn):
    """Record the authority's decision and make its move; refused (409) with the lifecycle's reasons."""
    system = _get_system_for_user(request, system_id)
    require_review(request, system.organisation_id)
    data = payload.dict()
    data["conditions"] = "\n".join(data["conditions"])
    form = DecisionForm(_data(data, _current(Decision(system=system), DecisionForm)))
    if not form.is_valid():
        return _invalid(form, "La décision n'est pas enregistrée")
    data = form.cleaned_data
    try:
        decision = transitions.record_decision(system, data["kind"], data["text"], request.user,
                                               form.condition_lines(), data["decided_on"])
    except transitions.TransitionRefused as error:
        return _refused(error)
    return Status(201, decision)


@router.post("/conditions/{condition_id}", response=_responses(s.ConditionOut))
@refusals
def set_condition(request, condition_id: int, payload: s.ConditionIn):
    """Mark a decision's condition done (`{"done": true}`) or reopen it."""
    condition = get_object_or_404(Condition.objects.select_related("decision__system"), pk=condition_id)
    system = _get_system_for_user(request, condition.decision.system_id)
    if not may_follow(request.user, system):
        raise PermissionDenied("Vous ne pouvez pas suivre les conditions de ce système.")
    if payload.done != bool(condition.done_on):
        transitions.toggle_condition(condition, request.user)
    return condition


@router.get("/systems/{system_id}/experiments", response={200: list[s.ExperimentOut], 404: ErrorOut})
def list_experiments(request, system_id: int):
    """List a record's experimentations and their evaluations."""
    system = _get_system_for_user(request, system_id)
    return list(system.experiments.prefetch_related("services").order_by("pk"))


@router.get("/systems/{system_id}/experiment", response={200: s.ExperimentOut, 404: ErrorOut},
            openapi_extra=etag_header_doc(200))
def get_experiment(request, system_id: int, response: HttpResponse):
    """Read the record's current experimentation; its `ETag` is sent back in `If-Match` to change it."""
    system = _get_system_for_user(request, system_id)
    return tag(response, get_object_or_404(system.experiments.order_by("-pk")[:1]))


@router.put("/systems/{system_id}/experiment", response=_responses(s.ExperimentOut, versioned=True),
            openapi_extra=etag_header_doc(200))
@refusals
def save_experiment(request, system_id: int, payload: s.ExperimentIn, response: HttpResponse,
                    if_match: str = _if_match()):
    """Plan the current experimentation, then record its evaluation; given fields change, the others stay.

    Once an experimentation exists, `If-Match` must name its `ETag` (428 without, 412 when older).
    """
    system = _get_system_for_user(request, system_id)
    if not may_follow(request.user, system):
        raise PermissionDenied("Seuls le porteur, le référent et le comité interne suivent l'expérimentation.")
    with transaction.atomic():
        experiment = system.experiments.select_for_update().order_by("-pk").first()
        if experiment is not None:
            stale = refuse_stale(if_match, experiment, response, "L'expérimentation")
            if stale:
                return stale
        experiment = experiment or Experiment(system=system)
        current = _current(experiment, ExperimentForm)
        form = ExperimentForm(_data(payload.dict(exclude_unset=True), current), instance=experiment, system=system)
        if not form.is_valid():
            return _invalid(form, "L'expérimentation n'est pas enregistrée")
        form.instance._history_user = request.user
        return tag(response, form.save() if form.has_changed() or not experiment.pk else experiment)


# Shadow AI: approved tools and declarations -----------------------------------------------------------------------

@router.get("/tools", response=list[s.ApprovedToolOut])
def list_tools(request):
    """List the approved AI tools of the caller's organisations."""
    return ApprovedTool.objects.filter(organisation__in=member_organisations(request.user), active=True
                                       ).select_related("organisation")


def _save_tool(request, tool, payload):
    organisations = organisations_where(request.user, Action.REVIEW)
    if not organisations:
        raise PermissionDenied("Seuls le comité interne et les administrateurs tiennent le catalogue.")
    changes = payload.dict(exclude_unset=True)
    if "organisation" in changes:
        org = Organisation.objects.filter(slug=changes["organisation"]).first()
        changes["organisation"] = org.pk if org else -1
    current = _current(tool, ApprovedToolForm) if tool else {}
    form = ApprovedToolForm(_data(changes, current), instance=tool, organisations=organisations)
    if not form.is_valid():
        return _invalid(form, "L'outil n'est pas enregistré")
    form.instance._history_user = request.user
    if tool is not None and not form.has_changed():
        return Status(200, tool)
    return Status(200 if tool else 201, form.save())


@router.post("/tools", response=_responses(s.ApprovedToolOut, created=True), openapi_extra=etag_header_doc(201))
@refusals
def create_tool(request, payload: s.ApprovedToolIn, response: HttpResponse):
    """Add a tool to the catalogue of approved AI tools (internal committee, administrators)."""
    result = _save_tool(request, None, payload)
    if result.status_code == 201:
        tag(response, result.value)
    return result


def _get_tool(request, tool_id, lock=False):
    tools = ApprovedTool.objects.select_for_update() if lock else ApprovedTool.objects
    return get_object_or_404(tools, pk=tool_id, organisation__in=organisations_where(request.user, Action.REVIEW))


@router.get("/tools/{tool_id}", response={200: s.ApprovedToolOut, 404: ErrorOut}, openapi_extra=etag_header_doc(200))
def get_tool(request, tool_id: int, response: HttpResponse):
    """Read one tool of the catalogue (internal committee, administrators); its `ETag` goes in `If-Match`."""
    return tag(response, _get_tool(request, tool_id))


@router.patch("/tools/{tool_id}", response=_responses(s.ApprovedToolOut, versioned=True),
              openapi_extra=etag_header_doc(200))
@refusals
def update_tool(request, tool_id: int, payload: s.ApprovedToolPatch, response: HttpResponse,
                if_match: str = _if_match()):
    """Change a tool's named fields if it is still at the version read (`If-Match`: 428 without, 412 when
    older); `active: false` withdraws it."""
    with transaction.atomic():
        tool = _get_tool(request, tool_id, lock=True)
        stale = refuse_stale(if_match, tool, response, "L'outil")
        if stale:
            return stale
        result = _save_tool(request, tool, payload)
    if result.status_code == 200:
        tag(response, result.value)
    return result


@router.get("/declarations", response={200: list[s.DeclarationOut], 403: ErrorOut})
@refusals
@paginate(BoundedLimitOffset)
def list_declarations(request, scope: str = "mine"):
    """List the caller's own declarations (`scope=mine`) or, for the committee, their organisations' (`all`)."""
    if scope != "all":
        return request.user.declarations.select_related("organisation", "tool")
    organisations = organisations_where(request.user, Action.REVIEW)
    if not organisations:
        raise PermissionDenied("Seuls le comité interne et les administrateurs voient les déclarations.")
    return Declaration.objects.filter(organisation__in=organisations).select_related("organisation", "tool")


@router.post("/declarations", response=_responses(s.DeclarationOut, created=True))
@refusals
def create_declaration(request, payload: s.DeclarationIn):
    """Declare a tool: within an approved tool's conditions it is recorded, otherwise it is a request."""
    organisations = member_organisations(request.user)
    if not organisations:
        raise PermissionDenied("Vous n'appartenez à aucune organisation.")
    data = payload.dict()
    org = Organisation.objects.filter(slug=data["organisation"]).first()
    data["organisation"] = org.pk if org else -1
    form = DeclarationForm(_data(data), organisations=organisations)
    if not form.is_valid():
        return _invalid(form, "La déclaration n'est pas enregistrée")
    return Status(201, transitions.declare(form.save(commit=False), request.user, form.within_conditions()))


@router.post("/declarations/{declaration_id}/answer", response=_responses(s.DeclarationOut))
@refusals
def answer_declaration(request, declaration_id: int, payload: s.DeclarationAnswerIn):
    """Accept or refuse an agent's request (internal committee, administrators); the agent is told."""
    declaration = get_object_or_404(Declaration, pk=declaration_id, state=Declaration.State.REQUESTED)
    require_review(request, declaration.organisation_id)
    form = DeclarationAnswerForm(payload.dict())
    if not form.is_valid():
        return _invalid(form, "La réponse n'est pas enregistrée")
    return transitions.answer_declaration(declaration, form.cleaned_data["state"],
                                          form.cleaned_data["committee_note"], request.user)
