"""The register of AI systems: one record per system or project."""

import dataclasses

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from simple_history.models import HistoricalRecords

from confiance.accounts.models import Organisation, Service
from confiance.register.choices import (
    DataAccess,
    DataOrigin,
    DecisionRole,
    Domain,
    HostingCountry,
    HostingMode,
    Implementation,
    Magnitude,
    PeopleAffected,
    Status,
    Technique,
    UseType,
)
from confiance.register.search import fold
from confiance.rules import lifecycle
from confiance.rules.human_primacy import automated_decision_reasons


class TransitionRefused(ValidationError):
    """A status change the lifecycle refuses; `result` holds the reasons with their sources."""

    def __init__(self, result):
        self.result = result
        super().__init__(result.message)


def automated_decision_message(reasons):
    cited = " ; ".join(str(r.citation) for r in reasons)
    return (
        "Un système d'IA de la collectivité ne peut pas décider seul à propos d'une personne : "
        "une personne doit prendre la décision. Choisissez « Il prépare une décision qu'un agent "
        f"prend » et décrivez le contrôle humain. Sources : {cited}."
    )


class AISystem(models.Model):
    """One record of the register: an AI system or project of an organisation."""

    # What it is and why
    name = models.CharField("nom", max_length=200)
    public_summary = models.TextField(
        "résumé pour le public",
        help_text="En deux ou trois phrases simples, ce que fait le système, pour un habitant.",
    )
    purpose = models.TextField("finalité", help_text="Le but poursuivi par le traitement.")
    citizen_benefit = models.TextField(
        "bénéfice attendu pour les habitants", blank=True,
        help_text="Loi 1 : en quoi le recours à l'IA est utile, directement ou non, aux habitants.",
    )
    agent_support = models.TextField(
        "aide apportée aux agents", blank=True,
        help_text="Loi 2 : comment le système aide les agents, et ce qui reste leur décision.",
    )
    domain = models.CharField("domaine", max_length=30, choices=Domain.choices)

    # Who answers for it
    organisation = models.ForeignKey(
        Organisation, verbose_name="organisation", on_delete=models.PROTECT, related_name="ai_systems"
    )
    service = models.ForeignKey(
        Service, verbose_name="service", on_delete=models.PROTECT, null=True, blank=True,
        related_name="ai_systems",
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="chef de projet", on_delete=models.PROTECT,
        null=True, blank=True, related_name="owned_systems",
    )
    steward = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="référent data & IA", on_delete=models.PROTECT,
        null=True, blank=True, related_name="stewarded_systems",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="créé par", on_delete=models.PROTECT,
        null=True, blank=True, related_name="created_systems", editable=False,
    )

    # How it works
    technique = models.CharField("technique", max_length=30, choices=Technique.choices)
    vendor = models.CharField("fournisseur", max_length=200, blank=True)
    product = models.CharField("produit", max_length=200, blank=True)
    model_name = models.CharField("modèle", max_length=200, blank=True)
    is_open_source = models.BooleanField("logiciel libre", default=False)
    licence = models.CharField("licence", max_length=100, blank=True)
    hosting_country = models.CharField(
        "pays d'hébergement", max_length=10, choices=HostingCountry.choices,
        default=HostingCountry.UNKNOWN,
    )
    hosting_provider = models.CharField("hébergeur", max_length=200, blank=True)
    datasets_used = models.TextField(
        "données utilisées", blank=True,
        help_text="Les jeux de données utilisés pour entraîner ou faire fonctionner le système.",
    )

    # Whom it concerns
    personal_data = models.BooleanField("données personnelles", default=False)
    sensitive_data = models.BooleanField(
        "données sensibles (art. 9 RGPD)", default=False,
        help_text="Santé, origine, opinions, religion, syndicat, vie ou orientation sexuelle, "
        "données génétiques ou biométriques.",
    )
    minors_data = models.BooleanField("données de mineurs", default=False)
    offence_data = models.BooleanField(
        "données d'infractions (art. 10 RGPD)", default=False,
        help_text="Condamnations pénales, infractions ou mesures de sûreté.",
    )
    people_affected = models.CharField(
        "personnes concernées", max_length=10, choices=PeopleAffected.choices,
        default=PeopleAffected.CITIZENS,
    )
    people_magnitude = models.CharField(
        "nombre de personnes concernées", max_length=10, choices=Magnitude.choices, blank=True
    )
    citizen_facing = models.BooleanField(
        "en contact avec les usagers", default=False,
        help_text="Les usagers utilisent le système ou en voient directement le résultat.",
    )
    decision_role = models.CharField(
        "rôle dans les décisions individuelles", max_length=20, choices=DecisionRole.choices,
        default=DecisionRole.NONE,
    )
    human_oversight = models.TextField(
        "contrôle humain", blank=True,
        help_text="Qui vérifie les résultats, comment, et comment un agent peut passer outre (l'« intervention "
        "humaine » des normes de publication). Exemple : « Le chef d'équipe peut ajouter ou retirer un point de "
        "la tournée ; il le note dans le logiciel. »",
    )

    # What the publication standards ask (Eurocities v0.3.1, the Dutch standard, Etalab,
    # Les Interconnectés); docs/public.md lists which of these are public.
    legal_basis = models.TextField(
        "fondement juridique", blank=True,
        help_text="Le texte qui fonde la mission servie par le système, en mots simples. Exemple : « Collecte "
        "des déchets ménagers : compétence de la métropole (CGCT, art. L5217-2). »",
    )
    legal_basis_url = models.URLField(
        "lien vers le texte juridique", max_length=500, blank=True,
        help_text="Exemple : https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000045215211",
    )
    deliberation = models.TextField(
        "délibération qui a décidé son usage", blank=True,
        help_text="L'instance, la date et le numéro. Exemple : « Conseil de métropole du 12 mars 2025, "
        "délibération n° 2025-042. »",
    )
    proportionality = models.TextField(
        "proportionnalité", blank=True,
        help_text="Pourquoi le système est nécessaire et pourquoi ses bénéfices l'emportent sur ses inconvénients. "
        "Exemple : « Sans capteurs, les camions passent à heure fixe, pleins ou vides ; les capteurs ne mesurent "
        "qu'un niveau de remplissage et aucune donnée personnelle. »",
    )
    decision_process = models.TextField(
        "processus de décision", blank=True,
        help_text="La décision ou l'activité où le système intervient, et à quelle étape. Exemple : « Chaque "
        "matin, le chef d'équipe prépare les tournées en partant de la liste des points presque pleins. »",
    )
    people_impact = models.TextField(
        "effets sur les personnes", blank=True,
        help_text="Qui en ressent les effets, quand, avec quelles conséquences. Exemple : « Les habitants "
        "trouvent des points de collecte moins souvent pleins ; aucune décision ne les vise personnellement. »",
    )
    risks = models.TextField(
        "risques et mesures pour les réduire", blank=True,
        help_text="Les risques (erreur, biais, panne, sécurité) et ce qui est fait pour chacun. Exemple : "
        "« Capteur en panne : un point plein n'est pas signalé ; les agents signalent les débordements. »",
    )
    use_type = models.CharField(
        "type d'usage", max_length=20, choices=UseType.choices, blank=True,
        help_text="Ce que le système produit. Exemple : des niveaux de remplissage pour planifier une tournée : "
        "« Prescriptif ».",
    )
    monitoring = models.TextField(
        "suivi du fonctionnement", blank=True,
        help_text="Les indicateurs suivis, à quelle fréquence et par qui. Exemple : « Taux de capteurs en panne "
        "et débordements signalés, chaque mois, par le service Collecte. »",
    )
    objection_procedure = models.TextField(
        "contestation et réexamen humain", blank=True,
        help_text="Comment une personne conteste un résultat ou obtient qu'un agent réexamine son cas. "
        "Exemple : « Écrire à ia@exemple.fr ; un agent réexamine la demande et répond sous un mois. »",
    )
    revision_on = models.DateField(
        "date de réexamen", null=True, blank=True,
        help_text="La date à laquelle la fiche et le système seront réexaminés. Exemple : 31/03/2027.",
    )
    revision_reason = models.CharField(
        "motif du réexamen", max_length=300, blank=True,
        help_text="Exemple : « Revue annuelle du comité interne Data & IA. »",
    )
    connected_data_sources = models.TextField(
        "sources de données connectées", blank=True,
        help_text="Les bases ou applications reliées au système. Exemple : « Plateforme des capteurs du "
        "fournisseur ; logiciel de planification des tournées. »",
    )
    training_data = models.TextField(
        "données d'entraînement", blank=True,
        help_text="Les données qui ont servi à entraîner le modèle, ou « aucune » s'il n'apprend pas. Exemple : "
        "« Aucune : le calcul suit des règles fixées par le service. »",
    )
    input_data = models.TextField(
        "données d'entrée", blank=True,
        help_text="Les données que le système lit quand il fonctionne. Exemple : « Niveau de remplissage de "
        "chaque point d'apport volontaire, relevé toutes les heures. »",
    )
    data_collection = models.TextField(
        "mode de collecte des données", blank=True,
        help_text="Comment les données sont recueillies. Exemple : « Relevé automatique par les capteurs, "
        "transmis par radio basse consommation. »",
    )
    data_origin = models.CharField(
        "origine principale des données", max_length=20, choices=DataOrigin.choices, blank=True,
        help_text="Exemple : des capteurs de la collectivité : « Un jeu de données interne ».",
    )
    data_access = models.CharField(
        "accès aux données", max_length=20, choices=DataAccess.choices, blank=True,
        help_text="Exemple : des capteurs qui envoient leurs mesures : « collecte automatisée ».",
    )
    implementation = models.CharField(
        "mise en œuvre", max_length=20, choices=Implementation.choices, blank=True,
        help_text="Exemple : un outil acheté par appel d'offres : « Marché public ».",
    )
    hosting_mode = models.CharField(
        "mode d'hébergement", max_length=20, choices=HostingMode.choices, blank=True,
        help_text="Exemple : un logiciel en ligne du fournisseur : « Dans le nuage d'un tiers ».",
    )
    started_on = models.DateField(
        "date de démarrage du projet", null=True, blank=True, help_text="Exemple : 01/09/2024.",
    )
    decisions_per_year = models.PositiveIntegerField(
        "décisions individuelles préparées par an", null=True, blank=True,
        help_text="Le nombre de décisions administratives par an où le système intervient ; 0 s'il n'en "
        "prépare aucune. Exemple : 1300 (places en crèche attribuées chaque année).",
    )
    contact_email = models.EmailField(
        "adresse de contact publique", blank=True,
        help_text="Une boîte fonctionnelle du service (jamais l'adresse d'un agent) ; à défaut, les exports "
        "prennent celle de l'organisation et le disent. Exemple : collecte-ia@exemple.fr",
    )

    # The team (law 9 counts only)
    team_size = models.PositiveSmallIntegerField("taille de l'équipe", null=True, blank=True)
    team_women = models.PositiveSmallIntegerField("dont femmes", null=True, blank=True)

    # Where the record came from, when it was imported from a file: the columns
    # that match no field, with their values (nothing of the file is dropped).
    import_note = models.TextField(
        "note d'import", blank=True, editable=False,
        help_text="Colonnes du fichier importé sans champ correspondant, avec leurs valeurs.",
    )

    # Lifecycle
    status = models.CharField(
        "statut", max_length=30, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    status_changed_at = models.DateTimeField("statut depuis le", default=timezone.now, editable=False)
    created_at = models.DateTimeField("créé le", auto_now_add=True)
    updated_at = models.DateTimeField("modifié le", auto_now=True)

    search_text = models.TextField(editable=False, default="")
    history = HistoricalRecords(excluded_fields=["search_text", "updated_at"])

    class Meta:
        verbose_name = "système d'IA"
        verbose_name_plural = "systèmes d'IA"
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["organisation", "status"])]

    def __str__(self):
        return self.name

    @property
    def processes_personal_data(self):
        return self.personal_data or self.sensitive_data or self.minors_data or self.offence_data

    def clean(self):
        errors = {}
        reasons = automated_decision_reasons(self.decision_role)
        if reasons:
            errors["decision_role"] = automated_decision_message(reasons)
        if self.service_id and self.organisation_id and self.service.organisation_id != self.organisation_id:
            errors["service"] = "Ce service n'appartient pas à l'organisation du système."
        if self.team_women is not None and self.team_size is not None and self.team_women > self.team_size:
            errors["team_women"] = "Le nombre de femmes ne peut pas dépasser la taille de l'équipe."
        if (self.sensitive_data or self.minors_data or self.offence_data) and not self.personal_data:
            self.personal_data = True
        if self.is_open_source and not self.licence:
            errors["licence"] = "Indiquez la licence du logiciel libre (par exemple EUPL-1.2, MIT)."
        if errors:
            raise ValidationError(errors)

    def set_status(self, status, reason="", *, actor=None, facts=None):
        """Move the record to `status`, keep the reason and the person in its history; the only door.

        A person's move (`actor` given) must come with the lifecycle's facts
        (confiance.review.transitions.transition gathers them) and is refused
        with `TransitionRefused` unless rules.lifecycle allows it. Without an
        actor, the system records a status known from elsewhere (demo sources,
        a restored archive, test set-up) and only the status itself is checked.
        """
        if self.pk is not None and not transaction.get_autocommit():
            # Start from the stored row, locked: a status change never writes back stale values
            # of fields someone else changed meanwhile, nor decides on a status already moved (issue 15).
            type(self)._default_manager.select_for_update().only("pk").get(pk=self.pk)
            self.refresh_from_db()
            if facts is not None and getattr(facts, "status", None) not in (None, self.status):
                facts = dataclasses.replace(facts, status=self.status)
        elif self.pk is not None:
            with transaction.atomic():
                return self.set_status(status, reason, actor=actor, facts=facts)
        status = lifecycle.Status(status)
        if actor is not None or facts is not None:
            if facts is None:
                raise ValueError("A person's move needs the lifecycle facts (use confiance.review.transitions).")
            result = lifecycle.decide(facts, status)
            if not result.allowed:
                raise TransitionRefused(result)
        self.status = status.value
        self.status_changed_at = timezone.now()
        self._change_reason = reason[:100]
        if actor is not None:
            self._history_user = actor
        self.save()

    def save(self, *args, **kwargs):
        self.search_text = fold(
            " ".join([self.name, self.public_summary, self.purpose, self.vendor, self.product, self.model_name])
        )
        super().save(*args, **kwargs)
