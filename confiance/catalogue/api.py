"""The catalogue's JSON API (django-ninja router, mounted at /api/catalogue; OpenAPI at /api/docs).

Same permission rule (accounts.permissions.can_on_dataset) and same form (catalogue.forms.DatasetForm)
as the screens, so the API refuses what the screens refuse, with the same French messages.
"""

from datetime import date, datetime

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate

from confiance.accounts.models import Organisation
from confiance.accounts.permissions import Action, can, can_on_dataset, organisations_where, visible_datasets_filter
from confiance.api.errors import BoundedLimitOffset
from confiance.catalogue.choices import ReviewStatus
from confiance.catalogue.forms import DATASET_FIELDS, DatasetForm
from confiance.catalogue.models import Dataset, DatasetField, DatasetUse
from confiance.register.models import AISystem
from confiance.register.search import query_filter

router = Router(tags=["catalogue"])


class ErrorOut(Schema):
    message: str
    errors: dict[str, list[str]] = {}


class FieldSchema(Schema):
    name: str
    type: str = "string"
    description: str = ""
    personal: bool = False


class DistributionSchema(Schema):
    url: str
    format: str = ""
    title: str = ""


class UseOut(Schema):
    id: int
    dataset_id: int
    system_id: int
    role: str
    note: str


class DatasetOut(Schema):
    id: int
    organisation: str
    title: str
    description: str
    theme: str
    keywords: str
    service_id: int | None
    owner_id: int | None
    steward_id: int | None
    source_application: str
    classification: str
    shared_with: list[str]
    legal_basis: str
    sensitive_condition: str
    retention_months: int | None
    oldest_record_on: date | None
    hosting_country: str
    hosting_provider: str
    transfer_basis: str
    reversibility_clause: bool | None
    contract_reference: str
    frequency: str
    last_updated: date | None
    issued: date | None
    temporal_start: date | None
    temporal_end: date | None
    licence: str
    licence_other: str
    landing_page: str
    distributions: list[DistributionSchema]
    completeness_percent: int | None
    schema_url: str
    quality_label: int
    review_status: str
    withdrawn: bool
    uri: str
    fields: list[FieldSchema]
    uses: list[UseOut]
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_organisation(obj):
        return obj.organisation.slug

    @staticmethod
    def resolve_fields(obj):
        return list(obj.fields.all())

    @staticmethod
    def resolve_uses(obj):
        return list(obj.uses.all())


class DatasetPatch(Schema):
    title: str | None = None
    description: str | None = None
    theme: str | None = None
    keywords: str | None = None
    service_id: int | None = None
    owner_id: int | None = None
    steward_id: int | None = None
    source_application: str | None = None
    classification: str | None = None
    shared_with: list[str] | None = None
    legal_basis: str | None = None
    sensitive_condition: str | None = None
    retention_months: int | None = None
    oldest_record_on: date | None = None
    hosting_country: str | None = None
    hosting_provider: str | None = None
    transfer_basis: str | None = None
    reversibility_clause: bool | None = None
    contract_reference: str | None = None
    frequency: str | None = None
    last_updated: date | None = None
    issued: date | None = None
    temporal_start: date | None = None
    temporal_end: date | None = None
    licence: str | None = None
    licence_other: str | None = None
    landing_page: str | None = None
    distributions: list[DistributionSchema] | None = None
    completeness_percent: int | None = None
    schema_url: str | None = None
    quality_label: int | None = None
    fields: list[FieldSchema] | None = None


class DatasetIn(DatasetPatch):
    organisation: str
    title: str
    description: str


class UseIn(Schema):
    system_id: int
    role: str = "input"
    note: str = ""


class DatasetFilters(Schema):
    q: str = ""
    classification: str = ""
    organisation: str = ""
    status: str = ""


def _form_data(instance, changes):
    """Return form data: the dataset's current values overlaid with `changes` (what the screen would post)."""
    current = instance or Dataset()
    data = {}
    for name in DATASET_FIELDS:
        field = Dataset._meta.get_field(name)
        data[name] = getattr(current, field.attname)
    data["distributions_text"] = "\n".join(f"{d['url']} | {d.get('format', '')} | {d.get('title', '')}"
                                           for d in current.distributions or [])
    for key, value in changes.items():
        if key == "distributions":
            data["distributions_text"] = "\n".join(f"{d['url']} | {d.get('format', '')} | {d.get('title', '')}"
                                                   for d in value)
        elif key != "fields":
            data[key.removesuffix("_id")] = value
    if data.get("reversibility_clause") is None:
        data["reversibility_clause"] = "unknown"
    return {k: v for k, v in data.items() if v is not None}


def _save(request, instance, changes, organisations):
    from confiance.catalogue.views import _may_label

    org_id = instance.organisation_id if instance else None
    data = _form_data(instance, changes)
    if instance is None:
        org = Organisation.objects.filter(slug=changes.get("organisation"), pk__in=organisations).first()
        data["organisation"], org_id = (org.pk, org.pk) if org else (None, None)
    form = DatasetForm(data=data, instance=instance, organisations=organisations,
                       may_label=org_id is not None and _may_label(request.user, org_id))
    if not form.is_valid():
        return Status(422, {"message": "Le jeu de données n'est pas enregistré : corrigez les champs indiqués.",
                            "errors": {k: [str(m) for m in v] for k, v in form.errors.items()}})
    dataset = form.save(commit=False)
    if instance is None:
        dataset.created_by = request.user
    dataset.save()
    form.save_m2m()
    if changes.get("fields") is not None:
        dataset.fields.all().delete()
        DatasetField.objects.bulk_create(DatasetField(dataset=dataset, position=i, **f) for i, f in
                                         enumerate(changes["fields"], 1))
    return Status(201 if instance is None else 200, dataset)


def _get_dataset(request, dataset_id, action):
    dataset = get_object_or_404(Dataset.objects.select_related("organisation"), pk=dataset_id)
    if not can_on_dataset(request.user, Action.VIEW, dataset):
        raise Http404
    return dataset if can_on_dataset(request.user, action, dataset) else None


@router.get("/datasets", response=list[DatasetOut])
@paginate(BoundedLimitOffset)
def list_datasets(request, filters: Query[DatasetFilters]):
    """List the datasets the caller may read (in the catalogue, unless `status` says otherwise)."""
    datasets = Dataset.objects.filter(visible_datasets_filter(request.user)).select_related("organisation")
    datasets = datasets.filter(review_status=filters.status or ReviewStatus.ACCEPTED)
    if filters.q:
        datasets = datasets.filter(query_filter(filters.q))
    if filters.classification:
        datasets = datasets.filter(classification=filters.classification)
    if filters.organisation:
        datasets = datasets.filter(organisation__slug=filters.organisation)
    return datasets.prefetch_related("fields", "uses").order_by("title", "pk")


@router.get("/datasets/{dataset_id}", response={200: DatasetOut, 403: ErrorOut})
def get_dataset(request, dataset_id: int):
    """Read one dataset, with its fields and its uses by AI systems."""
    return _get_dataset(request, dataset_id, Action.VIEW)


@router.post("/datasets", response={201: DatasetOut, 403: ErrorOut, 422: ErrorOut})
def create_dataset(request, payload: DatasetIn):
    """Describe a dataset in one of the caller's organisations."""
    organisations = organisations_where(request.user, Action.CREATE)
    if not organisations:
        return Status(403, {"message": "Vous n'avez pas le droit de décrire un jeu de données."})
    return _save(request, None, payload.dict(exclude_unset=True), organisations)


@router.patch("/datasets/{dataset_id}", response={200: DatasetOut, 403: ErrorOut, 422: ErrorOut})
def update_dataset(request, dataset_id: int, payload: DatasetPatch):
    """Change some fields of a dataset (`fields`, when given, replaces its list of fields)."""
    dataset = _get_dataset(request, dataset_id, Action.EDIT)
    if dataset is None:
        return Status(403, {"message": "Vous n'avez pas le droit de modifier ce jeu de données."})
    return _save(request, dataset, payload.dict(exclude_unset=True), [dataset.organisation_id])


@router.delete("/datasets/{dataset_id}", response={204: None, 403: ErrorOut})
def delete_dataset(request, dataset_id: int):
    """Delete a dataset; its history keeps it."""
    dataset = _get_dataset(request, dataset_id, Action.EDIT)
    if dataset is None:
        return Status(403, {"message": "Vous n'avez pas le droit de supprimer ce jeu de données."})
    dataset.delete()
    return Status(204, None)


@router.post("/datasets/{dataset_id}/uses", response={201: UseOut, 403: ErrorOut, 422: ErrorOut})
def create_use(request, dataset_id: int, payload: UseIn):
    """Link the dataset to an AI system the caller may edit, with a role (training, input, output)."""
    dataset = _get_dataset(request, dataset_id, Action.VIEW)
    system = AISystem.objects.filter(pk=payload.system_id).first()
    if system is None or not can(request.user, Action.EDIT, system.organisation_id, system):
        return Status(403, {"message": "Vous n'avez pas le droit de modifier ce système d'IA."})
    from confiance.catalogue.forms import DatasetUseForm

    form = DatasetUseForm(data={"dataset": dataset.pk, "role": payload.role, "note": payload.note}, system=system,
                          datasets=Dataset.objects.filter(pk=dataset.pk))
    if not form.is_valid():
        return Status(422, {"message": "Le lien n'est pas enregistré.",
                            "errors": {k: [str(m) for m in v] for k, v in form.errors.items()}})
    return Status(201, form.save())


@router.delete("/uses/{use_id}", response={204: None, 403: ErrorOut})
def delete_use(request, use_id: int):
    """Remove a link between a dataset and an AI system; its history keeps it."""
    use = get_object_or_404(DatasetUse.objects.select_related("system"), pk=use_id)
    if not can(request.user, Action.EDIT, use.system.organisation_id, use.system):
        return Status(403, {"message": "Vous n'avez pas le droit de modifier ce système d'IA."})
    use.delete()
    return Status(204, None)
