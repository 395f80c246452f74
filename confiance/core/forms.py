"""Form behaviour shared by every screen that edits a record."""

from django import forms
from django.conf import settings
from django.core.validators import MaxLengthValidator

from confiance.core.weblinks import validate_web_url


def _thousands(n):
    return f"{n:,}".replace(",", "\u202f")


class LimitedTextMixin:
    """Give every text field a length limit, said next to it, that the browser and the server both keep;
    web address fields take http(s) only (core.weblinks).

    A long text (TEXT_FIELD_MAX_CHARS) stays far below the request size limit
    (DATA_UPLOAD_MAX_MEMORY_SIZE), so a too-long text comes back as a French form
    error with the person's typing kept, never as a refused request.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if not isinstance(field, forms.CharField) or isinstance(field.widget, forms.HiddenInput):
                continue
            if isinstance(field, forms.URLField):
                field.validators.append(validate_web_url)
            if field.max_length is None:
                field.max_length = settings.TEXT_FIELD_MAX_CHARS
                field.validators.append(MaxLengthValidator(field.max_length))
                field.widget.attrs["maxlength"] = str(field.max_length)
            limit = f"{_thousands(field.max_length)} caractères au plus."
            field.help_text = f"{field.help_text} ({limit})" if field.help_text else limit.capitalize()
