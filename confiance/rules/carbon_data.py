"""Data the carbon estimate reads from installed packages, offline: grid intensities, LLMs, CPUs.

Grid intensities are never typed in here: they come from EcoLogits'
electricity-mix table (`ecologits/data/electricity_mixes.json`, kg CO2e per kWh)
and from codecarbon's energy-mix table
(`codecarbon/data/private_infra/global_energy_mix.json`, g CO2e per kWh). Both
are read from the installed wheels; nothing is fetched.
"""

import json
from dataclasses import dataclass
from functools import cache
from importlib import metadata, resources

from confiance.rules.citations import Citation


def package_citation(package, path):
    return Citation(f"{package} {metadata.version(package)}", path, f"https://pypi.org/project/{package}/")


ECOLOGITS_MIXES = "données du paquet : ecologits/data/electricity_mixes.json"
CODECARBON_MIXES = "données du paquet : codecarbon/data/private_infra/global_energy_mix.json"


@dataclass(frozen=True)
class GridIntensity:
    """A country's grid carbon intensity in kg CO2e per kWh, from each package that knows it."""

    country: str
    name: str
    ecologits: float | None
    codecarbon: float | None

    @property
    def values(self):
        return [v for v in (self.ecologits, self.codecarbon) if v is not None]

    @property
    def central(self):
        return self.ecologits if self.ecologits is not None else self.codecarbon

    @property
    def low(self):
        return min(self.values)

    @property
    def high(self):
        return max(self.values)

    def citations(self):
        cited = []
        if self.ecologits is not None:
            cited.append(package_citation("ecologits", ECOLOGITS_MIXES))
        if self.codecarbon is not None:
            cited.append(package_citation("codecarbon", CODECARBON_MIXES))
        return cited


@cache
def _ecologits_mixes():
    text = (resources.files("ecologits") / "data" / "electricity_mixes.json").read_text()
    return {row["name"]: row["gwp"] for row in json.loads(text)["electricity_mixes"]}


@cache
def _codecarbon_mixes():
    text = (resources.files("codecarbon") / "data" / "private_infra" / "global_energy_mix.json").read_text()
    return {code: row for code, row in json.loads(text).items()}


@cache
def countries():
    """Return {ISO 3166-1 alpha-3 code: name} of every country with a known grid intensity, sorted by name."""
    names = {code: row.get("country_name", code) for code, row in _codecarbon_mixes().items()}
    known = set(_ecologits_mixes()) | set(names)
    known.discard("WOR")
    return dict(sorted(((code, names.get(code, code)) for code in known), key=lambda item: item[1]))


def grid_intensity(country):
    """Return the GridIntensity of an ISO alpha-3 country code ("WOR" for the world average), or None."""
    country = (country or "").upper()
    ecologits = _ecologits_mixes().get(country)
    row = _codecarbon_mixes().get(country)
    codecarbon = row["carbon_intensity"] / 1000 if row and row.get("carbon_intensity") is not None else None
    if ecologits is None and codecarbon is None:
        return None
    name = row.get("country_name", country) if row else ("Monde" if country == "WOR" else country)
    return GridIntensity(country, name, ecologits, codecarbon)


@cache
def llm_models():
    """Return {provider: [model names]} known to EcoLogits."""
    from ecologits.model_repository import models

    catalogue = {}
    for model in models.list_models():
        catalogue.setdefault(model.provider.value, []).append(model.name)
    return {provider: sorted(set(names)) for provider, names in sorted(catalogue.items())}


@cache
def _cpu_tdp():
    import csv
    import io

    text = (resources.files("codecarbon") / "data" / "hardware" / "cpu_power.csv").read_text()
    table = {}
    for row in csv.DictReader(io.StringIO(text)):
        try:
            table[row["Name"].strip().lower()] = float(row["TDP"])
        except (TypeError, ValueError):  # a few rows of the table are malformed upstream
            continue
    return table


def cpu_watts(name):
    """Return the thermal design power of a CPU model from codecarbon's table, or None."""
    return _cpu_tdp().get((name or "").strip().lower())
