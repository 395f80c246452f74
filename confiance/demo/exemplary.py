"""An illustrative record that meets all ten laws, built through the real models and workflow.

The sources describe no project that has been through every step (AIPD, ethics
opinion, published notice, carbon estimate, bias audit): this record, its
dataset, its AIPD, its opinions, its training sessions and its figures are an
EXAMPLE, labelled « Exemple fictif » wherever a person reads them. It shows what
"all ten laws met" takes (decision 0020); it is not a fact about Montpellier.

Laws 7, 8 and 9 are met by the organisation itself: an agents' training and a
citizens' workshop held this year, a staff count, and the record's team
(half women, the default target of law 9).
"""

import os
import random
import tempfile

from django.utils import timezone

FICTIONAL = "Exemple fictif"
ORGANISATION = "montpellier-mediterranee-metropole"
NAME = "Exemple fictif — Aide à l'instruction des demandes d'aide à l'achat d'un vélo"
DATASET_TITLE = "Exemple fictif — Demandes d'aide à l'achat d'un vélo (données générées)"
STAFF_COUNT = 5000  # fictional: the sources give no staff count

SYSTEM = {
    "name": NAME,
    "public_summary": (
        "Exemple fictif de démonstration. Un outil aide les agents à vérifier que les demandes d'aide à l'achat "
        "d'un vélo sont complètes et à repérer les pièces manquantes ; les agents instruisent et décident."
    ),
    "purpose": (
        "Exemple fictif : accélérer l'instruction des demandes d'aide à l'achat d'un vélo en signalant aux agents "
        "les dossiers incomplets et les pièces à redemander."
    ),
    "citizen_benefit": (
        "Exemple fictif : une réponse plus rapide aux habitants qui demandent l'aide, et moins de trajets en "
        "voiture remplacés par le vélo."
    ),
    "agent_support": "Exemple fictif : l'outil prépare une liste de contrôle ; l'agent instruit et décide.",
    "domain": "mobility",
    "decision_process": "Exemple fictif : l'agent instructeur décide de chaque aide ; l'outil ne fait que signaler.",
    "people_impact": "Exemple fictif : les habitants qui demandent l'aide.",
    "use_type": "descriptive",
    "data_origin": "users",
    "technique": "statistical_ml",
    "hosting_country": "FR",
    "hosting_provider": "Exemple fictif : hébergement de la collectivité",
    "datasets_used": "",
    "personal_data": True,
    "sensitive_data": False,
    "minors_data": False,
    "offence_data": False,
    "people_affected": "citizens",
    "citizen_facing": True,
    "decision_role": "prepares",
    "human_oversight": "Exemple fictif : chaque dossier signalé est relu par un agent, qui peut passer outre.",
    "team_size": 4,
    "team_women": 2,
}
# The questionnaire an agent would fill for such a tool: access to a public benefit (AI Act annex III,
# point 5 a), so high risk and an ethics referral; evaluation of applicants on a large scale, so an AIPD.
ANSWERS = {"public_benefits_eligibility": True, "evaluation_or_scoring": True, "large_scale": True}
DPIA_TEXT = {
    "residual_risks": "Exemple fictif : un dossier écarté à tort par l'outil ; des données de revenus exposées.",
    "measures": "Exemple fictif : relecture humaine de chaque signalement ; accès limité aux agents instructeurs ; "
                "conservation 24 mois.",
    "dpo_opinion": "Exemple fictif : avis favorable du DPO sous réserve des mesures prévues.",
}
CARBON = {
    "training": {"watts": 65, "hours": 1, "runs_per_year": 2},
    "inference": {"requests_per_month": 500, "wh_per_request": 0.01},
    "storage": {"terabytes": 0.01, "medium": "ssd", "copies": 3},
    "benefit": {"description": "Exemple fictif : km en voiture remplacés par le vélo", "quantity_per_year": 20_000,
                "unit": "km", "kg_per_unit": 0.2176,
                "source": "Exemple fictif pour la quantité ; facteur : ADEME, Impact CO2, voiture thermique "
                          "(0,192 usage + 0,0256 construction kg CO2e/km, Base Empreinte)"},
}


def _people():
    from confiance.accounts.models import Person

    return {p.username: p for p in Person.objects.filter(username__in=["referent", "comite", "ethique", "dpo",
                                                                        "admin"])}


def _organisation_meets_laws_7_to_9(org):
    from confiance.checks.models import OrganisationPolicy, TrainingEvent

    today = timezone.localdate()
    policy, _ = OrganisationPolicy.objects.get_or_create(organisation=org)
    if not policy.staff_count:
        policy.staff_count = STAFF_COUNT
        policy._change_reason = f"{FICTIONAL} : effectif de démonstration"
        policy.save()
    for audience, title, participants in (
        ("agents", f"{FICTIONAL} — Sensibilisation des agents à l'IA et à la doctrine de la collectivité", 120),
        ("citizens", f"{FICTIONAL} — Atelier « Comprendre l'IA dans les services publics »", 25),
    ):
        TrainingEvent.objects.get_or_create(
            organisation=org, audience=audience, title=title,
            defaults={"held_on": today, "participants": participants,
                      "source": f"{FICTIONAL} de démonstration : date et effectif inventés (seeds/000 dit que la "
                                "collectivité forme ses agents, sans chiffre)"})


def _dataset(org, system, steward):
    from confiance.catalogue.models import Dataset, DatasetUse

    dataset = Dataset(
        organisation=org, title=DATASET_TITLE, steward=steward, owner=steward, classification="personal",
        description=f"{FICTIONAL} : les demandes d'aide, générées pour la démonstration (aucune personne réelle).",
        legal_basis="public_task", retention_months=24, hosting_country="FR")
    dataset.full_clean()
    dataset.save()
    DatasetUse.objects.create(dataset=dataset, system=system, role="input", note=FICTIONAL)
    return dataset


def _generated_requests(path, rows=4000, seed=20):
    """Write a seeded, generated file of applications (`;`, UTF-8): the audit's illustrative input."""
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("numero;sexe;tranche_age;qpv;aide_accordee\n")
        for i in range(rows):
            qpv = "oui" if rng.random() < 0.2 else "non"
            age = rng.choice(["18-29", "30-44", "45-59", "60 et plus"])
            sex = rng.choice(["F", "H"])
            out.write(f"E{i:06d};{sex};{age};{qpv};{'oui' if rng.random() < 0.8 else 'non'}\n")


def _review(system, people):
    from confiance.review import transitions
    from confiance.review.models import Committee, Decision, Opinion

    today = timezone.localdate()
    committees = {c.kind: c for c in Committee.objects.filter(organisation=system.organisation)}
    transitions.transition(system, "submitted", people["referent"], f"{FICTIONAL} : dossier complet")
    transitions.transition(system, "under_review", people["comite"], f"{FICTIONAL} : inscrit à l'examen")
    internal = system.referrals.get(committee=committees["internal"])
    transitions.record_opinion(Opinion(
        referral=internal, verdict=Opinion.Verdict.FAVOURABLE, given_on=today, published=True,
        text=f"{FICTIONAL} : utile aux habitants, l'agent garde la décision ; projet à haut risque à soumettre au "
             "comité éthique."), people["comite"])
    ethics = transitions.refer(system, committees["ethics"], people["comite"],
                               f"{FICTIONAL} : avis sur un outil d'aide à l'instruction d'une aide publique.")
    transitions.record_opinion(Opinion(
        referral=ethics, verdict=Opinion.Verdict.WITH_CONDITIONS, given_on=today, published=True,
        text=f"{FICTIONAL} : avis favorable ; l'outil ne doit jamais refuser seul une demande.",
        conditions="Informer les demandeurs que l'instruction s'aide d'un outil d'IA (loi 6).\n"
                   "Auditer chaque année les biais des demandes (loi 10)."), people["ethique"])
    transitions.record_decision(system, Decision.Kind.APPROVE_EXPERIMENTATION,
                                f"{FICTIONAL} : expérimentation autorisée pour un an.", people["admin"])
    transitions.transition(system, "experimenting", people["referent"], f"{FICTIONAL} : début de l'expérimentation")


def load_exemplary_demo():
    """Create the illustrative record that meets all ten laws, once; return it (None without the demo organisation)."""
    from confiance.accounts.models import Organisation
    from confiance.audits.bias import run_bias_audit
    from confiance.audits.carbon import carbon_input, save_estimate
    from confiance.checks.models import DPIA, Questionnaire
    from confiance.checks.recompute import recompute
    from confiance.public.models import Notice
    from confiance.public.signals import publish_version
    from confiance.register.models import AISystem
    from confiance.review.notifications import without_email
    from confiance.rules.bias import AuditSpec

    org = Organisation.objects.filter(slug=ORGANISATION).first()
    if org is None:
        return None
    existing = AISystem.objects.filter(organisation=org, name=NAME).first()
    if existing is not None:
        return existing
    people = _people()
    today = timezone.localdate()
    _organisation_meets_laws_7_to_9(org)
    system = AISystem(**SYSTEM, organisation=org, steward=people["referent"], owner=people["referent"],
                      created_by=people["referent"])
    system.full_clean()
    system._change_reason = f"{FICTIONAL} de démonstration : toutes les étapes des dix lois"
    system.save()
    Questionnaire.objects.create(system=system, answers=ANSWERS)
    DPIA.objects.create(system=system, carried_out_on=today, conclusion=DPIA.Conclusion.WITH_MEASURES,
                        validated_by=people["dpo"], validated_on=today, **DPIA_TEXT)
    dataset = _dataset(org, system, people["referent"])
    handle, path = tempfile.mkstemp(prefix="confiance-demo-", suffix=".csv")
    os.close(handle)
    _generated_requests(path)
    run_bias_audit(dataset, path, AuditSpec(protected=("sexe", "tranche_age", "qpv"), outcome="aide_accordee",
                                            outcome_favourable="oui",
                                            reference={"sexe": {"F": 0.52, "H": 0.48}}),
                   people["referent"], file_name="exemple-fictif-demandes-velo.csv", delete_after=True)
    save_estimate(system, carbon_input(CARBON), people["referent"], reason=f"{FICTIONAL} : hypothèses de démonstration")
    with without_email():
        _review(system, people)
    Notice.objects.create(system=system, published_on_url="https://exemple-fictif.invalid/aide-velo",
                          confirmed_at=timezone.now(), confirmed_by=people["referent"])
    recompute(system)
    publish_version(system)
    return system
