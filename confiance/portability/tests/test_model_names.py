"""Every kind of object the export and import name has a French name, singular and plural."""

import pytest
from django.apps import apps

from confiance.portability.archive import organisation_objects
from confiance.portability.registry import PORTABLE_MODELS

# Made by django-simple-history from our models (named "historical …" by it), not declared by us.
GENERATED = "Historical"
# The library's search tables are internal indexes kept by another part of the project.
NOT_SHOWN = {"library.SearchDocument", "library.SearchFacetCode"}


def _declared_models():
    return [m for m in apps.get_models() if m.__module__.startswith("confiance.")
            and not m.__name__.startswith(GENERATED) and m._meta.label not in NOT_SHOWN]


def test_it_names_every_model_in_french_and_gives_a_compound_name_its_own_plural():
    missing = []
    for model in _declared_models():
        declared = model._meta.original_attrs
        if "verbose_name" not in declared:
            missing.append(f"{model._meta.label}: no verbose_name (Django would say « {model._meta.verbose_name} »)")
        elif " " in str(declared["verbose_name"]).strip() and "verbose_name_plural" not in declared:
            missing.append(f"{model._meta.label}: « {model._meta.verbose_name_plural} »")
    assert not missing, missing


def test_it_names_each_portable_model_with_a_true_plural():
    plurals = {m._meta.label: str(m._meta.verbose_name_plural) for m in PORTABLE_MODELS}
    assert plurals["checks.OrganisationPolicy"] == "politiques des organisations"
    assert plurals["catalogue.HarvestLog"] == "journaux de moissonnage"
    assert plurals["catalogue.CatalogueProfile"] == "profils des catalogues"
    assert plurals["checks.LawOutcome"] == "états des principes"


@pytest.mark.django_db
def test_it_reports_the_exports_progress_with_the_french_plurals(cast):
    lines = []
    organisation_objects(cast.org, progress=lambda done, total, message: lines.append(message))
    assert "Lecture : politiques des organisations…" in lines and "Lecture : états des principes…" in lines
    assert not [line for line in lines if "l'organisations" in line or "du catalogues" in line or "outcome" in line]
    assert len(lines) == len(PORTABLE_MODELS)
