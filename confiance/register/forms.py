"""Forms of the register: declare and edit an AI system."""

from django import forms

from confiance.accounts.models import Organisation, Person, Service
from confiance.register.choices import Domain, Status, Technique
from confiance.register.models import AISystem

SYSTEM_FIELDS = [
    "name", "public_summary", "purpose", "citizen_benefit", "agent_support", "domain",
    "service", "owner", "steward",
    "technique", "vendor", "product", "model_name", "is_open_source", "licence",
    "hosting_country", "hosting_provider", "datasets_used",
    "personal_data", "sensitive_data", "minors_data", "offence_data",
    "people_affected", "people_magnitude", "citizen_facing", "decision_role", "human_oversight",
    "team_size", "team_women",
]

# How the form is split into fieldsets on the page, in order.
FIELDSETS = [
    ("Le système et son utilité", ["name", "public_summary", "purpose", "citizen_benefit", "agent_support", "domain"]),
    ("Qui en répond", ["organisation", "service", "owner", "steward"]),
    ("Comment il fonctionne", ["technique", "vendor", "product", "model_name", "is_open_source", "licence",
                               "hosting_country", "hosting_provider", "datasets_used"]),
    ("Les personnes et les données concernées", ["personal_data", "sensitive_data", "minors_data", "offence_data",
                                                 "people_affected", "people_magnitude", "citizen_facing"]),
    ("La place de l'humain", ["decision_role", "human_oversight"]),
    ("L'équipe (loi 9)", ["team_size", "team_women"]),
]


class AISystemForm(forms.ModelForm):
    """Create or edit a record; the organisation is fixed once the record exists."""

    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(), label="Organisation", empty_label=None
    )

    class Meta:
        model = AISystem
        fields = SYSTEM_FIELDS
        widgets = {"decision_role": forms.RadioSelect}

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
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"id_{name}_aide"
            if name in ("public_summary", "purpose", "citizen_benefit", "agent_support", "datasets_used",
                        "human_oversight"):
                field.widget.attrs.setdefault("rows", 3)

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


class RegisterFilterForm(forms.Form):
    """The filters above the list; every field is optional."""

    q = forms.CharField(label="Rechercher", required=False)
    status = forms.ChoiceField(label="Statut", required=False, choices=[("", "Tous")] + Status.choices)
    domain = forms.ChoiceField(label="Domaine", required=False, choices=[("", "Tous")] + Domain.choices)
    technique = forms.ChoiceField(label="Technique", required=False, choices=[("", "Toutes")] + Technique.choices)
    service = forms.ModelChoiceField(label="Service", required=False, queryset=Service.objects.none(),
                                     empty_label="Tous")

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = Service.objects.filter(organisation_id__in=organisations)
        self.fields["q"].widget.attrs["type"] = "search"
