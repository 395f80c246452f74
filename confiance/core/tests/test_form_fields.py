"""Every form's multiple choice of records refuses an id the database cannot hold (core.forms.ModelMultipleChoiceField)."""

import importlib
import inspect
import pkgutil

import pytest
from django import forms

import confiance
from confiance.accounts.models import Service
from confiance.core.forms import ModelMultipleChoiceField


def project_forms():
    for info in pkgutil.walk_packages(confiance.__path__, "confiance."):
        if info.name.rsplit(".", 1)[-1].startswith("forms") and ".tests" not in info.name:
            module = importlib.import_module(info.name)
            for _, cls in inspect.getmembers(module, inspect.isclass):
                if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__:
                    yield cls


def test_no_form_keeps_djangos_own_field():
    plain = [f"{cls.__module__}.{cls.__name__}.{name}" for cls in project_forms()
             for name, field in cls.base_fields.items()
             if isinstance(field, forms.ModelMultipleChoiceField) and not isinstance(field, ModelMultipleChoiceField)]
    assert len(list(project_forms())) > 20  # the walk finds the forms
    assert not plain


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["99999999999999999999", "-99999999999999999999", " 18446744073709551616 "])
def test_it_refuses_an_id_out_of_range_as_an_invalid_choice(value):
    field = ModelMultipleChoiceField(queryset=Service.objects.all())
    with pytest.raises(forms.ValidationError) as error:
        field.clean([value])
    assert error.value.code == "invalid_pk_value"
