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


BIGINT_RANGE = range(-(2**63), 2**63)


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's field, refusing an id outside the database's integers before it reaches the database.

    Django's own field sends `pk__in=[99999999999999999999]` to the database, and SQLite
    answers with an OverflowError: a server error for a tampered checkbox. Here such a
    value is an invalid choice, with Django's French message, like any unknown id.
    """

    def _check_values(self, value):
        key = self.to_field_name or "pk"
        if self.queryset.model._meta.pk.get_internal_type().endswith("AutoField") and key == "pk":
            for each in value:
                try:
                    number = int(str(each).strip())
                except ValueError:
                    continue  # Django's own check gives the message
                if number not in BIGINT_RANGE:
                    raise forms.ValidationError(self.error_messages["invalid_pk_value"], code="invalid_pk_value",
                                                params={"pk": each})
        return super()._check_values(value)


def record_id(text):
    """Return `text` as a record id when it is one the database can hold, else None (a tampered address)."""
    text = str(text or "").strip()
    if not text.isascii() or not text.isdigit():
        return None
    number = int(text)
    return number if number in BIGINT_RANGE else None


class ListFilterForm(forms.Form):
    """The filters above a list. A filter whose value is not valid (an old link, a tampered address) is left
    out and said next to it; the valid ones still apply, so the list never silently shows everything."""

    def applied(self):
        """Return {name: value} of the filters to apply: the valid ones; none on an unbound form."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return dict(self.cleaned_data)
