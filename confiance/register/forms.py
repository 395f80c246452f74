"""Forms of the register: declare and edit an AI system."""

from django import forms

from confiance.accounts.models import Organisation, Person, Service
from confiance.core.forms import LimitedTextMixin, ListFilterForm
from confiance.register import completeness, law_filter
from confiance.register.choices import Domain, Status, Technique
from confiance.register.models import AISystem
from confiance.register.search import query_filter
from confiance.rules.ai_act import RiskClass
from confiance.rules.charter import Outcome

RISK_CLASS_CHOICES = [("", "Toutes")] + [(c.value, c.label.capitalize()) for c in RiskClass]
LAW_CHOICES = [("", "Tous")] + [
    (f"{n}:{o.value}", f"Principe {n} : {o.label}")
    for n in range(1, 11)
    for o in (Outcome.TO_DO, Outcome.VIOLATED, Outcome.MET)
]

SYSTEM_FIELDS = [
    "name", "public_summary", "purpose", "citizen_benefit", "agent_support", "domain",
    "service", "owner", "steward",
    "technique", "vendor", "product", "model_name", "is_open_source", "licence",
    "hosting_country", "hosting_provider", "datasets_used",
    "personal_data", "sensitive_data", "minors_data", "offence_data",
    "people_affected", "people_magnitude", "citizen_facing", "decision_role", "human_oversight",
    "team_size", "team_women",
]
# The fields the publication standards ask for (issue #17), placed in the sections below.
PUBLICATION_FIELDS = [
    "legal_basis", "legal_basis_url", "deliberation", "proportionality", "decision_process", "people_impact",
    "risks", "started_on", "contact_email",
    "use_type", "implementation", "hosting_mode", "training_data", "input_data", "data_origin", "data_access",
    "data_collection", "connected_data_sources",
    "decisions_per_year",
    "monitoring", "objection_procedure", "revision_on", "revision_reason",
]
SYSTEM_FIELDS += PUBLICATION_FIELDS
LONG_TEXT_FIELDS = ("legal_basis", "deliberation", "proportionality", "decision_process", "people_impact", "risks",
                    "training_data", "input_data", "data_collection", "connected_data_sources", "monitoring",
                    "objection_procedure")

# How the form is split into fieldsets on the page, in order.
FIELDSETS = [
    ("Le système et son utilité", ["name", "public_summary", "purpose", "citizen_benefit", "agent_support", "domain",
                                   "legal_basis", "legal_basis_url", "deliberation", "proportionality",
                                   "started_on"]),
    ("Qui en répond", ["organisation", "service", "owner", "steward", "contact_email"]),
    ("Comment il fonctionne", ["technique", "use_type", "vendor", "product", "model_name", "is_open_source", "licence",
                               "implementation", "hosting_country", "hosting_provider", "hosting_mode",
                               "datasets_used", "training_data", "input_data", "data_origin", "data_access",
                               "data_collection", "connected_data_sources"]),
    ("Les personnes et les données concernées", ["personal_data", "sensitive_data", "minors_data", "offence_data",
                                                 "people_affected", "people_magnitude", "citizen_facing",
                                                 "people_impact", "risks"]),
    ("La place de l'humain", ["decision_role", "decision_process", "decisions_per_year", "human_oversight",
                              "monitoring", "objection_procedure", "revision_on", "revision_reason"]),
    ("L'équipe (loi 9)", ["team_size", "team_women"]),
]


class AISystemForm(LimitedTextMixin, forms.ModelForm):
    """Create or edit a record; the organisation is fixed once the record exists."""

    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(), label="Organisation", empty_label=None
    )

    class Meta:
        model = AISystem
        fields = SYSTEM_FIELDS
        widgets = {"decision_role": forms.RadioSelect,
                   "revision_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                   "started_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["organisation"]
            org_ids = [self.instance.organisation_id]
        else:
            self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=organisations)
            org_ids = list(organisations)
        self.fields["service"].queryset = Service.objects.filter(organisation_id__in=org_ids).select_related(
            "organisation"
        )
        people = Person.objects.filter(memberships__organisation_id__in=org_ids).distinct()
        self.fields["owner"].queryset = people
        self.fields["steward"].queryset = people.filter(memberships__role="steward")
        for name, field in self.fields.items():
            if name in ("public_summary", "purpose", "citizen_benefit", "agent_support", "datasets_used",
                        "human_oversight") or name in LONG_TEXT_FIELDS:
                field.widget.attrs["rows"] = 3

    def _post_clean(self):
        # The model's clean() checks the service against the organisation, so
        # the organisation must be on the instance before it runs.
        if "organisation" in self.fields and self.cleaned_data.get("organisation"):
            self.instance.organisation = self.cleaned_data["organisation"]
        super()._post_clean()

    def fieldsets(self):
        """Yield (legend, bound fields) in page order."""
        for legend, names in FIELDSETS:
            bound = [self[name] for name in names if name in self.fields]
            if bound:
                yield legend, bound


class RegisterFilterForm(ListFilterForm):
    """The filters above the list; every field is optional."""

    q = forms.CharField(label="Rechercher", required=False)
    status = forms.ChoiceField(label="Statut", required=False, choices=[("", "Tous")] + Status.choices)
    domain = forms.ChoiceField(label="Domaine", required=False, choices=[("", "Tous")] + Domain.choices)
    technique = forms.ChoiceField(label="Technique", required=False, choices=[("", "Toutes")] + Technique.choices)
    service = forms.ModelChoiceField(label="Service", required=False, queryset=Service.objects.none(),
                                     empty_label="Tous")
    risk_class = forms.ChoiceField(label="Classe de risque", required=False, choices=RISK_CLASS_CHOICES)
    law = forms.ChoiceField(label="Principe de la charte", required=False, choices=LAW_CHOICES)
    incomplete_for = forms.ChoiceField(label="Fiche incomplète pour", required=False, choices=[("", "Peu importe")])

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = Service.objects.filter(organisation_id__in=organisations)
        self.fields["q"].widget.attrs["type"] = "search"
        self.fields["incomplete_for"].choices = [("", "Peu importe")] + [
            (key, name) for key, name in completeness.standards()]

    def filter(self, systems):
        """Return `systems` narrowed by the valid filters."""
        data = self.applied()
        if data.get("q"):
            systems = systems.filter(query_filter(data["q"]))
        for name in ("status", "domain", "technique", "service"):
            if data.get(name):
                systems = systems.filter(**{name: data[name]})
        if data.get("risk_class"):
            systems = systems.filter(check_result__risk_class=data["risk_class"])
        if data.get("law"):
            number, outcome = data["law"].split(":")
            systems = law_filter.with_law_outcome(systems, int(number), outcome)  # laws 7-9 on the organisation
        if data.get("incomplete_for"):
            # Completeness is computed from each record's public form, not stored: read the
            # narrowed list once and keep those that lack a required field of the standard.
            systems = systems.filter(pk__in=completeness.incomplete_pks(
                systems.values_list("pk", flat=True), data["incomplete_for"]))
        return systems
