"""The JSON API (OpenAPI document at /api/docs).

It applies exactly the screens' rules: the same permission check
(accounts.permissions) and the same form (register.forms.AISystemForm), so a
record the screens refuse is refused here with the same French messages.
"""

from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Header, NinjaAPI, Query, Schema, Status
from ninja.errors import ValidationError as NinjaValidationError
from ninja.pagination import paginate

from confiance.accounts.models import Organisation
from confiance.accounts.permissions import Action, can, member_organisations, organisations_where, visible_filter
from confiance.api import errors
from confiance.api.auth import BearerToken, session_auth
from confiance.api.errors import ERRORS, BoundedLimitOffset, StrictJSONParser, french_message
from confiance.api.schemas import AISystemIn, AISystemOut, AISystemPatch, CompletenessOut, ErrorOut, OrganisationOut
from confiance.core.concurrency import etag, form_data, parse_version, version_of
from confiance.register.forms import AISystemForm
from confiance.register.models import AISystem
from confiance.register.search import query_filter

api = NinjaAPI(
    title="Confiance API",
    version="1.0.0",
    description="Registre des systèmes d'IA d'une collectivité. Authentification : "
    "`Authorization: Bearer <jeton>` (jetons délivrés par un administrateur).",
    auth=[BearerToken(), session_auth],
    parser=StrictJSONParser(),
)
errors.install(api)
errors.document_on(api)


@api.exception_handler(NinjaValidationError)
def french_validation_error(request, exc):
    errors = {}
    for error in exc.errors:
        field = ".".join(str(part) for part in error.get("loc", [])[1:]) or "requête"
        errors.setdefault(field, []).append(french_message(error))
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


def _form_data(instance, changes, organisations):
    """Return form data: the instance's current values, as its form would post them, overlaid with `changes`.

    Reading the current values through the form itself covers every field the form
    has, including fields added later, with no list to keep in step.
    """
    current = instance or AISystem()  # a new record starts from the model's defaults
    data = form_data(AISystemForm(instance=current, organisations=organisations))
    data.pop("organisation", None)
    for key, value in changes.items():
        key = key.removesuffix("_id")
        if value is True:
            data[key] = "on"
        elif value is False or value is None:
            data[key] = ""  # an unchecked box, an emptied field
        elif isinstance(value, list):
            data[key] = [str(v) for v in value]
        else:
            data[key] = value
    return data


def _save(request, instance, changes, organisations):
    form = AISystemForm(data=_form_data(instance, changes, organisations), instance=instance,
                        organisations=organisations)
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
    form.save_m2m()
    return Status(201 if instance is None else 200, system)


def _get_system(request, system_id, action):
    system = get_object_or_404(AISystem.objects.select_related("organisation"), pk=system_id)
    if not can(request.user, Action.VIEW, system.organisation_id, system):
        raise Http404
    if not can(request.user, action, system.organisation_id, system):
        return None
    return system


@api.get("/organisations", response={200: list[OrganisationOut], **ERRORS}, tags=["organisations"])
def list_organisations(request):
    """List the organisations the caller belongs to."""
    errors.refuse_unknown_query(request)
    return Organisation.objects.filter(pk__in=member_organisations(request.user))


@api.get("/systems", response={200: list[AISystemOut], **ERRORS}, tags=["systems"])
@paginate(BoundedLimitOffset)
def list_systems(request, filters: Query[SystemFilters]):
    """List the records the caller may read, filtered."""
    errors.refuse_unknown_query(request, *SystemFilters.model_fields, "limit", "offset")
    systems = AISystem.objects.filter(visible_filter(request.user)).select_related("organisation")
    if filters.q:
        systems = systems.filter(query_filter(filters.q))
    for name in ("status", "domain", "technique"):
        if getattr(filters, name):
            systems = systems.filter(**{name: getattr(filters, name)})
    if filters.organisation:
        systems = systems.filter(organisation__slug=filters.organisation)
    return systems.order_by("name", "pk")


@api.get("/systems/{system_id}", response={200: AISystemOut, 403: ErrorOut, **ERRORS}, tags=["systems"],
         openapi_extra=errors.etag_header_doc(200))
def get_system(request, system_id: int, response: HttpResponse):
    """Read one record. Its `ETag` header is its version: send it back in `If-Match` to change it."""
    errors.refuse_unknown_query(request)
    system = _get_system(request, system_id, Action.VIEW)
    if system is not None:
        response["ETag"] = etag(version_of(system))
    return system


@api.post("/systems", response={201: AISystemOut, 403: ErrorOut, **ERRORS}, tags=["systems"],
          openapi_extra=errors.etag_header_doc(201))
def create_system(request, payload: AISystemIn, response: HttpResponse):
    """Declare a record, as a draft, in one of the caller's organisations."""
    errors.refuse_unknown_query(request)
    organisations = organisations_where(request.user, Action.CREATE)
    if not organisations:
        return Status(403, {"message": "Vous n'avez pas le droit de déclarer un système."})
    with transaction.atomic():
        result = _save(request, None, payload.dict(exclude_unset=True), organisations)
    if result.status_code == 201:
        response["ETag"] = etag(version_of(result.value))
    return result


@api.patch("/systems/{system_id}",
           response={200: AISystemOut, 403: ErrorOut, 412: ErrorOut, 428: ErrorOut, **ERRORS},
           tags=["systems"], openapi_extra=errors.etag_header_doc(200))
def update_system(request, system_id: int, payload: AISystemPatch, response: HttpResponse,
                  if_match: str = Header(None, alias="If-Match",
                                         description="L'`ETag` reçu en lisant la fiche (obligatoire).")):
    """Change the fields named in the body, and only those, if the record is still at the version read.

    Without `If-Match` the answer is 428; when someone changed the record since
    (its `ETag` differs) it is 412 and nothing is written: read it again, then retry.
    """
    errors.refuse_unknown_query(request)
    system = _get_system(request, system_id, Action.EDIT)
    if system is None:
        return Status(403, {"message": "Vous n'avez pas le droit de modifier ce système."})
    if not if_match:
        return Status(428, {"message": "Indiquez dans l'en-tête If-Match l'ETag reçu en lisant la fiche : "
                                       "rien n'a été enregistré.", "errors": {"If-Match": ["Obligatoire."]}})
    with transaction.atomic():
        current = AISystem.objects.select_for_update().select_related("organisation").get(pk=system.pk)
        version = version_of(current)
        if if_match.strip() != "*" and parse_version(if_match) != version:
            response["ETag"] = etag(version)
            return Status(412, {
                "message": "La fiche a été modifiée depuis votre lecture : rien n'a été enregistré. "
                           "Relisez-la, puis renvoyez vos modifications.",
                "errors": {"If-Match": [f"La version actuelle est {etag(version)}."]},
            })
        result = _save(request, current, payload.dict(exclude_unset=True), [current.organisation_id])
    if result.status_code == 200:
        response["ETag"] = etag(version_of(result.value))
    return result


@api.get("/systems/{system_id}/completeness", response={200: CompletenessOut, 403: ErrorOut}, tags=["systems"])
def get_completeness(request, system_id: int):
    """Say, for each publication standard, which required fields the record fills and which it lacks."""
    from confiance.public import completeness

    system = _get_system(request, system_id, Action.VIEW)
    return {"system_id": system.pk, "standards": [completeness.as_dict(r) for r in completeness.for_system(system)]}


# The data catalogue's endpoints (confiance/catalogue/api.py), under /api/catalogue/.
from confiance.catalogue.api import router as catalogue_router  # noqa: E402

api.add_router("/catalogue", catalogue_router)


# The audits' endpoints (confiance/audits/api.py), under the same authentication.
from confiance.audits.api import router as audits_router  # noqa: E402 - after `api` exists

api.add_router("/", audits_router)


# The review (referrals, sessions, opinions, decisions, experiments, tools, declarations): confiance/api/review.py.
from confiance.api.review import router as review_router  # noqa: E402

api.add_router("/review", review_router)
