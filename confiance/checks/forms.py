"""Forms of the checks: a section of the guided questionnaire, a contest, and the assessments."""

from django import forms

from confiance.checks.models import DPIA, FRIA, EUDatabaseEntry
from confiance.core.forms import LimitedTextMixin
from confiance.rules.answers import question_fields
from confiance.rules.questionnaire import PLAIN

ANSWER_CHOICES = [("yes", "Oui"), ("no", "Non"), ("unknown", "Je ne sais pas")]


class SectionForm(forms.Form):
    """One section of the guided questionnaire: oui / non / je ne sais pas for each question."""

    def __init__(self, section, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.section = section
        legal = {f.name: f.metadata for f in question_fields()}
        for name in section.fields:
            self.fields[name] = forms.ChoiceField(
                label=PLAIN[name], choices=ANSWER_CHOICES, required=False, widget=forms.RadioSelect,
                help_text=legal[name]["question"] + (" " + legal[name]["help"] if legal[name]["help"] else ""),
            )

    def choices(self):
        """Return question -> "yes" / "no" / "unknown" / "" (left blank)."""
        return {name: self.cleaned_data.get(name) or "" for name in self.section.fields}


class ContestForm(forms.Form):
    justification = forms.CharField(
        label="Pourquoi cette déduction ne s'applique-t-elle pas à ce système ?", min_length=20,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Votre justification est conservée dans l'historique et montrée au DPO (20 caractères au moins).",
        error_messages={"required": "Une contestation doit être justifiée par écrit.",
                        "min_length": "Expliquez en quelques phrases (20 caractères au moins)."},
    )


class DateInput(forms.DateInput):
    input_type = "date"


class DPIAForm(LimitedTextMixin, forms.ModelForm):
    class Meta:
        model = DPIA
        exclude = ["system"]
        widgets = {"carried_out_on": DateInput()}


class FRIAForm(LimitedTextMixin, forms.ModelForm):
    class Meta:
        model = FRIA
        exclude = ["system"]
        widgets = {"carried_out_on": DateInput(), "authority_notified_on": DateInput()}


class EUDatabaseEntryForm(LimitedTextMixin, forms.ModelForm):
    class Meta:
        model = EUDatabaseEntry
        exclude = ["system"]
        widgets = {"submitted_on": DateInput()}


class TrainingEventForm(forms.ModelForm):
    class Meta:
        from confiance.checks.models import TrainingEvent

        model = TrainingEvent
        fields = ["audience", "title", "held_on", "participants", "source"]
        widgets = {"held_on": DateInput()}
