"""The open catalogue at its stable public address: DCAT-AP 3 valid against the SHACL shapes, in three syntaxes,
re-imported identically; the SCDL catalogue CSV valid against its Table Schema."""

from datetime import date
from functools import cache
from pathlib import Path

import pytest
from django.urls import reverse
from rdflib import Graph

from confiance.catalogue import harvesting
from confiance.catalogue.harvesting import RECORD_FIELDS
from confiance.catalogue.models import CatalogueProfile, Dataset
from confiance.catalogue.tests.conftest import FIXTURES
from tests.factories import make_dataset, make_organisation

SHAPES = Path(__file__).resolve().parents[3] / "tests" / "data" / "dcat-ap-3.0.0-SHACL.ttl"


@cache
def shapes():
    return Graph().parse(SHAPES, format="turtle")


def conforms(graph):
    from pyshacl import validate

    ok, _, text = validate(graph, shacl_graph=shapes(), inference="none", allow_warnings=True)
    return ok, text


@pytest.fixture
def published(cast):
    CatalogueProfile.objects.create(organisation=cast.org, siret="24340001700019", spatial_granularity="Intercommunale",
                                    spatial_name="Montpellier Méditerranée Métropole")
    full = make_dataset(
        cast.org, title="Tournées de collecte des déchets", description="Jours de collecte par rue.",
        classification="open", licence="lo-2.0", frequency="monthly", theme="Environnement",
        keywords="collecte, déchets", issued=date(2019, 2, 1), last_updated=date(2026, 5, 2),
        temporal_start=date(2019, 1, 1), temporal_end=date(2026, 4, 30),
        landing_page="https://data.example.fr/collecte", schema_url="https://schema.data.gouv.fr/scdl/collecte/",
        distributions=[{"url": "https://data.example.fr/collecte.csv", "format": "csv", "title": "Tournées"},
                       {"url": "https://data.example.fr/collecte.geojson", "format": "geojson", "title": ""}])
    partial = make_dataset(cast.org, title="Arbres d'alignement", description="Les arbres des rues.",
                           classification="open", licence="other", licence_other="CC-BY 4.0", frequency="irregular",
                           distributions=[{"url": "https://data.example.fr/arbres.csv", "format": "csv", "title": ""}])
    make_dataset(cast.org, title="Dossiers d'aide sociale", classification="personal", legal_basis="public_task")
    make_dataset(cast.org, title="Jeu moissonné non examiné", classification="open", review_status="pending")
    return full, partial


@pytest.mark.parametrize("fmt", ["ttl", "rdf", "jsonld"])
def test_it_publishes_only_open_accepted_datasets_conforming_to_dcat_ap_3(client, published, fmt):
    response = client.get(reverse("catalogue_public:dcat", args=[published[0].organisation.slug, fmt]))
    assert response.status_code == 200
    syntax = {"ttl": "turtle", "rdf": "xml", "jsonld": "json-ld"}[fmt]
    graph = Graph().parse(data=response.content, format=syntax)
    titles = {str(t) for t in graph.objects(None, __import__("rdflib").namespace.DCTERMS.title)}
    assert "Tournées de collecte des déchets" in titles and "Arbres d'alignement" in titles
    assert "Dossiers d'aide sociale" not in titles and "Jeu moissonné non examiné" not in titles
    ok, report = conforms(graph)
    assert ok, report


def test_it_fails_the_shapes_when_a_mandatory_property_is_missing(published):
    """The SHACL check can fail: a dataset without description does not conform."""
    from rdflib.namespace import DCAT, DCTERMS, RDF

    from confiance.catalogue.publication import dcat_graph

    graph = dcat_graph(published[0].organisation)
    dataset = next(graph.subjects(RDF.type, DCAT.Dataset))
    graph.remove((dataset, DCTERMS.description, None))
    assert conforms(graph)[0] is False


def test_it_reimports_its_own_export_identically(client, published, cast):
    body = client.get(reverse("catalogue_public:dcat", args=[cast.org.slug, "ttl"])).content
    other = make_organisation(name="Instance voisine", slug="voisine")
    harvesting.apply_records(other, harvesting.read_document(body, "text/turtle"))
    for original in published:
        copy = Dataset.objects.get(organisation=other, title=original.title)
        for name in RECORD_FIELDS:
            if name in ("uri", "identifier"):
                continue
            assert getattr(copy, name) == getattr(original, name), name
        assert copy.identifier == str(original.pk)
    # and a second import of the same export changes nothing
    counts = harvesting.apply_records(other, harvesting.read_document(body, "text/turtle"))
    assert (counts.created, counts.updated, counts.unchanged) == (0, 0, 2)


@cache
def scdl_schema():
    import json

    return json.loads((FIXTURES / "scdl-catalogue-schema.json").read_text(encoding="utf-8"))


def validate_scdl(text):
    import tempfile

    from frictionless import Resource, Schema

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "catalogue.csv"
        path.write_text(text, encoding="utf-8")
        resource = Resource(path=path.name, basepath=folder, format="csv", encoding="utf-8", schema=Schema.from_descriptor(scdl_schema()))
        return resource.validate()


def test_it_publishes_the_scdl_catalogue_valid_against_its_table_schema(client, published, cast):
    response = client.get(reverse("catalogue_public:scdl", args=[cast.org.slug]))
    text = response.content.decode("utf-8")
    report = validate_scdl(text)
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])
    rows = text.splitlines()
    assert len(rows) == 2 and "Tournées de collecte des déchets" in rows[1]  # the incomplete one is left out
    assert "24340001700019" in rows[1] and "Mensuelle ou plusieurs fois par mois" in rows[1]


def test_it_says_which_open_datasets_the_scdl_leaves_out_and_why(client, published, cast):
    page = client.get(reverse("catalogue_public:index", args=[cast.org.slug])).content.decode()
    assert "1 n'y figure pas encore" in page


def test_the_table_schema_refuses_a_bad_row():
    """The SCDL validation can fail: a SIRET of 9 digits and an unknown frequency are refused."""
    from confiance.catalogue.publication import SCDL_COLUMNS

    row = ["Ville", "243400017", "x", "T", "D", "Th", "P", "24340001700019", "Communale", "Ville", "2020-01-01",
           "2020-12-31", "2020-01-01", "Tous les jours", "2020-01-01", "a", "Licence Ouverte-LO", "1", "csv",
           "https://x.fr"]
    report = validate_scdl(",".join(SCDL_COLUMNS) + "\r\n" + ",".join(row) + "\r\n")
    assert not report.valid
    assert {e[0] for e in report.flatten(["fieldName"])} == {"COLL_SIRET", "FREQ_MAJ"}
