"""Forms of the review; every error is a French sentence that says what to do."""

from django import forms
from django.db.models import Count

from confiance.accounts.models import Service
from confiance.core.forms import ModelMultipleChoiceField
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
from confiance.rules.french import takes_plural

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
                                                                 minutes="").select_related("committee")
        self.fields["session"].required = False

    def clean(self):
        data = super().clean()
        committee, session = data.get("committee"), data.get("session")
        if committee and session and session.committee_id != committee.pk:
            self.add_error("session", f"Cette séance est celle du {session.committee} : choisissez une séance du "
                           f"{committee}.")
        return data


class SessionChoiceField(forms.ModelChoiceField):
    """A session of the referral's committee; a refused choice shows the stored one again, never "none"."""

    def bound_data(self, data, initial):
        # Re-shown after an error, an unknown session must not leave "Aucune" selected: saving
        # the page again as it looks would take the referral off the agenda.
        try:
            self.to_python(data)
        except forms.ValidationError:
            return initial
        return data


class ScheduleForm(forms.ModelForm):
    """Put a referral on the agenda of one of its committee's coming sessions (core.concurrency saves it)."""

    class Meta:
        model = Referral
        fields = ["session"]
        labels = {"session": "Séance où inscrire la saisine"}
        field_classes = {"session": SessionChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        referral = self.instance
        field = self.fields["session"]
        field.queryset = open_sessions(referral.committee).annotate(agenda_size=Count("agenda"))
        field.required = False
        field.empty_label = "Aucune : retirer de l'ordre du jour"
        field.label_from_instance = session_choice_label
        field.error_messages["invalid_choice"] = (
            f"Cette séance n'est pas une séance ouverte du {referral.committee} : son compte rendu a pu être "
            "écrit, ou elle a été supprimée, entre-temps. Choisissez une séance de la liste.")


def session_choice_label(session):
    """Short enough for a phone's select (the field's label already says "séance"); the agenda's size tells
    apart two sessions held the same day in the same place."""
    size = session.agenda_size
    return (f"{session.held_on:%d/%m/%Y}" + (f" — {session.place}" if session.place else "")
            + f" ({size} saisine{'s' if takes_plural(size) else ''})")


def open_sessions(committee):
    """Return the sessions of `committee` whose minutes are not written yet, soonest first."""
    return Session.objects.filter(committee=committee, minutes="").order_by("held_on", "pk")


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

    opinion_conditions = forms.MultipleChoiceField(
        label="Conditions posées par les comités", required=False, widget=forms.CheckboxSelectMultiple,
        help_text="Cochées, elles deviennent des conditions de la décision, suivies jusqu'à ce qu'elles soient "
        "remplies.")

    class Meta:
        model = Decision
        fields = ["kind", "text", "decided_on", "opinion_conditions", "conditions"]
        widgets = {"kind": forms.RadioSelect, "decided_on": DATE}

    def __init__(self, *args, system=None, **kwargs):
        super().__init__(*args, **kwargs)
        offered = opinion_conditions(system) if system is not None else []
        if offered:
            self.fields["opinion_conditions"].choices = [(text, f"{text} ({committee})") for text, committee in offered]
            self.fields["opinion_conditions"].initial = [text for text, _ in offered]
        else:
            del self.fields["opinion_conditions"]

    def condition_lines(self):
        chosen = list(self.cleaned_data.get("opinion_conditions") or [])
        typed = [line.strip() for line in self.cleaned_data["conditions"].splitlines() if line.strip()]
        return chosen + [line for line in typed if line not in chosen]


def opinion_conditions(system):
    """Return (condition, committee) for each condition line of the opinions given on `system`, oldest first."""
    seen, offered = set(), []
    for opinion in Opinion.objects.filter(referral__system=system).select_related("referral__committee").order_by(
            "given_on", "pk"):
        for line in opinion.conditions.splitlines():
            line = line.strip().lstrip("-• ").strip()
            if line and line not in seen:
                seen.add(line)
                offered.append((line, str(opinion.referral.committee)))
    return offered


class SessionForm(forms.ModelForm):
    """Plan a session: its date and place (the agenda is AgendaForm; the minutes, MinutesForm)."""

    class Meta:
        model = Session
        fields = ["held_on", "place"]
        widgets = {"held_on": DATE}

    def __init__(self, *args, committee, **kwargs):
        super().__init__(*args, **kwargs)


class MinutesForm(forms.ModelForm):
    """Write a held session's minutes and who attended."""

    class Meta:
        model = Session
        fields = ["attendees", "minutes"]
        widgets = {"attendees": forms.CheckboxSelectMultiple}
        field_classes = {"attendees": ModelMultipleChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendees"].queryset = CommitteeMember.objects.filter(
            committee=self.instance.committee).select_related("person")
        self.fields["minutes"].required = True
        self.fields["minutes"].error_messages["required"] = "Écrivez le compte rendu de la séance."


class AgendaForm(forms.Form):
    referrals = ModelMultipleChoiceField(label="Saisines à inscrire à l'ordre du jour", required=False,
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
        field_classes = {"services": ModelMultipleChoiceField}
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
