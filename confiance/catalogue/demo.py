"""The demo's data catalogue for the groupe Montpellier: a few dozen datasets linked to the demo's AI systems.

The source documents name the kinds of data Montpellier's AI projects use (seeds/001: waste
collection with fill-level sensors, the water network's sensors, early-childhood applications,
video protection, user relations; open and "closed" data shared inside the groupe Montpellier)
but list no dataset. The datasets below are therefore illustrative, written for the demo in the
shapes such catalogues have; none is presented as Montpellier's real inventory. A few carry
deliberate problems so that the dashboard has signals to show (listed in SIGNALS_TO_SEE).
"""

from datetime import timedelta

from django.utils import timezone

METRO, VILLE, EAUX = "montpellier-mediterranee-metropole", "ville-de-montpellier", "regie-des-eaux"
PVD = "Politique et valorisation de la Donnée (PVD)"
NUMERIQUE = "Pôle Numérique et Données"
USAGERS = "Pôle Relation aux usagers"
FINANCES = "Pôle Finances et Conseil en Gestion"
CRECHES = "Service de la petite enfance"
CRISES = "Centre de gestion des crises"
LO, ODBL = "lo-2.0", "odbl"

SIGNALS_TO_SEE = [
    "« Population par IRIS » and « Population par IRIS 2021 »: probable duplicates (titles)",
    "« Demandes des usagers par canal » and « Sollicitations GRC (export) »: same fields in two services",
    "« Taux de remplissage des colonnes »: stale, and below the label the committee requires for AI",
    "« Inventaire des bornes Wi-Fi publiques »: nobody answers for it",
    "« Liste d'attente des crèches (tableur) »: personal data without legal basis",
    "« Images de vidéoprotection »: kept past its retention",
    "« Transcriptions des échanges avec l'assistant »: hosted outside the EU, and personal data reaching a "
    "system whose record says none",
    "« Horaires des déchèteries »: open data without licence",
]

# (organisation, service, title, days since last update, overrides)
DATASETS = [
    (METRO, PVD, "Tournées de collecte des déchets ménagers", 20,
     {"classification": "open", "licence": ODBL, "frequency": "monthly", "theme": "Environnement",
      "keywords": "collecte, déchets", "source_application": "Logiciel de gestion des tournées",
      "quality_label": 2, "completeness_percent": 96}),
    (METRO, PVD, "Points d'apport volontaire", 6,
     {"classification": "open", "licence": LO, "frequency": "weekly", "theme": "Environnement",
      "keywords": "tri, verre, papier", "quality_label": 3, "schema_url": "https://schema.data.gouv.fr/"}),
    (METRO, NUMERIQUE, "Taux de remplissage des colonnes", 90,
     {"classification": "internal", "frequency": "daily", "source_application": "Plateforme des capteurs",
      "hosting_country": "FR", "hosting_provider": "Hébergeur souverain", "quality_label": 1,
      "reversibility_clause": True, "contract_reference": "Marché 2023-114"}),
    (METRO, PVD, "Horaires des déchèteries", 100,
     {"classification": "open", "frequency": "annual", "theme": "Environnement"}),
    (METRO, PVD, "Fréquentation des déchèteries", 1,
     {"classification": "open", "licence": LO, "frequency": "daily", "theme": "Environnement"}),
    (METRO, PVD, "Population par IRIS", 150,
     {"classification": "open", "licence": LO, "frequency": "annual", "theme": "Population",
      "keywords": "population, iris, recensement", "quality_label": 3}),
    (METRO, FINANCES, "Population par IRIS 2021", 400,
     {"classification": "internal", "frequency": "punctual", "theme": "Population"}),
    (METRO, USAGERS, "Demandes des usagers par canal", 1,
     {"classification": "internal", "frequency": "daily", "source_application": "Gestion de la relation usagers"}),
    (METRO, PVD, "Sollicitations GRC (export)", 30,
     {"classification": "internal", "frequency": "monthly", "source_application": "Gestion de la relation usagers"}),
    (METRO, USAGERS, "Base de connaissances des services publics", 5,
     {"classification": "internal", "frequency": "weekly", "quality_label": 2,
      "source_application": "Site web de la Métropole"}),
    (METRO, USAGERS, "Transcriptions des échanges avec l'assistant", 1,
     {"classification": "personal", "legal_basis": "public_task", "retention_months": 6,
      "hosting_country": "US", "hosting_provider": "Fournisseur de modèle de langage", "frequency": "continuous",
      "reversibility_clause": False}),
    (METRO, NUMERIQUE, "Inventaire des bornes Wi-Fi publiques", 60,
     {"classification": "open", "licence": LO, "frequency": "semiannual", "no_owner": True}),
    (METRO, PVD, "Comptages vélo", 2,
     {"classification": "open", "licence": ODBL, "frequency": "daily", "theme": "Mobilité"}),
    (METRO, PVD, "Stationnement en ouvrage : places disponibles", 0,
     {"classification": "open", "licence": ODBL, "frequency": "continuous", "theme": "Mobilité"}),
    (METRO, PVD, "Arbres d'alignement", 200,
     {"classification": "open", "licence": LO, "frequency": "annual", "theme": "Environnement"}),
    (METRO, FINANCES, "Budget primitif", 120,
     {"classification": "open", "licence": LO, "frequency": "annual", "theme": "Finances",
      "schema_url": "https://schema.data.gouv.fr/scdl/budget/"}),
    (METRO, FINANCES, "Subventions versées aux associations", 90,
     {"classification": "open", "licence": LO, "frequency": "annual", "theme": "Finances",
      "schema_url": "https://schema.data.gouv.fr/scdl/subventions/"}),
    (METRO, NUMERIQUE, "Annuaire des agents", 7,
     {"classification": "personal", "legal_basis": "legal_obligation", "retention_months": 12,
      "frequency": "weekly", "hosting_country": "FR"}),
    (METRO, PVD, "Consommation énergétique des bâtiments publics", 25,
     {"classification": "closed", "shared_with": ["tam", "regie-des-eaux"], "frequency": "monthly",
      "theme": "Énergie"}),
    (VILLE, CRECHES, "Demandes de places en crèche", 2,
     {"classification": "personal", "legal_basis": "public_task", "retention_months": 36, "frequency": "daily",
      "hosting_country": "FR", "quality_label": 2, "source_application": "Logiciel petite enfance"}),
    (VILLE, CRECHES, "Places disponibles par établissement", 2,
     {"classification": "internal", "frequency": "daily", "quality_label": 2}),
    (VILLE, CRECHES, "Liste d'attente des crèches (tableur)", 45,
     {"classification": "personal", "frequency": "irregular"}),
    (VILLE, CRECHES, "Besoins particuliers des enfants accueillis", 4,
     {"classification": "sensitive", "legal_basis": "public_task", "sensitive_condition": "h",
      "retention_months": 24, "frequency": "weekly", "hosting_country": "FR"}),
    (VILLE, CRECHES, "Fréquentation des cantines scolaires", 1,
     {"classification": "open", "licence": LO, "frequency": "daily", "theme": "Éducation",
      "schema_url": "https://schema.data.gouv.fr/scdl/menus-collectifs/"}),
    (VILLE, CRISES, "Images de vidéoprotection", 0,
     {"classification": "personal", "legal_basis": "public_task", "retention_months": 1,
      "oldest_record_on_days": 75, "frequency": "continuous", "hosting_country": "FR"}),
    (VILLE, CRISES, "Main courante du centre de gestion des crises", 1,
     {"classification": "confidential", "frequency": "continuous", "hosting_country": "FR"}),
    (VILLE, CRISES, "Emplacement des caméras de vidéoprotection", 180,
     {"classification": "open", "licence": LO, "frequency": "annual", "theme": "Sécurité"}),
    (VILLE, None, "Dossiers d'accompagnement social", 1,
     {"classification": "sensitive", "legal_basis": "public_task", "sensitive_condition": "h", "retention_months": 60,
      "frequency": "daily", "hosting_country": "FR"}),
    (EAUX, None, "Mesures des capteurs du réseau d'eau potable", 0,
     {"classification": "internal", "frequency": "continuous", "hosting_country": "FR", "quality_label": 2,
      "source_application": "Supervision du réseau"}),
    (EAUX, None, "Historique des fuites réparées", 30,
     {"classification": "internal", "frequency": "monthly", "hosting_country": "FR", "quality_label": 2}),
    (EAUX, None, "Plan du réseau de distribution", 300,
     {"classification": "closed", "shared_with": ["montpellier-mediterranee-metropole"], "frequency": "annual",
      "hosting_country": "FR"}),
    (EAUX, None, "Qualité de l'eau distribuée", 15,
     {"classification": "open", "licence": LO, "frequency": "monthly", "theme": "Eau"}),
]

# The layout shared by the two user-relations exports (a deliberate duplicate across services).
GRC_FIELDS = [("date_demande", "date"), ("canal", "string"), ("motif", "string"), ("delai_reponse_jours", "integer")]

# (system name prefix, dataset title, role)
USES = [
    ("Points d'apport volontaire", "Taux de remplissage des colonnes", "input"),
    ("Points d'apport volontaire", "Tournées de collecte des déchets ménagers", "training"),
    ("Points d'apport volontaire", "Points d'apport volontaire", "input"),
    ("Détection des fuites", "Mesures des capteurs du réseau d'eau potable", "input"),
    ("Détection des fuites", "Historique des fuites réparées", "training"),
    ("Aide au rapprochement", "Demandes de places en crèche", "input"),
    ("Aide au rapprochement", "Places disponibles par établissement", "input"),
    ("Aide au rapprochement", "Besoins particuliers des enfants accueillis", "input"),
    ("Aide à la décision en salle de crise", "Images de vidéoprotection", "input"),
    ("Aide à la décision en salle de crise", "Emplacement des caméras de vidéoprotection", "input"),
    ("Assistant d'IA souveraine", "Base de connaissances des services publics", "input"),
    ("Assistant d'IA souveraine", "Transcriptions des échanges avec l'assistant", "output"),
]


def load_catalogue_demo():
    """Create the demo catalogue once (after the register's demo), then its signals."""
    from confiance.accounts.models import Organisation, Person, Service
    from confiance.catalogue.models import CatalogueProfile, Dataset, DatasetField, DatasetUse
    from confiance.catalogue.sprawl import refresh_signals
    from confiance.register.models import AISystem

    today = timezone.localdate()
    orgs = {o.slug: o for o in Organisation.objects.filter(slug__in=[METRO, VILLE, EAUX])}
    steward = Person.objects.filter(username="referent").first()
    agent = Person.objects.filter(username="agent").first()
    CatalogueProfile.objects.create(organisation=orgs[METRO], siret="24340001700019",
                                    spatial_granularity="Intercommunale", spatial_name=orgs[METRO].name,
                                    required_quality_label=2)
    by_title = {}
    for slug, service_name, title, age, extra in DATASETS:
        extra = dict(extra)
        no_owner = extra.pop("no_owner", False)
        oldest = extra.pop("oldest_record_on_days", None)
        dataset = Dataset(
            organisation=orgs[slug], title=title, description=f"{title} — jeu de données de démonstration.",
            service=Service.objects.filter(organisation=orgs[slug], name=service_name).first() if service_name else None,
            owner=None if no_owner else agent, steward=None if no_owner else steward, created_by=steward,
            last_updated=today - timedelta(days=age), issued=today - timedelta(days=age + 700),
            oldest_record_on=today - timedelta(days=oldest) if oldest else None, **extra)
        if dataset.classification == "open":
            slug_title = title.lower().replace(" ", "-").replace("'", "-")
            dataset.distributions = [{"url": f"https://data.montpellier3m.example/{slug_title}.csv", "format": "csv",
                                      "title": title}]
            dataset.temporal_start, dataset.temporal_end = dataset.issued, dataset.last_updated
        dataset.full_clean()
        dataset._change_reason = "Données de démonstration"
        dataset.save()
        by_title[title] = dataset
    for title in ("Demandes des usagers par canal", "Sollicitations GRC (export)"):
        for position, (name, kind) in enumerate(GRC_FIELDS, 1):
            DatasetField.objects.create(dataset=by_title[title], name=name, type=kind, position=position)
    for prefix, title, role in USES:
        system = AISystem.objects.filter(name__startswith=prefix).first()
        if system is not None:
            DatasetUse.objects.create(dataset=by_title[title], system=system, role=role)
    from confiance.catalogue.models import Signal
    from confiance.catalogue.sprawl import notify_stewards
    from confiance.review.notifications import without_email

    for org in orgs.values():
        refresh_signals(org, notify_people=False)
        with without_email():
            notify_stewards(org, list(Signal.objects.filter(organisation=org).select_related("steward")))
