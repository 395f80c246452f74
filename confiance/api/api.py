"""The JSON API (OpenAPI document at /api/docs).

It applies exactly the screens' rules: the same permission check
(accounts.permissions) and the same form (register.forms.AISystemForm), so a
record the screens refuse is refused here with the same French messages.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import NinjaAPI, Query, Schema, Status
from ninja.errors import ValidationError as NinjaValidationError
from ninja.pagination import LimitOffsetPagination, paginate

from confiance.accounts.models import Organisation
from confiance.accounts.permissions import Action, can, member_organisations, organisations_where, visible_filter
from confiance.api.auth import BearerToken, session_auth
from confiance.api.schemas import AISystemIn, AISystemOut, AISystemPatch, ErrorOut, OrganisationOut
from confiance.register.forms import SYSTEM_FIELDS, AISystemForm
from confiance.register.models import AISystem
from confiance.register.search import query_filter

api = NinjaAPI(
    title="Confiance API",
    version="1.0.0",
    description="Registre des systèmes d'IA d'une collectivité. Authentification : "
    "`Authorization: Bearer <jeton>` (jetons délivrés par un administrateur).",
    auth=[BearerToken(), session_auth],
)


@api.exception_handler(NinjaValidationError)
def french_validation_error(request, exc):
    errors = {}
    for error in exc.errors:
        field = ".".join(str(part) for part in error.get("loc", [])[1:]) or "requête"
        errors.setdefault(field, []).append(f"Valeur invalide ({error.get('type', 'erreur')}).")
    return api.create_response(
        request, {"message": "La requête n'est pas valide : rien n'a été enregistré.", "errors": errors},
        status=422,
    )


class SystemFilters(Schema):
    q: str = ""
    status: str = ""
    domain: str = ""
    technique: str = ""
    organisation: str = ""


def _form_data(instance, changes):
    """Return form data: the instance's current values overlaid with `changes`."""
    current = instance or AISystem()  # a new record starts from the model's defaults
    data = {}
    for name in SYSTEM_FIELDS:
        data[name] = getattr(current, AISystem._meta.get_field(name).attname)
    for key, value in changes.items():
        data[key.removesuffix("_id")] = value
    # A form reads an unchecked box as absent, so booleans go in only when true.
    return {k: v for k, v in data.items() if v is not None and v is not False}


def _save(request, instance, changes, organisations):
    form = AISystemForm(data=_form_data(instance, changes), instance=instance, organisations=organisations)
    if "organisation" in form.fields:
        org = Organisation.objects.filter(slug=changes.get("organisation"), pk__in=organisations).first()
        form.data["organisation"] = org.pk if org else None
    if not form.is_valid():
        return Status(422, {
            "message": "Le système n'est pas enregistré : corrigez les champs indiqués.",
            "errors": {k: [str(m) for m in v] for k, v in form.errors.items()},
        })
    system = form.save(commit=False)
    if instance is None:
        system.created_by = request.user
        system.owner = system.owner or request.user
    system.save()
    return Status(201 if instance is None else 200, system)


def _get_system(request, system_id, action):
    system = get_object_or_404(AISystem.objects.select_related("organisation"), pk=system_id)
    if not can(request.user, Action.VIEW, system.organisation_id, system):
        raise Http404
    if not can(request.user, action, system.organisation_id, system):
        return None
    return system


@api.get("/organisations", response=list[OrganisationOut], tags=["organisations"])
def list_organisations(request):
    """List the organisations the caller belongs to."""
    return Organisation.objects.filter(pk__in=member_organisations(request.user))


@api.get("/systems", response=list[AISystemOut], tags=["systems"])
@paginate(LimitOffsetPagination)
def list_systems(request, filters: Query[SystemFilters]):
    """List the records the caller may read, filtered."""
    systems = AISystem.objects.filter(visible_filter(request.user)).select_related("organisation")
    if filters.q:
        systems = systems.filter(query_filter(filters.q))
    for name in ("status", "domain", "technique"):
        if getattr(filters, name):
            systems = systems.filter(**{name: getattr(filters, name)})
    if filters.organisation:
        systems = systems.filter(organisation__slug=filters.organisation)
    return systems.order_by("name", "pk")


@api.get("/systems/{system_id}", response={200: AISystemOut, 403: ErrorOut}, tags=["systems"])
def get_system(request, system_id: int):
    """Read one record."""
    return _get_system(request, system_id, Action.VIEW)


@api.post("/systems", response={201: AISystemOut, 403: ErrorOut, 422: ErrorOut}, tags=["systems"])
def create_system(request, payload: AISystemIn):
    """Declare a record, as a draft, in one of the caller's organisations."""
    organisations = organisations_where(request.user, Action.CREATE)
    if not organisations:
        return Status(403, {"message": "Vous n'avez pas le droit de déclarer un système."})
    return _save(request, None, payload.dict(exclude_unset=True), organisations)


@api.patch("/systems/{system_id}", response={200: AISystemOut, 403: ErrorOut, 422: ErrorOut}, tags=["systems"])
def update_system(request, system_id: int, payload: AISystemPatch):
    """Change some fields of a record; the others keep their value."""
    system = _get_system(request, system_id, Action.EDIT)
    if system is None:
        return Status(403, {"message": "Vous n'avez pas le droit de modifier ce système."})
    return _save(request, system, payload.dict(exclude_unset=True), [system.organisation_id])


# The review (referrals, sessions, opinions, decisions, experiments, tools, declarations): confiance/api/review.py.
from confiance.api.review import router as review_router  # noqa: E402

api.add_router("/review", review_router)
