"""The library's plain-Python rules: tiers, French text, rank fusion, Interconnectés rows; none imports Django."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from confiance.rules.library_interconnectes import classify, validate_row
from confiance.rules.library_rank import fuse
from confiance.rules.library_text import fold, fts5_expression, parse_query, stem, tsquery_expression
from confiance.rules.library_tiers import FIELD_TIERS, LibraryViewer, Tier, fields_for, redact, tier_for

SCHEMA = json.loads((Path(__file__).parents[1] / "schemas" / "interconnectes_IA-schema.json").read_text("utf-8"))


@pytest.mark.parametrize("module", ["library_tiers", "library_text", "library_rank", "library_interconnectes"])
def test_it_imports_no_django(module):
    code = f"import sys; import confiance.rules.{module}; print(any(m.startswith('django') for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "False"


@pytest.mark.parametrize(("viewer", "tier"), [
    (LibraryViewer(), Tier.PUBLIC),
    (LibraryViewer(authenticated=True), Tier.PUBLIC),
    (LibraryViewer(authenticated=False, member=True, expert=True), Tier.PUBLIC),
    (LibraryViewer(authenticated=True, member=True), Tier.MEMBER),
    (LibraryViewer(authenticated=True, expert=True), Tier.EXPERT),
    (LibraryViewer(authenticated=True, library_admin=True), Tier.EXPERT),
])
def test_it_gives_each_viewer_their_tier(viewer, tier):
    assert tier_for(viewer) == tier


def test_it_redacts_every_field_above_the_tier_and_unknown_keys():
    fields = dict.fromkeys(FIELD_TIERS, "x") | {"secret_new_field": "y"}
    assert set(redact(fields, Tier.PUBLIC)) == {n for n, t in FIELD_TIERS.items() if t == 1}
    assert "contacts" in redact(fields, Tier.MEMBER) and "repository_url" not in redact(fields, Tier.MEMBER)
    assert "secret_new_field" not in redact(fields, Tier.EXPERT)
    assert fields_for(Tier.EXPERT) == set(FIELD_TIERS)


@pytest.mark.parametrize(("a", "b"), [("déchets", "dechet"), ("Cantines", "cantine"), ("vélos", "velo"),
                                      ("RÉSEAUX", "reseau"), ("économies", "economie")])
def test_it_folds_and_stems_word_forms_together(a, b):
    assert stem(fold(a)) == stem(fold(b))


def test_it_expands_synonyms_into_one_group():
    groups = parse_query("restauration scolaire à Lyon")
    assert len(groups) == 2
    assert ("cantin",) in [alt[0] for alt in groups[0].alternatives]
    assert '"restaur scolair"' in fts5_expression(groups, ["t1"])
    assert "cantine:*" in tsquery_expression(groups)


def test_it_restricts_the_fts_expression_to_the_given_columns():
    assert fts5_expression(parse_query("vélo"), ["title", "t1"]).startswith("{title t1} : ")
    assert fts5_expression(parse_query("de la"), ["t1"]) == ""


def test_it_fuses_rankings_by_reciprocal_rank():
    assert fuse([[1, 2, 3], [2, 4]]) == [2, 1, 4, 3]
    assert fuse([[1, 2], []]) == [1, 2]


def test_it_maps_sub_themes_to_register_domains():
    assert classify("Transition écologique et énergétique", ["Déchets et économie circulaire"]) == "waste"
    assert classify("Mobilités", []) == "mobility"


def test_it_validates_a_row_against_the_schema():
    errors = validate_row({"Nom_collectivite": "Ville", "Statut_du_projet": "Fini", "Latitude": "200"}, SCHEMA)
    fields = {e.field for e in errors}
    assert {"Nom_du_projet", "Statut_du_projet", "Latitude", "SIRET"} <= fields
    assert "Nom_collectivite" not in fields
