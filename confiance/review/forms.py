"""Forms of the review; every error is a French sentence that says what to do."""

from django import forms

from confiance.accounts.models import Service
from confiance.review.models import (
    ApprovedTool,
    Committee,
    CommitteeMember,
    Decision,
    Declaration,
    Document,
    Experiment,
    Opinion,
    Referral,
    Session,
    YearlyReview,
)
from confiance.rules import lifecycle

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class TransitionForm(forms.Form):
    to_status = forms.ChoiceField(label="Étape", choices=[(s.value, s.label) for s in lifecycle.Status])
    reason = forms.CharField(label="Motif", max_length=300, required=False,
                             help_text="Il est conservé dans l'historique du système.")


class ReferralForm(forms.ModelForm):
    class Meta:
        model = Referral
        fields = ["committee", "question", "deadline", "session"]
        widgets = {"deadline": DATE}

    def __init__(self, *args, system, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = Committee.objects.filter(organisation=system.organisation)
        self.fields["session"].queryset = Session.objects.filter(committee__organisation=system.organisation,
                                                                 minutes="")
        self.fields["session"].required = False


class DocumentForm(forms.ModelForm):
    class Meta:
        model = Document
        fields = ["title", "file"]


class OpinionForm(forms.ModelForm):
    class Meta:
        model = Opinion
        fields = ["verdict", "text", "conditions", "votes_for", "votes_against", "abstentions", "given_on",
                  "published"]
        widgets = {"verdict": forms.RadioSelect, "given_on": DATE}


class DecisionForm(forms.ModelForm):
    conditions = forms.CharField(label="Conditions à remplir", required=False, widget=forms.Textarea,
                                 help_text="Une condition par ligne ; chacune sera suivie jusqu'à ce qu'elle soit "
                                 "remplie.")

    class Meta:
        model = Decision
        fields = ["kind", "text", "decided_on"]
        widgets = {"kind": forms.RadioSelect, "decided_on": DATE}

    def condition_lines(self):
        return [line.strip() for line in self.cleaned_data["conditions"].splitlines() if line.strip()]


class SessionForm(forms.ModelForm):
    class Meta:
        model = Session
        fields = ["held_on", "place", "attendees", "minutes"]
        widgets = {"held_on": DATE, "attendees": forms.CheckboxSelectMultiple}

    def __init__(self, *args, committee, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = CommitteeMember.objects.filter(committee=committee).select_related(
            "person")


class AgendaForm(forms.Form):
    referrals = forms.ModelMultipleChoiceField(label="Saisines à inscrire à l'ordre du jour", required=False,
                                               queryset=Referral.objects.none(),
                                               widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["referrals"].queryset = Referral.objects.filter(committee=session.committee,
                                                                    opinion__isnull=True).select_related("system")


class ExperimentForm(forms.ModelForm):
    class Meta:
        model = Experiment
        fields = ["volunteer_count", "services", "elected_members", "starts_on", "ends_on", "criteria",
                  "usefulness", "working_conditions", "skills", "errors_seen", "evaluated_on"]
        widgets = {"starts_on": DATE, "ends_on": DATE, "evaluated_on": DATE,
                   "services": forms.CheckboxSelectMultiple}
        help_texts = {"evaluated_on": "Renseignez-la quand l'évaluation est faite : les quatre résultats sont "
                                      "alors obligatoires."}

    def __init__(self, *args, system, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["services"].queryset = Service.objects.filter(organisation=system.organisation)


class YearlyReviewForm(forms.ModelForm):
    class Meta:
        model = YearlyReview
        fields = ["findings", "outcome"]
        widgets = {"outcome": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["findings"].required = True
        self.fields["outcome"].required = True


class ApprovedToolForm(forms.ModelForm):
    class Meta:
        model = ApprovedTool
        fields = ["organisation", "name", "vendor", "hosting_country", "hosting_provider", "allowed_uses",
                  "forbidden_data", "forbids_personal_data", "forbids_confidential", "conditions", "generic",
                  "source", "active"]

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = self.fields["organisation"].queryset.filter(pk__in=organisations)


class DeclarationForm(forms.ModelForm):
    accepts_conditions = forms.BooleanField(label="Je respecte les conditions d'usage de l'outil", required=False)

    class Meta:
        model = Declaration
        fields = ["organisation", "service", "use", "tool", "other_tool", "purpose", "personal_data", "confidential"]
        widgets = {"use": forms.RadioSelect}

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = self.fields["organisation"].queryset.filter(pk__in=organisations)
        self.fields["service"].queryset = Service.objects.filter(organisation__in=organisations)
        self.fields["tool"].queryset = ApprovedTool.objects.filter(organisation__in=organisations, active=True)
        self.fields["tool"].empty_label = "— Un outil qui n'est pas dans le catalogue —"
        if len(organisations) == 1:
            self.fields["organisation"].initial = organisations[0]

    def clean(self):
        data = super().clean()
        tool, other = data.get("tool"), (data.get("other_tool") or "").strip()
        if not tool and not other:
            self.add_error("other_tool", "Choisissez un outil du catalogue ou donnez le nom de l'outil.")
        org = data.get("organisation")
        if org and tool and tool.organisation_id != org.pk:
            self.add_error("tool", "Cet outil n'est pas autorisé dans cette organisation.")
        if org and data.get("service") and data["service"].organisation_id != org.pk:
            self.add_error("service", "Ce service n'appartient pas à cette organisation.")
        return data

    def within_conditions(self):
        """Return True when the tool is approved and used within its conditions."""
        data, tool = self.cleaned_data, self.cleaned_data.get("tool")
        if tool is None or not data.get("accepts_conditions"):
            return False
        return not (tool.forbids_personal_data and data["personal_data"]) and not (
            tool.forbids_confidential and data["confidential"])


class DeclarationAnswerForm(forms.Form):
    state = forms.ChoiceField(label="Réponse du comité", widget=forms.RadioSelect, choices=[
        (Declaration.State.ACCEPTED, "Accepter"), (Declaration.State.REFUSED, "Refuser")])
    committee_note = forms.CharField(label="Explication pour l'agent", widget=forms.Textarea)


class CommitteeMemberForm(forms.ModelForm):
    class Meta:
        model = CommitteeMember
        fields = ["person", "role", "constituency"]
