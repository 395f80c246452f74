"""Forms of the checks: the questionnaire (built from the rules' own questions) and the assessments."""

import typing
from enum import StrEnum

from django import forms

from confiance.checks.models import DPIA, FRIA, EUDatabaseEntry
from confiance.core.forms import LimitedTextMixin
from confiance.rules.answers import Answers, question_fields

GROUP_TITLES = {
    "ai_act": "Règlement européen sur l'IA (AI Act)",
    "gdpr": "Protection des données (RGPD)",
    "ethics": "Comité éthique",
}
_HINTS = typing.get_type_hints(Answers)


def _field_for(f):
    kind = _HINTS[f.name]
    common = {"label": f.metadata["question"], "help_text": f.metadata["help"], "required": False}
    if kind is bool:
        return forms.BooleanField(**common)
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        return forms.ChoiceField(choices=[(m.value, m.value) for m in kind], **common)
    return forms.IntegerField(**common)


class QuestionnaireForm(forms.Form):
    """Every question of the rules except the facts the record already holds."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.groups = {}
        for f in question_fields():
            group = f.metadata["group"]
            if group == "register":
                continue
            self.fields[f.name] = _field_for(f)
            if f.metadata["help"]:
                self.fields[f.name].widget.attrs["aria-describedby"] = f"id_{f.name}_aide"
            self.groups.setdefault(group, []).append(f.name)

    def fieldsets(self):
        for group, names in self.groups.items():
            yield GROUP_TITLES.get(group, group), [self[name] for name in names]

    def answers(self):
        """Return the answers to store: only those that differ from the safe default."""
        defaults = {f.name: f.default for f in question_fields()}
        return {k: v for k, v in self.cleaned_data.items() if v != defaults[k] and v not in (None, "")}


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
