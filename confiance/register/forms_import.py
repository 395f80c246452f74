"""The form of the register's import screen: the organisation that receives the records, and the file."""

from django import forms

from confiance.accounts.models import Organisation
from confiance.core.file_imports import UploadForm


class SystemImportForm(UploadForm):
    organisation = forms.ModelChoiceField(queryset=Organisation.objects.none(), label="Organisation", empty_label=None,
                                          help_text="Le registre qui reçoit les systèmes, comme brouillons.")

    field_order = ["organisation", "file"]

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(pk__in=organisations).order_by("name")
