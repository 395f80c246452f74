"""The audits' demo: carbon estimates and a bias audit for records of the demo register.

The sources give no figure of energy, traffic or population: every number here
is an assumption stated in the estimate itself (the steward's form would hold
the same), and the bias audit runs the real engine on a synthetic file of
applications, generated with a fixed seed and deleted afterwards. Nothing here
is a fact about the real systems.
"""

import os
import random
import tempfile

from confiance.audits.bias import run_bias_audit
from confiance.audits.carbon import carbon_input, save_estimate
from confiance.audits.models import BiasAudit, CarbonEstimate
from confiance.register.models import AISystem
from confiance.rules.bias import AuditSpec
from confiance.rules.carbon import DIESEL_KG_PER_LITRE, DIESEL_SOURCE

DEMO_ASSUMPTION = "hypothèse de démonstration"
# Keyed by the start of the system's name in demo/register_data.SYSTEMS.
ESTIMATES = {
    # seeds/001: fill-level sensors in drop-off points; fewer useless truck trips is the stated benefit.
    "Points d'apport volontaire équipés de capteurs": {
        "training": {"watts": 65, "hours": 2, "runs_per_year": 12},
        "inference": {"requests_per_month": 720_000, "wh_per_request": 0.001},
        "storage": {"terabytes": 0.2, "medium": "hdd", "copies": 3},
        "benefit": {"description": "km de tournées de collecte évités", "quantity_per_year": 10_000, "unit": "km",
                    "kg_per_unit": 0.5 * DIESEL_KG_PER_LITRE,
                    "source": f"{DEMO_ASSUMPTION} : benne de 50 L de gazole aux 100 km × 3,1 kg CO2e par litre "
                              f"({DIESEL_SOURCE})"},
    },
    # seeds/001, relation aux usagers: a hosted assistant answering residents.
    "Assistant d'IA souveraine": {
        "inference": {"requests_per_month": 30_000, "llm_provider": "mistralai", "llm_model": "mistral-small-latest",
                      "output_tokens": 400},
    },
    # seeds/001, petite enfance: a scoring model retrained twice a year.
    "Aide au rapprochement des demandes et des places en crèche": {
        "training": {"watts": 65, "hours": 1, "runs_per_year": 2},
        "inference": {"requests_per_month": 2_000, "wh_per_request": 0.01},
        "storage": {"terabytes": 0.05, "medium": "ssd", "copies": 3},
    },
    # seeds/004 (document 8): personalised water-saving predictions from smart meters, computed monthly.
    "Econom IA": {
        "training": {"watts": 65, "hours": 4, "runs_per_year": 4},
        "inference": {"requests_per_month": 50_000, "wh_per_request": 0.002},
        "storage": {"terabytes": 1, "medium": "hdd", "copies": 3},
    },
    # seeds/001: video analytics for the crisis room, on GPUs, without biometrics.
    "Aide à la décision en salle de crise": {
        "training": {"hardware": "nvidia-l4", "devices": 2, "hours": 48, "runs_per_year": 1},
        "inference": {"requests_per_month": 2_000_000, "wh_per_request": 0.05},
        "storage": {"terabytes": 20, "medium": "hdd", "copies": 2},
    },
    # seeds/001, part 4: water meters on the network that spot leaks.
    "Détection des fuites": {
        "training": {"watts": 65, "hours": 3, "runs_per_year": 12},
        "inference": {"requests_per_month": 100_000, "wh_per_request": 0.001},
        "storage": {"terabytes": 0.5, "medium": "hdd", "copies": 3},
    },
}
BIAS_AUDITS = {
    "Aide au rapprochement des demandes et des places en crèche": AuditSpec(
        protected=("sexe_demandeur", "qpv", "tranche_revenus"), outcome="place_proposee", outcome_favourable="oui",
        reference={"qpv": {"oui": 0.22, "non": 0.78}},
    ),
}


def _synthetic_applications(path, rows=3000, seed=10):
    """Write a seeded synthetic file of crèche applications, as a service would export it (`;`, Windows-1252)."""
    rng = random.Random(seed)
    with open(path, "w", encoding="cp1252", newline="") as out:
        out.write("numero_demande;sexe_demandeur;qpv;tranche_revenus;place_proposee\n")
        for i in range(rows):
            qpv = "oui" if rng.random() < 0.25 else "non"
            income = rng.choice(["< 1 SMIC", "1 à 2 SMIC", "> 2 SMIC"])
            sex = "" if rng.random() < 0.02 else rng.choice(["F", "F", "H"])
            chance = 0.55 + (0.05 if qpv == "oui" else 0) - (0.05 if income == "> 2 SMIC" else 0)
            out.write(f"D{i:06d};{sex};{qpv};{income};{'oui' if rng.random() < chance else 'non'}\n")


def load_audits_demo():
    """Add the demo estimates and audits to the demo records that lack them; safe to run twice."""
    for prefix, inputs in ESTIMATES.items():
        system = AISystem.objects.filter(name__startswith=prefix).first()
        if system is not None and not CarbonEstimate.objects.filter(system=system).exists():
            save_estimate(system, carbon_input(inputs), reason=f"Démonstration ({DEMO_ASSUMPTION}s)")
    for prefix, spec in BIAS_AUDITS.items():
        system = AISystem.objects.filter(name__startswith=prefix).first()
        if system is None or BiasAudit.objects.filter(system=system).exists():
            continue
        handle, path = tempfile.mkstemp(prefix="confiance-demo-", suffix=".csv")
        os.close(handle)
        _synthetic_applications(path)
        run_bias_audit(system, path, spec, file_name="demandes-creche-synthetiques.csv", delete_after=True)
