"""The forms of the audits: a bias audit's file and choices, a carbon estimate's assumptions."""

from django import forms

from confiance.audits.carbon import carbon_input
from confiance.rules import carbon, carbon_data
from confiance.rules.bias import DEFAULT_MIN_GROUP_SIZE
from confiance.rules.bias_input import BiasInputError, parse_reference

SEPARATOR_CHOICES = [("", "Détecter"), (";", "Point-virgule (;)"), (",", "Virgule (,)"), ("\t", "Tabulation")]


class BiasAuditForm(forms.Form):
    file = forms.FileField(label="Fichier de données (CSV ou Parquet)",
                           help_text="CSV séparé par virgule, point-virgule ou tabulation, en UTF-8 ou Windows-1252 ; "
                                     "ou Parquet. Il est lu puis effacé : seuls les agrégats sont conservés.",
                           widget=forms.ClearableFileInput(attrs={"accept": ".csv,.tsv,.txt,.parquet"}))
    protected = forms.CharField(label="Attributs protégés", max_length=500,
                                help_text="Noms des colonnes séparés par des virgules, par exemple : sexe, tranche_age, "
                                          "nationalite, qpv.")
    outcome = forms.CharField(label="Colonne du résultat (facultatif)", required=False, max_length=200,
                              help_text="La décision réellement prise, par exemple « decision ».")
    outcome_favourable = forms.CharField(label="Valeur favorable du résultat", required=False, max_length=200,
                                         help_text="Par exemple « oui », « accordé » ou 1.")
    prediction = forms.CharField(label="Colonne de la prédiction (facultatif)", required=False, max_length=200)
    prediction_favourable = forms.CharField(label="Valeur favorable de la prédiction", required=False, max_length=200)
    prediction_threshold = forms.FloatField(label="Ou seuil du score de prédiction", required=False, localize=True,
                                            help_text="Un score supérieur ou égal au seuil est favorable (0,5).")
    reference = forms.CharField(label="Distribution de référence (facultatif)", required=False,
                                widget=forms.Textarea(attrs={"rows": 3}),
                                help_text="Une ligne par attribut, par exemple « sexe : F=0,52 ; H=0,48 » (parts du "
                                          "recensement, ou pourcentages).")
    min_group_size = forms.IntegerField(label="Taille minimale d'un groupe publié", min_value=1,
                                        initial=DEFAULT_MIN_GROUP_SIZE,
                                        help_text="Secret statistique : les groupes plus petits sont masqués.")
    separator = forms.ChoiceField(label="Séparateur", choices=SEPARATOR_CHOICES, required=False)
    legal_basis = forms.CharField(label="Base légale du traitement de données sensibles", required=False,
                                  widget=forms.Textarea(attrs={"rows": 2}),
                                  help_text="À remplir si le fichier contient des données révélant l'origine, la "
                                            "religion ou l'orientation sexuelle (RGPD art. 9.2).")

    def clean_protected(self):
        names = [n.strip() for n in self.cleaned_data["protected"].split(",") if n.strip()]
        if not names:
            raise forms.ValidationError("Indiquez au moins un attribut protégé.")
        return names

    def clean_reference(self):
        try:
            return parse_reference(self.cleaned_data.get("reference", ""))
        except BiasInputError as exc:
            raise forms.ValidationError(str(exc)) from None

    def clean(self):
        data = super().clean()
        if data.get("outcome") and not data.get("outcome_favourable"):
            self.add_error("outcome_favourable", "Indiquez la valeur favorable du résultat.")
        if data.get("prediction") and not data.get("prediction_favourable") and data.get("prediction_threshold") is None:
            self.add_error("prediction_favourable", "Indiquez la valeur favorable ou le seuil de la prédiction.")
        return data


def _country_choices():
    return [("WOR", "Monde (moyenne)")] + list(carbon_data.countries().items())


def _llm_choices():
    choices = [("", "Aucun")]
    for provider, names in carbon_data.llm_models().items():
        choices.append((provider, [(f"{provider}/{name}", name) for name in names]))
    return choices


def _float(label, required=False, **kwargs):
    return forms.FloatField(label=label, required=required, localize=True, min_value=0, **kwargs)


class CarbonEstimateForm(forms.Form):
    country = forms.ChoiceField(label="Pays d'hébergement (réseau électrique)", initial="FRA")
    pue = _float("PUE du centre de données", help_text=f"Laissez vide pour la moyenne {carbon.DEFAULT_PUE:g} "
                                                       f"({carbon.PUE_SOURCE}).")
    training_hardware = forms.ChoiceField(label="Matériel d'entraînement", required=False)
    training_watts = _float("Ou puissance d'un appareil (W)")
    training_devices = forms.IntegerField(label="Nombre d'appareils", min_value=1, initial=1, required=False)
    training_hours = _float("Durée d'un entraînement (heures)")
    training_runs_per_year = _float("Entraînements par an", initial=1)
    requests_per_month = _float("Requêtes par mois")
    llm = forms.ChoiceField(label="Modèle de langage hébergé (EcoLogits)", required=False)
    output_tokens = forms.IntegerField(label="Jetons produits par réponse", min_value=0, required=False)
    wh_per_request = _float("Ou énergie par requête (Wh)")
    storage_terabytes = _float("Données stockées (To)")
    storage_medium = forms.ChoiceField(label="Support", choices=[("hdd", "Disques durs"), ("ssd", "SSD")],
                                       required=False)
    storage_copies = forms.IntegerField(label="Nombre de copies", min_value=1, initial=3, required=False)
    benefit_description = forms.CharField(label="Bénéfice revendiqué", required=False, max_length=200,
                                          help_text="Par exemple : km de tournées de collecte évités.")
    benefit_quantity = _float("Quantité évitée par an")
    benefit_unit = forms.CharField(label="Unité", required=False, max_length=40)
    benefit_factor = _float("Facteur de conversion (kg CO₂e par unité)")
    benefit_source = forms.CharField(label="Source du facteur", required=False, max_length=300,
                                     help_text="Base Empreinte de l'ADEME quand la valeur y figure.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = _country_choices()
        self.fields["llm"].choices = _llm_choices()
        self.fields["training_hardware"].choices = [("", "Autre (indiquer la puissance)")] + [
            (key, label) for key, (label, _) in carbon.GPUS.items()]

    def carbon_input(self, previous=None):
        """Return the rules' CarbonInput; a training energy measured earlier is kept unless hours are given."""
        d = self.cleaned_data
        country, pue = d.get("country") or "FRA", d.get("pue") or None
        provider, _, model = (d.get("llm") or "").partition("/")
        measured = ((previous or {}).get("training") or {}).get("measured_kwh_per_run")
        return carbon_input({
            "training": {"hardware": d.get("training_hardware") or "", "watts": d.get("training_watts"),
                         "devices": d.get("training_devices") or 1, "hours": d.get("training_hours") or 0,
                         "runs_per_year": d.get("training_runs_per_year") or 1, "country": country, "pue": pue,
                         "measured_kwh_per_run": None if d.get("training_hours") else measured},
            "inference": {"requests_per_month": d.get("requests_per_month") or 0, "llm_provider": provider,
                          "llm_model": model, "output_tokens": d.get("output_tokens") or 0,
                          "wh_per_request": d.get("wh_per_request"), "country": country, "pue": pue},
            "storage": {"terabytes": d.get("storage_terabytes") or 0, "medium": d.get("storage_medium") or "hdd",
                        "copies": d.get("storage_copies") or 3, "country": country, "pue": pue},
            "benefit": {"description": d.get("benefit_description") or "",
                        "quantity_per_year": d.get("benefit_quantity") or 0, "unit": d.get("benefit_unit") or "",
                        "kg_per_unit": d.get("benefit_factor") or 0, "source": d.get("benefit_source") or ""},
        })


def initial_from(inputs):
    """Return the form's initial values from a stored estimate's inputs."""
    t, i, s, b = (inputs.get(k, {}) for k in ("training", "inference", "storage", "benefit"))
    first = t or i or s
    return {
        "country": first.get("country", "FRA"), "pue": first.get("pue"),
        "training_hardware": t.get("hardware", ""), "training_watts": t.get("watts"),
        "training_devices": t.get("devices", 1), "training_hours": t.get("hours") or None,
        "training_runs_per_year": t.get("runs_per_year", 1), "requests_per_month": i.get("requests_per_month") or None,
        "llm": f"{i['llm_provider']}/{i['llm_model']}" if i.get("llm_model") else "",
        "output_tokens": i.get("output_tokens") or None, "wh_per_request": i.get("wh_per_request"),
        "storage_terabytes": s.get("terabytes") or None, "storage_medium": s.get("medium", "hdd"),
        "storage_copies": s.get("copies", 3), "benefit_description": b.get("description", ""),
        "benefit_quantity": b.get("quantity_per_year") or None, "benefit_unit": b.get("unit", ""),
        "benefit_factor": b.get("kg_per_unit") or None, "benefit_source": b.get("source", ""),
    }


class DatasetCarbonForm(forms.Form):
    """The assumptions of a dataset's storage footprint."""

    storage_terabytes = _float("Données stockées (To)", required=True)
    storage_medium = forms.ChoiceField(label="Support", choices=[("hdd", "Disques durs"), ("ssd", "SSD")])
    storage_copies = forms.IntegerField(label="Nombre de copies", min_value=1, initial=3,
                                        help_text="Les sauvegardes et répliques comptent.")
    country = forms.ChoiceField(label="Pays d'hébergement (réseau électrique)", initial="FRA")
    pue = _float("PUE du centre de données", help_text=f"Laissez vide pour la moyenne {carbon.DEFAULT_PUE:g} "
                                                       f"({carbon.PUE_SOURCE}).")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = _country_choices()

    def storage(self):
        """Return the rules' Storage fields."""
        d = self.cleaned_data
        return {"terabytes": d["storage_terabytes"], "medium": d["storage_medium"], "copies": d["storage_copies"],
                "country": d["country"], "pue": d.get("pue") or None}


def dataset_initial(inputs):
    s = inputs.get("storage", {})
    return {"storage_terabytes": s.get("terabytes"), "storage_medium": s.get("medium", "hdd"),
            "storage_copies": s.get("copies", 3), "country": s.get("country", "FRA"), "pue": s.get("pue")}
