from django import forms

from confiance.accounts.models import Organisation
from confiance.library.models import SharedProject
from confiance.register.choices import Technique
from confiance.rules.library_interconnectes import THEMES
from confiance.rules.library_tiers import TIER_1, TIER_2, TIER_3

SHARE_TIER_1 = ["name", "summary", "domain", "theme", "sub_themes", "technique", "status", "start_date", "end_date",
                "outcome", "abandon_reason", "risk_class", "partners", "audience", "info_url", "sources"]
SHARE_TIER_2 = ["contacts", "cost", "funding", "vendor", "contract_type", "hosting", "data_used",
                "lessons_worked", "lessons_failed", "success_factors", "evaluation"]
SHARE_TIER_3 = ["repository_url", "licence", "documentation_url", "model_card", "data_schemas", "demonstrator_url",
                "resources_url"]
assert set(SHARE_TIER_1) <= set(TIER_1) and set(SHARE_TIER_2) <= set(TIER_2) and set(SHARE_TIER_3) <= set(TIER_3)


class ShareForm(forms.ModelForm):
    """What an organisation publishes about one of its records, tier by tier."""

    theme = forms.ChoiceField(label="Thème (Interconnectés)", required=False,
                              choices=[("", "—")] + [(t, t) for t in THEMES])

    class Meta:
        model = SharedProject
        fields = SHARE_TIER_1 + SHARE_TIER_2 + SHARE_TIER_3
        help_texts = {
            "sub_themes": "Un ou deux sous-thèmes des Interconnectés, séparés par « ; ».",
            "contacts": "Nom, fonction et adresse électronique des personnes à contacter.",
        }

    def tiers(self):
        return [
            ("Palier 1 — public", "Visible de tous.", [self[n] for n in SHARE_TIER_1]),
            ("Palier 2 — collectivités membres", "Visible des agents des collectivités membres de la bibliothèque.",
             [self[n] for n in SHARE_TIER_2]),
            ("Palier 3 — experts", "Visible des seuls experts désignés par les administrateurs de la bibliothèque.",
             [self[n] for n in SHARE_TIER_3]),
        ]


class ReuseForm(forms.Form):
    organisation = forms.ModelChoiceField(label="Dans le registre de", queryset=Organisation.objects.none())
    technique = forms.ChoiceField(label="Technique", choices=Technique.choices)

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=organisations)


class ContactForm(forms.Form):
    organisation = forms.ModelChoiceField(label="Au nom de", queryset=Organisation.objects.none())
    message = forms.CharField(label="Votre message à l'équipe", widget=forms.Textarea, max_length=4000,
                              help_text="Présentez votre collectivité et ce que vous cherchez à savoir.")

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=organisations)


class AnswerForm(forms.Form):
    answer = forms.CharField(label="Réponse", widget=forms.Textarea, max_length=4000)
