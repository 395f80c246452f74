"""The audits in the JSON API: a record's bias audits (run one as a job) and its carbon estimate.

Permission is the one check (accounts.permissions.can); bad input gets the
screens' French messages (the same forms, the same rules) and stores nothing.
"""

import os
from datetime import datetime

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from confiance.accounts.permissions import Action, can, can_on_dataset
from confiance.audits import carbon as carbon_records
from confiance.audits.bias import preflight, spec_from, spool_upload
from confiance.audits.forms import BiasAuditForm
from confiance.audits.models import BiasAudit, CarbonEstimate, DatasetCarbonEstimate
from confiance.audits.tasks import keep_upload, start_bias_audit
from confiance.catalogue.models import Dataset
from confiance.register.models import AISystem
from confiance.rules import bias_law
from confiance.rules.bias_input import BiasInputError
from confiance.rules.carbon import CarbonInputError

router = Router(tags=["audits"])


class Problem(Schema):
    message: str
    errors: dict[str, list[str]] = {}


class BiasAuditOut(Schema):
    id: int
    file_name: str
    rows: int | None
    created_at: datetime
    report: dict


class JobOut(Schema):
    job_id: int
    job_url: str


class CarbonIn(Schema):
    training: dict | None = None
    inference: dict | None = None
    storage: dict | None = None
    benefit: dict | None = None


class CarbonOut(Schema):
    low_kg: float
    central_kg: float
    high_kg: float
    benefit_kg: float | None
    inputs: dict
    result: dict


class MeasurementOut(Schema):
    id: int
    part: str
    command: str
    return_code: int
    duration_s: float
    energy_kwh: float
    emissions_kg: float
    country: str
    tool: str
    measured_at: datetime


def _system(request, system_id, action):
    """Return the record, None when the caller may see it but not do `action`; 404 when they may not see it."""
    system = get_object_or_404(AISystem.objects.select_related("organisation"), pk=system_id)
    if not can(request.auth, Action.VIEW, system.organisation_id, system):
        raise Http404
    return system if can(request.auth, action, system.organisation_id, system) else None


FORBIDDEN = Status(403, {"message": "Vous ne pouvez pas modifier ce système."})


@router.get("/systems/{system_id}/bias-audits", response=list[BiasAuditOut])
def list_bias_audits(request, system_id: int):
    """List a record's bias audits (aggregates only), newest first."""
    return BiasAudit.objects.filter(system=_system(request, system_id, Action.VIEW))


@router.get("/systems/{system_id}/bias-audits/{audit_id}", response=BiasAuditOut)
def get_bias_audit(request, system_id: int, audit_id: int):
    return get_object_or_404(BiasAudit, pk=audit_id, system=_system(request, system_id, Action.VIEW))


@router.post("/systems/{system_id}/bias-audits", response={202: JobOut, 403: Problem, 422: Problem})
def create_bias_audit(request, system_id: int, file: File[UploadedFile], protected: Form[str],
                      outcome: Form[str] = "", outcome_favourable: Form[str] = "", prediction: Form[str] = "",
                      prediction_favourable: Form[str] = "", min_group_size: Form[int] = 10, reference: Form[str] = "",
                      legal_basis: Form[str] = ""):
    """Check the file and the columns at once, then run the audit as a background job (follow `job_url`)."""
    system = _system(request, system_id, Action.EDIT)
    if system is None:
        return FORBIDDEN
    return _start(request, system, file)


def _start(request, target, file):
    """Validate with the screen's form, check the file at once, and start the audit of `target` as a job."""
    form = BiasAuditForm(request.POST, request.FILES)
    if not form.is_valid():
        return Status(422, {"message": "L'audit n'est pas lancé : corrigez les champs indiqués.",
                            "errors": {k: [str(m) for m in v] for k, v in form.errors.items()}})
    spec = spec_from(form.cleaned_data)
    path, temporary = spool_upload(file)
    try:
        preflight(path, spec)
    except (BiasInputError, bias_law.LegalBasisRequired) as exc:
        if temporary:
            os.unlink(path)
        return Status(422, {"message": str(exc)})
    job = start_bias_audit(target, keep_upload(path, file.name), spec, request.auth, file.name, delete_after=True)
    return Status(202, {"job_id": job.pk, "job_url": job.get_absolute_url()})


def _dataset(request, dataset_id, action):
    """Return the dataset, None when the caller may see it but not do `action`; 404 when they may not see it."""
    dataset = get_object_or_404(Dataset, pk=dataset_id)
    if not can_on_dataset(request.auth, Action.VIEW, dataset):
        raise Http404
    return dataset if can_on_dataset(request.auth, action, dataset) else None


@router.get("/audits/datasets/{dataset_id}/bias-audits", response=list[BiasAuditOut])
def list_dataset_bias_audits(request, dataset_id: int):
    """List a catalogue dataset's bias audits (aggregates only), newest first."""
    return BiasAudit.objects.filter(dataset=_dataset(request, dataset_id, Action.VIEW))


@router.get("/audits/datasets/{dataset_id}/bias-audits/{audit_id}", response=BiasAuditOut)
def get_dataset_bias_audit(request, dataset_id: int, audit_id: int):
    return get_object_or_404(BiasAudit, pk=audit_id, dataset=_dataset(request, dataset_id, Action.VIEW))


@router.post("/audits/datasets/{dataset_id}/bias-audits", response={202: JobOut, 403: Problem, 422: Problem})
def create_dataset_bias_audit(request, dataset_id: int, file: File[UploadedFile], protected: Form[str],
                              outcome: Form[str] = "", outcome_favourable: Form[str] = "", prediction: Form[str] = "",
                              prediction_favourable: Form[str] = "", min_group_size: Form[int] = 10,
                              reference: Form[str] = "", legal_basis: Form[str] = ""):
    """Audit a file of a catalogue dataset: checked at once, then run as a background job (follow `job_url`).

    The aggregates count for law 10 of every system the dataset feeds (training or input).
    """
    dataset = _dataset(request, dataset_id, Action.EDIT)
    if dataset is None:
        return Status(403, {"message": "Vous ne pouvez pas modifier ce jeu de données."})
    return _start(request, dataset, file)


class StorageIn(Schema):
    storage: dict


class DatasetCarbonOut(Schema):
    low_kg: float
    central_kg: float
    high_kg: float
    inputs: dict
    result: dict


@router.get("/audits/datasets/{dataset_id}/carbon", response={200: DatasetCarbonOut, 404: Problem})
def get_dataset_carbon(request, dataset_id: int):
    """The footprint of storing a catalogue dataset, per year."""
    estimate = DatasetCarbonEstimate.objects.filter(dataset=_dataset(request, dataset_id, Action.VIEW)).first()
    if estimate is None:
        return Status(404, {"message": "Aucune estimation carbone pour ce jeu de données."})
    return estimate


@router.put("/audits/datasets/{dataset_id}/carbon", response={200: DatasetCarbonOut, 403: Problem, 422: Problem})
def put_dataset_carbon(request, dataset_id: int, payload: StorageIn):
    """Record the storage assumptions (rules.carbon.Storage: terabytes, medium, copies, country, pue)."""
    dataset = _dataset(request, dataset_id, Action.EDIT)
    if dataset is None:
        return Status(403, {"message": "Vous ne pouvez pas modifier ce jeu de données."})
    try:
        return carbon_records.save_dataset_estimate(dataset, payload.storage, request.auth)
    except TypeError as exc:
        return Status(422, {"message": f"Champ inconnu dans les hypothèses : {exc}"})
    except CarbonInputError as exc:
        return Status(422, {"message": str(exc)})


@router.get("/systems/{system_id}/carbon", response={200: CarbonOut, 404: Problem})
def get_carbon(request, system_id: int):
    estimate = CarbonEstimate.objects.filter(system=_system(request, system_id, Action.VIEW)).first()
    if estimate is None:
        return Status(404, {"message": "Aucune estimation carbone pour ce système."})
    return estimate


@router.put("/systems/{system_id}/carbon", response={200: CarbonOut, 403: Problem, 422: Problem})
def put_carbon(request, system_id: int, payload: CarbonIn):
    """Record the estimate's assumptions (the rules' field names); return the result."""
    system = _system(request, system_id, Action.EDIT)
    if system is None:
        return FORBIDDEN
    try:
        carbon_in = carbon_records.carbon_input(payload.dict())
        return carbon_records.save_estimate(system, carbon_in, request.auth)
    except TypeError as exc:
        return Status(422, {"message": f"Champ inconnu dans les hypothèses : {exc}"})
    except CarbonInputError as exc:
        return Status(422, {"message": str(exc)})


@router.get("/systems/{system_id}/carbon/measurements", response=list[MeasurementOut])
def list_measurements(request, system_id: int):
    return _system(request, system_id, Action.VIEW).carbon_measurements.all()
