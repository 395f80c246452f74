"""Keep a record's carbon estimate, and measure a real command with codecarbon (offline)."""

import shlex
import subprocess
from dataclasses import asdict
from importlib import metadata

from django.db import transaction

from confiance.audits.models import CarbonEstimate, CarbonMeasurement
from confiance.rules import carbon

PARTS = {"training": carbon.Training, "inference": carbon.Inference, "storage": carbon.Storage,
         "benefit": carbon.Benefit}


def carbon_input(inputs):
    """Return the rules' CarbonInput from stored inputs ({part: {field: value}})."""
    return carbon.CarbonInput(**{name: cls(**inputs[name]) for name, cls in PARTS.items() if inputs.get(name)})


def inputs_of(carbon_in):
    return {name: asdict(getattr(carbon_in, name)) for name in PARTS if getattr(carbon_in, name) is not None}


@transaction.atomic
def save_estimate(system, carbon_in, person=None, reason="Estimation carbone"):
    """Estimate `carbon_in` and store it as the record's current estimate; raise CarbonInputError first if unusable."""
    result = carbon.estimate(carbon_in)
    estimate = CarbonEstimate.objects.filter(system=system).first() or CarbonEstimate(system=system)
    estimate.inputs, estimate.result = inputs_of(carbon_in), result.as_dict()
    estimate.low_kg, estimate.central_kg, estimate.high_kg = result.low, result.central, result.high
    estimate.benefit_kg, estimate.updated_by = result.benefit_kg, person
    estimate._change_reason = reason
    estimate.save()
    return estimate


def measure(system, command, part="training", country="FRA", person=None, runs_per_year=1.0):
    """Run `command` (a list) under codecarbon's offline tracker and attach the measurement to `system`.

    A training measurement also becomes the training part of the record's
    estimate (energy per run × runs per year). Returns (measurement, estimate or None).
    """
    from codecarbon import OfflineEmissionsTracker

    if carbon.grid_intensity(country) is None:
        raise carbon.CarbonInputError(f"Pays inconnu pour l'intensité carbone du réseau : « {country} ».")
    tracker = OfflineEmissionsTracker(country_iso_code=country, save_to_file=False, log_level="error",
                                      measure_power_secs=1, allow_multiple_runs=True)
    tracker.start()
    try:
        completed = subprocess.run(command, check=False)
    finally:
        emissions = tracker.stop() or 0.0
    data = tracker.final_emissions_data
    measurement = CarbonMeasurement.objects.create(
        system=system, part=part, command=shlex.join(command)[:500], return_code=completed.returncode,
        duration_s=data.duration, energy_kwh=data.energy_consumed, emissions_kg=emissions, country=country,
        hardware=", ".join(x for x in (data.cpu_model, data.gpu_model) if x)[:255],
        tool=f"codecarbon {metadata.version('codecarbon')}", measured_by=person,
    )
    estimate = None
    if part == "training" and completed.returncode == 0:
        current = CarbonEstimate.objects.filter(system=system).first()
        inputs = dict(current.inputs) if current else {}
        inputs["training"] = {**inputs.get("training", {}), "measured_kwh_per_run": data.energy_consumed,
                              "runs_per_year": runs_per_year, "country": country}
        estimate = save_estimate(system, carbon_input(inputs), person, reason="Mesure codecarbon d'un entraînement")
    return measurement, estimate


@transaction.atomic
def save_dataset_estimate(dataset, storage, person=None, reason="Estimation carbone du stockage"):
    """Estimate the yearly footprint of storing `dataset` (rules.carbon.Storage fields) and keep it.

    Raise CarbonInputError (French) before anything is stored when the assumptions are unusable.
    """
    from confiance.audits.models import DatasetCarbonEstimate

    carbon_in = carbon.CarbonInput(storage=carbon.Storage(**storage))
    if not carbon_in.storage.terabytes or carbon_in.storage.terabytes <= 0:
        raise carbon.CarbonInputError("Indiquez le volume stocké (en téraoctets), plus grand que zéro.")
    result = carbon.estimate(carbon_in)
    estimate = DatasetCarbonEstimate.objects.filter(dataset=dataset).first() or DatasetCarbonEstimate(dataset=dataset)
    estimate.inputs, estimate.result = inputs_of(carbon_in), result.as_dict()
    estimate.low_kg, estimate.central_kg, estimate.high_kg = result.low, result.central, result.high
    estimate.updated_by = person
    estimate._change_reason = reason
    estimate.save()
    return estimate
