"""The carbon footprint of an AI system per year (law 4), weighed against the benefit it claims.

Montpellier's strategy (seeds/001, "Évaluation de l'empreinte carbone des IA")
asks that the possible carbon impact be considered before any decision to use
AI and, where it may be large, that the footprint of the algorithms and data be
measured and weighed against the expected benefits; law 4 (seeds/002) makes
digital sobriety a necessity. This module estimates three parts, each with a
low–central–high range, in kg CO2e per year:

- training: devices × power × hours × PUE × runs per year, or the energy measured
  by codecarbon for one run (`confiance carbon measure`);
- inference: requests per month × 12 × energy per request; for a hosted LLM the
  impact of one request comes from EcoLogits (its model and electricity-mix data,
  offline), usage and embodied emissions included;
- storage: terabytes × copies × power per terabyte × hours in a year × PUE.

Grid intensities come from the installed packages (carbon_data); the low and
high ends take the lower and higher of EcoLogits' and codecarbon's figures.
"""

from dataclasses import dataclass, field

from confiance.rules.carbon_data import grid_intensity, package_citation
from confiance.rules.citations import MONTPELLIER_LAWS, MONTPELLIER_STRATEGY, Citation, Reason

RULESET_VERSION = "carbon-2026.1"
HOURS_PER_YEAR = 24 * 365
STRATEGY = Citation(MONTPELLIER_STRATEGY, "« Évaluation de l'empreinte carbone des IA »")
LAW_4 = Citation(MONTPELLIER_LAWS, "loi 4")
PUE_SOURCE = Citation("Uptime Institute", "Global Data Center Survey 2023 (PUE moyen déclaré : 1,58)")
DEFAULT_PUE = 1.58
# Devices rarely draw their full rated power; the range brackets it.
UTILISATION = {"low": 0.5, "central": 0.75, "high": 1.0}
UTILISATION_NOTE = "taux d'utilisation de la puissance nominale : 50 % (bas), 75 % (central), 100 % (haut)"
DATASHEET = Citation("NVIDIA", "fiches techniques des accélérateurs (puissance maximale, TDP)")
GPUS = {  # rated board power in watts, from the manufacturer's datasheets
    "nvidia-h100-sxm": ("NVIDIA H100 SXM", 700), "nvidia-h100-pcie": ("NVIDIA H100 PCIe", 350),
    "nvidia-a100-sxm": ("NVIDIA A100 SXM", 400), "nvidia-a100-pcie": ("NVIDIA A100 PCIe", 300),
    "nvidia-l40s": ("NVIDIA L40S", 350), "nvidia-a10": ("NVIDIA A10", 150), "nvidia-v100": ("NVIDIA V100 SXM2", 300),
    "nvidia-t4": ("NVIDIA T4", 70), "nvidia-l4": ("NVIDIA L4", 72), "nvidia-rtx-4090": ("NVIDIA GeForce RTX 4090", 450),
    "nvidia-rtx-3090": ("NVIDIA GeForce RTX 3090", 350),
}
STORAGE_SOURCE = Citation("Cloud Carbon Footprint", "méthodologie, coefficients de stockage (HDD 0,65 Wh et SSD "
                                                    "1,2 Wh par téraoctet-heure)", "https://www.cloudcarbonfootprint.org/docs/methodology")
STORAGE_WH_PER_TB_HOUR = {"hdd": 0.65, "ssd": 1.2}
# Equivalents a resident understands. Each value was checked against its publisher's own data (issue #10,
# November 2026); where only a copy of the source could be read, the note says so. No network at run time.
IMPACT_CO2_CAR = Citation(
    "ADEME, Impact CO2 (impactco2.fr)",
    "voiture thermique : 0,192 kg CO2e/km à l'usage + 0,0256 kg CO2e/km de construction = 0,2176 kg CO2e/km, "
    "données du site (dépôt incubateur-ademe/impactco2, src/data/categories/deplacement.json, lu en 2026), "
    "d'après la Base Empreinte, documentation « Routier »", "https://impactco2.fr/outils/transport/voiturethermique")
IMPACT_CO2_BEEF = Citation(
    "ADEME, Impact CO2 (impactco2.fr)",
    "repas avec du bœuf : 7,26 kg CO2e, données du site (dépôt incubateur-ademe/impactco2, "
    "src/data/categories/repas.json, lu en 2026), d'après la Base Carbone (éléments « repas »)",
    "https://impactco2.fr/outils/alimentation/repasavecduboeuf")
SDES = Citation("SDES, ministère de la Transition écologique",
                "empreinte carbone de la France en 2022 : 9,2 t CO2e par personne (estimation provisoire, "
                "traitement SDES 2023 ; valeur lue dans une reprise de la publication, pas sur le site du SDES ; "
                "l'édition 2024 des Chiffres clés du climat donne 9,4 t pour 2023)")
# Kept for callers that cite Impact CO2 generally.
IMPACT_CO2 = Citation("ADEME", "Impact CO2 (impactco2.fr), Base Empreinte")
EQUIVALENTS = (
    ("km en voiture thermique", 0.2176, IMPACT_CO2_CAR),
    ("repas avec du bœuf", 7.26, IMPACT_CO2_BEEF),
    ("% de l'empreinte carbone annuelle d'un Français", 9200 / 100, SDES),
)
# Road diesel burnt and produced, per litre, for a benefit the steward states (collection rounds avoided...).
# Checked values: 3,1 kg CO2e/L for gazole B7 in the Base Carbone as Nos Gestes Climat (ADEME) uses it
# (3,04 for B10; nosgestesclimat.fr, transport . voiture . thermique . empreinte au litre); 3,17 kg CO2e/L
# (0,66 amont + 2,51 combustion) in the arrêté du 26 avril 2017 (décret 2017-639, information GES des
# prestations de transport). The Base Carbone updated its fossil fuels in 2025 (GLEC): the 2025 value could
# not be read here and is to be checked (valeur à vérifier).
DIESEL_KG_PER_LITRE = 3.1
DIESEL_SOURCE = Citation(
    "ADEME, Base Carbone (via Nos Gestes Climat)",
    "gazole routier B7 : 3,1 kg CO2e par litre, amont et combustion ; arrêté du 26 avril 2017 : 3,17 ; "
    "mise à jour 2025 de la Base Carbone non vérifiée (valeur à vérifier)")


class CarbonInputError(ValueError):
    """An estimate's inputs the rules cannot use; `str()` is the French message."""


@dataclass(frozen=True)
class Training:
    hardware: str = ""  # a key of GPUS, or a CPU model name known to codecarbon
    watts: float | None = None  # per device; overrides `hardware`
    devices: int = 1
    hours: float = 0.0
    runs_per_year: float = 1.0
    country: str = "FRA"
    pue: float | None = None
    measured_kwh_per_run: float | None = None  # from codecarbon, replaces the hardware estimate


@dataclass(frozen=True)
class Inference:
    requests_per_month: float = 0.0
    llm_provider: str = ""
    llm_model: str = ""
    output_tokens: int = 0
    wh_per_request: float | None = None
    country: str = "FRA"
    pue: float | None = None


@dataclass(frozen=True)
class Storage:
    terabytes: float = 0.0
    medium: str = "hdd"
    copies: int = 3
    country: str = "FRA"
    pue: float | None = None


@dataclass(frozen=True)
class Benefit:
    """What the project claims to avoid each year, with the factor that turns it into CO2e and its source."""

    description: str = ""
    quantity_per_year: float = 0.0
    unit: str = ""
    kg_per_unit: float = 0.0
    source: str = ""


@dataclass(frozen=True)
class CarbonInput:
    training: Training | None = None
    inference: Inference | None = None
    storage: Storage | None = None
    benefit: Benefit | None = None


@dataclass
class Part:
    name: str
    label: str
    kwh_per_year: float
    low: float
    central: float
    high: float
    reasons: list = field(default_factory=list)


@dataclass
class CarbonResult:
    parts: list
    low: float
    central: float
    high: float
    equivalents: list
    benefit_kg: float | None
    benefit: dict | None
    reasons: list
    ruleset_version: str = RULESET_VERSION

    @property
    def net_kg(self):
        return None if self.benefit_kg is None else self.central - self.benefit_kg

    def as_dict(self):
        return {
            "parts": [{**vars(p), "reasons": [r.as_dict() for r in p.reasons]} for p in self.parts],
            "low": self.low, "central": self.central, "high": self.high, "equivalents": self.equivalents,
            "benefit_kg": self.benefit_kg, "benefit": self.benefit, "net_kg": self.net_kg,
            "reasons": [r.as_dict() for r in self.reasons], "ruleset_version": self.ruleset_version,
        }


def _grid(country):
    grid = grid_intensity(country)
    if grid is None:
        raise CarbonInputError(f"Pays inconnu pour l'intensité carbone du réseau : « {country} » (code ISO à trois "
                               "lettres, par exemple FRA).")
    return grid


def _positive(value, message):
    if value is None or value < 0:
        raise CarbonInputError(message)
    return value


def _from_energy(name, label, kwh, grid, reasons):
    """Return a Part for `kwh` per year, the range taken over the packages' grid intensities."""
    reasons = list(reasons) + [Reason(c, f"Intensité carbone du réseau ({grid.name}) : "
                                         f"{', '.join(f'{v * 1000:.0f}' for v in grid.values)} g CO2e/kWh.")
                               for c in grid.citations()[:1]]
    return Part(name, label, kwh, kwh * grid.low, kwh * grid.central, kwh * grid.high, reasons)


def device_watts(training):
    """Return (watts per device, citation) for a training's hardware."""
    from confiance.rules.carbon_data import cpu_watts

    if training.watts is not None:
        return _positive(training.watts, "La puissance d'un appareil doit être positive."), None
    if training.hardware in GPUS:
        return GPUS[training.hardware][1], DATASHEET
    watts = cpu_watts(training.hardware)
    if watts is not None:
        return watts, package_citation("codecarbon", "données du paquet : codecarbon/data/hardware/cpu_power.csv")
    raise CarbonInputError(f"Matériel inconnu : « {training.hardware} ». Choisissez un GPU de la liste, un "
                           "processeur connu de codecarbon, ou indiquez sa puissance en watts.")


def estimate_training(training):
    grid = _grid(training.country)
    runs = _positive(training.runs_per_year, "Le nombre d'entraînements par an doit être positif.")
    pue = training.pue or DEFAULT_PUE
    if training.measured_kwh_per_run is not None:
        kwh = training.measured_kwh_per_run * runs
        reason = Reason(package_citation("codecarbon", "mesure d'une exécution réelle"),
                        f"Énergie mesurée : {training.measured_kwh_per_run:.4g} kWh par entraînement, "
                        f"{runs:g} par an.")
        return _from_energy("training", "Entraînement", kwh, grid, [reason])
    watts, cited = device_watts(training)
    hours = _positive(training.hours, "La durée d'entraînement doit être positive.")
    full_kwh = training.devices * watts * hours * pue * runs / 1000
    low, central, high = (full_kwh * UTILISATION[k] for k in ("low", "central", "high"))
    reasons = [Reason(cited or STRATEGY, f"{training.devices} appareil(s) de {watts:g} W pendant {hours:g} h, "
                                         f"{runs:g} fois par an ; {UTILISATION_NOTE}."),
               Reason(PUE_SOURCE if not training.pue else STRATEGY, f"PUE du centre de données : {pue:g}.")]
    part = _from_energy("training", "Entraînement", central, grid, reasons)
    part.low, part.high = low * grid.low, high * grid.high
    return part


def _llm_request(inference, grid):
    """Return ((low, high) kg CO2e, (low, high) kWh) of one request to a hosted LLM, from EcoLogits.

    EcoLogits computes usage with its own electricity mix; the range also spans
    codecarbon's figure for the same country by scaling the usage part.
    """
    from ecologits.tracers.utils import llm_impacts

    impacts = llm_impacts(inference.llm_provider, inference.llm_model, int(inference.output_tokens),
                          request_latency=1e9, electricity_mix_zone=inference.country.upper())
    if impacts.errors or impacts.gwp is None:
        raise CarbonInputError(f"Modèle inconnu d'EcoLogits : « {inference.llm_model} » chez "
                               f"« {inference.llm_provider} ».")

    def bounds(value):
        return (value.min, value.max) if hasattr(value, "min") else (value, value)

    usage, embodied = bounds(impacts.usage.gwp.value), bounds(impacts.embodied.gwp.value)
    scale = (grid.low / grid.central, grid.high / grid.central) if grid.central else (1, 1)
    gwp = (embodied[0] + usage[0] * scale[0], embodied[1] + usage[1] * scale[1])
    return gwp, bounds(impacts.energy.value)


def _llm_central(inference):
    """Return EcoLogits' own figure for one request (the middle of its range), in kg CO2e."""
    from ecologits.tracers.utils import llm_impacts

    value = llm_impacts(inference.llm_provider, inference.llm_model, int(inference.output_tokens),
                        request_latency=1e9, electricity_mix_zone=inference.country.upper()).gwp.value
    return (value.min + value.max) / 2 if hasattr(value, "min") else value


def estimate_inference(inference):
    grid = _grid(inference.country)
    yearly = _positive(inference.requests_per_month, "Le nombre de requêtes par mois doit être positif.") * 12
    if inference.llm_model:
        if inference.output_tokens <= 0:
            raise CarbonInputError("Indiquez le nombre de jetons produits par réponse du modèle de langage.")
        (gwp_low, gwp_high), (kwh_low, kwh_high) = _llm_request(inference, grid)
        central = _llm_central(inference)
        reason = Reason(package_citation("ecologits", "modèles et mix électriques du paquet"),
                        f"{inference.llm_model} ({inference.llm_provider}) : {inference.output_tokens} jetons par "
                        f"réponse, {_fr(gwp_low * 1000)} à {_fr(gwp_high * 1000)} g CO2e par requête (usage et "
                        "fabrication), mix électrique " + grid.name + ".")
        return Part("inference", "Usage (modèle de langage hébergé)", yearly * (kwh_low + kwh_high) / 2,
                    yearly * gwp_low, yearly * central, yearly * gwp_high, [reason])
    wh = _positive(inference.wh_per_request, "Indiquez l'énergie par requête (Wh) ou le modèle de langage utilisé.")
    pue = inference.pue or DEFAULT_PUE
    kwh = yearly * wh * pue / 1000
    reason = Reason(STRATEGY, f"{yearly:,.0f} requêtes par an de {wh:g} Wh, PUE {pue:g}.".replace(",", " "))
    return _from_energy("inference", "Usage", kwh, grid, [reason])


def estimate_storage(storage):
    grid = _grid(storage.country)
    if storage.medium not in STORAGE_WH_PER_TB_HOUR:
        raise CarbonInputError("Support de stockage inconnu : choisissez disques durs (hdd) ou SSD (ssd).")
    tb = _positive(storage.terabytes, "Le volume stocké doit être positif.")
    pue = storage.pue or DEFAULT_PUE
    base = tb * storage.copies * HOURS_PER_YEAR * pue / 1000
    reason = Reason(STORAGE_SOURCE, f"{tb:g} To en {storage.copies} copies, {STORAGE_WH_PER_TB_HOUR[storage.medium]:g} "
                                    f"Wh par To et par heure, PUE {pue:g}.")
    part = _from_energy("storage", "Stockage", base * STORAGE_WH_PER_TB_HOUR[storage.medium], grid, [reason])
    part.low = base * min(STORAGE_WH_PER_TB_HOUR.values()) * grid.low
    part.high = base * max(STORAGE_WH_PER_TB_HOUR.values()) * grid.high
    return part


def _fr(value):
    return f"{value:.3g}".replace(".", ",")


def equivalents(kg):
    """Return [(figure, label, citation text)] that say `kg` CO2e in a resident's terms."""
    return [[round(kg / factor, 1), label, str(cite)] for label, factor, cite in EQUIVALENTS]


def estimate(carbon_input):
    """Return the CarbonResult of `carbon_input`, or raise CarbonInputError with a French message."""
    parts = []
    if carbon_input.training and (carbon_input.training.hours or carbon_input.training.measured_kwh_per_run):
        parts.append(estimate_training(carbon_input.training))
    if carbon_input.inference and carbon_input.inference.requests_per_month:
        parts.append(estimate_inference(carbon_input.inference))
    if carbon_input.storage and carbon_input.storage.terabytes:
        parts.append(estimate_storage(carbon_input.storage))
    if not parts:
        raise CarbonInputError("Renseignez au moins l'entraînement, l'usage ou le stockage du système.")
    low, central, high = (sum(getattr(p, k) for p in parts) for k in ("low", "central", "high"))
    reasons = [Reason(STRATEGY, f"Empreinte estimée : {central:,.1f} kg CO2e par an (de {low:,.1f} à {high:,.1f})."
                      .replace(",", " ").replace(".", ",")),
               Reason(LAW_4, "La sobriété numérique est une nécessité : l'empreinte est mise en balance avec "
                             "le bénéfice attendu.")]
    benefit_kg, benefit = None, None
    claimed = carbon_input.benefit
    if claimed and claimed.quantity_per_year:
        if claimed.kg_per_unit <= 0 or not claimed.source.strip():
            raise CarbonInputError("Indiquez le facteur de conversion du bénéfice (kg CO2e par unité) et sa source.")
        benefit_kg = claimed.quantity_per_year * claimed.kg_per_unit
        benefit = dict(vars(claimed))
        reasons.append(Reason(Citation(claimed.source, "facteur de conversion déclaré"),
                              f"Bénéfice revendiqué : {claimed.quantity_per_year:g} {claimed.unit} évités par an × "
                              f"{claimed.kg_per_unit:g} kg CO2e = {benefit_kg:,.0f} kg CO2e évités par an."
                              .replace(",", " ")))
    return CarbonResult(parts, low, central, high, equivalents(central), benefit_kg, benefit, reasons)
