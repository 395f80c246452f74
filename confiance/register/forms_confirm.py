"""The confirmation of an act that cannot be undone in one click: a reason, kept in the history."""

from django import forms


class ConfirmForm(forms.Form):
    reason = forms.CharField(label="Motif", max_length=300, widget=forms.Textarea(attrs={"rows": 3}),
                             help_text="Il est conservé dans l'historique.",
                             error_messages={"required": "Indiquez le motif : il est conservé dans l'historique."})
