"""Forms of the public site and of its management screens."""

from django import forms
from django.core.validators import MaxLengthValidator

from confiance.accounts.models import Service
from confiance.core.forms import ListFilterForm
from confiance.public.models import AnnualReport, ExplanationRequest, Notice
from confiance.public.records import public_systems
from confiance.register.choices import Domain
from confiance.register.forms import RISK_CLASS_CHOICES
from confiance.rules import transparency

PUBLIC_STATUS_CHOICES = [("", "Tous"), ("experimenting", "En expérimentation"), ("deployed", "Déployé"),
                         ("retired", "Retiré")]


class PublicFilterForm(ListFilterForm):
    """Search and filters above the public list; every field is optional."""

    q = forms.CharField(label="Rechercher", required=False, max_length=200)
    domain = forms.ChoiceField(label="Domaine", required=False, choices=[("", "Tous")] + Domain.choices)
    risk_class = forms.ChoiceField(label="Classe de risque", required=False, choices=RISK_CLASS_CHOICES)
    status = forms.ChoiceField(label="Statut", required=False, choices=PUBLIC_STATUS_CHOICES)
    service = forms.ModelChoiceField(label="Service", required=False, queryset=Service.objects.none(),
                                     empty_label="Tous")

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = Service.objects.filter(
            organisation=organisation, ai_systems__in=public_systems(organisation)
        ).distinct()


def _limit(field, size):
    field.max_length = size
    field.validators.append(MaxLengthValidator(size))
    field.widget.attrs["maxlength"] = size


class _HoneypotMixin(forms.Form):
    # Hidden from people by CSS and from assistive technologies; robots fill it.
    website = forms.CharField(label="Ne pas remplir ce champ", required=False)

    def is_spam(self):
        return bool(self.data.get("website"))


class ExplanationRequestForm(_HoneypotMixin, forms.ModelForm):
    class Meta:
        model = ExplanationRequest
        fields = ["decision", "message", "requester_name", "requester_email"]
        labels = {
            "decision": "La décision qui vous concerne",
            "message": "Votre question (facultatif)",
            "requester_name": "Vos nom et prénom",
            "requester_email": "Votre adresse électronique, pour recevoir la réponse",
        }
        help_texts = {
            "decision": "Par exemple : la décision d'attribution d'une place en crèche du 3 mars. "
                        f"{transparency.MAX_DECISION_CHARS} caractères au plus.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].required = True
        _limit(self.fields["decision"], transparency.MAX_DECISION_CHARS)
        _limit(self.fields["message"], transparency.MAX_MESSAGE_CHARS)
        self.fields["requester_name"].required = True
        self.fields["requester_email"].required = True
        self.fields["requester_name"].widget.attrs["autocomplete"] = "name"
        self.fields["requester_email"].widget.attrs["autocomplete"] = "email"
        for name in ("decision", "message"):
            self.fields[name].widget.attrs.update(rows=4)


class ErrorReportForm(_HoneypotMixin, forms.ModelForm):
    class Meta:
        model = ExplanationRequest
        fields = ["message", "requester_email"]
        labels = {
            "message": "Ce qui est faux ou n'est plus à jour",
            "requester_email": "Votre adresse électronique (facultatif, pour recevoir une réponse)",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["message"].required = True
        _limit(self.fields["message"], transparency.MAX_MESSAGE_CHARS)
        self.fields["message"].widget.attrs.update(rows=5)
        self.fields["requester_email"].widget.attrs["autocomplete"] = "email"


class AnswerForm(forms.ModelForm):
    class Meta:
        model = ExplanationRequest
        fields = ["answer"]
        labels = {"answer": "Réponse envoyée"}
        help_texts = {"answer": "Le texte de la réponse, tel qu'envoyé au demandeur (règles, données, paramètres "
                                "et leur pondération, opérations effectuées : CRPA, art. R311-3-1-2)."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["answer"].required = True


class NoticeConfirmForm(forms.ModelForm):
    class Meta:
        model = Notice
        fields = ["published_on_url"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["published_on_url"].required = True


class OpinionForm(forms.ModelForm):
    class Meta:
        model = AnnualReport
        fields = ["ethics_opinion"]
        help_texts = {"ethics_opinion": "L'avis du comité éthique sur le rapport, publié avec lui."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ethics_opinion"].required = True
