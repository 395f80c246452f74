"""Forms of the catalogue: a dataset, its fields, its links to AI systems, imports, harvests, filters."""

from django import forms
from django.conf import settings

from confiance.accounts.models import Organisation, Person, Service
from confiance.catalogue.choices import Classification, ReviewStatus, UseRole
from confiance.catalogue.models import CatalogueProfile, Dataset, DatasetField, DatasetUse, Harvest
from confiance.core.forms import ListFilterForm
from confiance.register.search import query_filter

DATASET_FIELDS = [
    "title", "description", "theme", "keywords", "service", "owner", "steward", "source_application",
    "classification", "shared_with", "legal_basis", "sensitive_condition", "retention_months", "oldest_record_on",
    "hosting_country", "hosting_provider", "transfer_basis", "reversibility_clause", "contract_reference",
    "frequency", "last_updated", "issued", "temporal_start", "temporal_end", "licence", "licence_other",
    "landing_page", "completeness_percent", "schema_url", "quality_label",
]
FIELDSETS = [
    ("Le jeu de données", ["title", "description", "theme", "keywords", "source_application"]),
    ("Qui en répond", ["organisation", "service", "owner", "steward"]),
    ("Classification et base légale", ["classification", "shared_with", "legal_basis", "sensitive_condition",
                                       "retention_months", "oldest_record_on"]),
    ("Hébergement et réversibilité", ["hosting_country", "hosting_provider", "transfer_basis",
                                      "reversibility_clause", "contract_reference"]),
    ("Mise à jour et publication", ["frequency", "last_updated", "issued", "temporal_start", "temporal_end",
                                    "licence", "licence_other", "landing_page", "distributions_text"]),
    ("Qualité", ["completeness_percent", "schema_url", "quality_label"]),
]
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class DatasetForm(forms.ModelForm):
    """Create or edit a dataset; the organisation is fixed once it exists; only a steward or admin grants a label."""

    organisation = forms.ModelChoiceField(queryset=Organisation.objects.none(), label="Organisation", empty_label=None)
    shared_with = forms.MultipleChoiceField(label="Partagée avec", required=False, widget=forms.CheckboxSelectMultiple,
                                            help_text="Pour une donnée partagée : les organisations partenaires.")
    distributions_text = forms.CharField(
        label="Ressources", required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Une par ligne : adresse | format | titre (par exemple « https://…/collecte.csv | csv | Tournées »).")

    class Meta:
        model = Dataset
        fields = DATASET_FIELDS
        widgets = {name: DATE_WIDGET for name in ("oldest_record_on", "last_updated", "issued", "temporal_start",
                                                  "temporal_end")} | {
            "description": forms.Textarea(attrs={"rows": 4}),
            "reversibility_clause": forms.NullBooleanSelect,
        }

    def __init__(self, *args, organisations, may_label=True, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["organisation"]
            org_ids = [self.instance.organisation_id]
            self.initial["distributions_text"] = "\n".join(
                " | ".join([d.get("url", ""), d.get("format", ""), d.get("title", "")]).rstrip(" |")
                for d in self.instance.distributions or [])
        else:
            self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=organisations)
            org_ids = list(organisations)
        self.fields["service"].queryset = Service.objects.filter(organisation_id__in=org_ids).select_related(
            "organisation")
        people = Person.objects.filter(memberships__organisation_id__in=org_ids).distinct()
        self.fields["owner"].queryset = people
        self.fields["steward"].queryset = people.filter(memberships__role="steward")
        self.fields["shared_with"].choices = list(Organisation.objects.exclude(pk__in=org_ids).values_list("slug", "name"))
        if not may_label:
            self.fields["quality_label"].disabled = True
            self.fields["quality_label"].help_text = "Seul un référent data ou un administrateur accorde un label."
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"id_{name}_aide"

    def clean_distributions_text(self):
        rows = []
        for number, line in enumerate(self.cleaned_data["distributions_text"].splitlines(), 1):
            if not line.strip():
                continue
            url, fmt, title = ([p.strip() for p in line.split("|")] + ["", ""])[:3]
            if not url.startswith(("http://", "https://")):
                raise forms.ValidationError(f"Ligne {number} : l'adresse doit commencer par http:// ou https://.")
            rows.append({"url": url, "format": fmt.lower(), "title": title})
        return rows

    def clean(self):
        data = super().clean()
        classification = data.get("classification")
        if classification == Classification.CLOSED and not data.get("shared_with"):
            self.add_error("shared_with", "Une donnée partagée doit nommer au moins une organisation partenaire.")
        if classification != Classification.CLOSED and data.get("shared_with"):
            self.add_error("shared_with", "Seule une donnée partagée (closed data) est partagée avec des partenaires.")
        return data

    def _post_clean(self):
        if "organisation" in self.fields and self.cleaned_data.get("organisation"):
            self.instance.organisation = self.cleaned_data["organisation"]
        self.instance.distributions = self.cleaned_data.get("distributions_text", self.instance.distributions)
        super()._post_clean()

    def fieldsets(self):
        for legend, names in FIELDSETS:
            bound = [self[name] for name in names if name in self.fields]
            if bound:
                yield legend, bound


DatasetFieldFormSet = forms.inlineformset_factory(
    Dataset, DatasetField, fields=["name", "type", "description", "personal", "position"], extra=3, can_delete=True)


class DatasetUseForm(forms.ModelForm):
    """Link a dataset of the system's organisation (or shared with it) to the system."""

    class Meta:
        model = DatasetUse
        fields = ["dataset", "role", "note"]
        widgets = {"role": forms.RadioSelect}

    def __init__(self, *args, system, datasets, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.system = system
        self.fields["dataset"].queryset = datasets
        self.fields["role"].choices = UseRole.choices

    def validate_unique(self):
        super().validate_unique()
        exists = DatasetUse.objects.filter(system=self.instance.system, dataset=self.cleaned_data.get("dataset"),
                                           role=self.cleaned_data.get("role")).exists()
        if exists:
            self.add_error("dataset", "Ce jeu de données est déjà lié à ce système avec ce rôle.")


class DatasetFilterForm(ListFilterForm):
    q = forms.CharField(label="Rechercher", required=False)
    classification = forms.ChoiceField(label="Classification", required=False,
                                       choices=[("", "Toutes")] + Classification.choices)
    service = forms.ModelChoiceField(label="Service", required=False, queryset=Service.objects.none(),
                                     empty_label="Tous")
    status = forms.ChoiceField(label="État", required=False, choices=[("", "Dans le catalogue")] + [
        (ReviewStatus.PENDING.value, "À examiner"), ("withdrawn", "Retirés à la source"),
        (ReviewStatus.REJECTED.value, "Écartés")])

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = Service.objects.filter(organisation_id__in=organisations)
        self.fields["q"].widget.attrs["type"] = "search"

    def filter(self, datasets):
        data = self.applied()
        status = data.get("status")
        if status == "withdrawn":
            datasets = datasets.filter(withdrawn=True)
        elif status:
            datasets = datasets.filter(review_status=status)
        else:
            datasets = datasets.filter(review_status=ReviewStatus.ACCEPTED, withdrawn=False)
        if data.get("q"):
            datasets = datasets.filter(query_filter(data["q"]))
        if data.get("classification"):
            datasets = datasets.filter(classification=data["classification"])
        if data.get("service"):
            datasets = datasets.filter(service=data["service"])
        return datasets


class ImportForm(forms.Form):
    """A DCAT catalogue from a file or a URL (one of the two)."""

    organisation = forms.ModelChoiceField(queryset=Organisation.objects.none(), label="Organisation", empty_label=None)
    service = forms.ModelChoiceField(queryset=Service.objects.none(), label="Service destinataire", required=False,
                                     help_text="Ses référents data examineront les jeux importés.")
    file = forms.FileField(label="Fichier DCAT", required=False,
                           help_text="Turtle (.ttl), RDF/XML (.rdf, .xml), JSON-LD (.jsonld) ou N-Triples (.nt).")
    url = forms.URLField(label="ou adresse du catalogue", required=False, assume_scheme="https",
                         help_text="Seules les adresses http:// ou https:// publiques sont acceptées.")

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=organisations)
        self.fields["service"].queryset = Service.objects.filter(organisation_id__in=organisations).select_related(
            "organisation")

    def clean(self):
        data = super().clean()
        service, org = data.get("service"), data.get("organisation")
        if service and org and service.organisation_id != org.pk:
            self.add_error("service", "Ce service n'appartient pas à l'organisation choisie.")
        if bool(data.get("file")) == bool(data.get("url")):
            raise forms.ValidationError("Donnez soit un fichier, soit une adresse (l'un des deux).")
        file = data.get("file")
        if file and file.size > settings.CATALOGUE_MAX_DOWNLOAD_MB * 1024 * 1024:
            self.add_error("file", f"Le fichier dépasse la taille maximale ({settings.CATALOGUE_MAX_DOWNLOAD_MB} Mo).")
        if data.get("url"):
            from confiance.catalogue.fetch import FetchError, check_url

            try:
                check_url(data["url"])
            except FetchError as exc:
                self.add_error("url", str(exc))
        return data


class HarvestForm(forms.ModelForm):
    class Meta:
        model = Harvest
        fields = ["organisation", "name", "url", "platform", "every_days", "service"]

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=organisations)
        self.fields["service"].queryset = Service.objects.filter(organisation_id__in=organisations)
        self.fields["organisation"].empty_label = None

    def clean_url(self):
        from confiance.catalogue.fetch import FetchError, check_url

        url = self.cleaned_data["url"]
        try:
            check_url(url)
        except FetchError as exc:
            raise forms.ValidationError(str(exc)) from None
        return url


class MergeForm(forms.Form):
    target = forms.ModelChoiceField(queryset=Dataset.objects.none(), label="Fiche existante",
                                    help_text="La fiche saisie à la main qui décrit le même jeu de données.")

    def __init__(self, *args, dataset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = Dataset.objects.filter(
            organisation_id=dataset.organisation_id, review_status=ReviewStatus.ACCEPTED).exclude(pk=dataset.pk)


class ProfileForm(forms.ModelForm):
    class Meta:
        model = CatalogueProfile
        fields = ["siret", "spatial_granularity", "spatial_name", "required_quality_label"]
