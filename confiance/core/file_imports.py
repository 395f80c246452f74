"""Upload a file, show the import's report, then confirm: the two steps every import screen shares.

The first step runs the import as a dry run and shows its report. The file
itself travels to the second step inside the confirmation form, signed (with
the person, the organisation and the kind of import in the salt) and
compressed, so nothing is stored between the steps and nobody can swap the
file: the confirmation reads the same bytes again and writes them.
"""

import base64

from django import forms
from django.core import signing

MAX_UPLOAD = 1024 * 1024  # bytes; an inventory is a few dozen kilobytes
EXTENSIONS = (".csv", ".xlsx", ".ods")
MAX_AGE = 3600  # seconds between the report and the confirmation


class UploadForm(forms.Form):
    file = forms.FileField(label="Fichier", help_text="CSV (UTF-8 ou Windows-1252, virgule ou point-virgule), XLSX ou "
                                                      "ODS ; 1 Mo au plus.")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(EXTENSIONS):
            raise forms.ValidationError("Format non pris en charge : choisissez un fichier CSV, XLSX ou ODS.")
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError("Le fichier dépasse 1 Mo : découpez-le ou retirez les colonnes inutiles.")
        return upload


class ConfirmForm(forms.Form):
    token = forms.CharField(widget=forms.HiddenInput)


def pack(data, filename, salt):
    """Return a signed, compressed token carrying the file's bytes and name."""
    return signing.dumps({"name": filename, "data": base64.b64encode(data).decode("ascii")}, salt=salt, compress=True)


def unpack(token, salt):
    """Return (bytes, filename) from a token made by `pack`; raise signing.BadSignature if it was altered or is old."""
    payload = signing.loads(token, salt=salt, max_age=MAX_AGE)
    return base64.b64decode(payload["data"]), payload["name"]
