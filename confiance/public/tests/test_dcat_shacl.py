"""Every DCAT file the register publishes conforms to the official DCAT-AP 3.0.0 SHACL shapes (issue #17)."""

from pathlib import Path

import pytest
from django.urls import reverse
from pyshacl import validate
from rdflib import Graph, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF

from confiance.rules import dcat_vocabulary

pytestmark = pytest.mark.django_db

SHAPES = Path(__file__).resolve().parents[3] / "tests" / "data" / "dcat-ap-3.0.0-SHACL.ttl"


@pytest.fixture(scope="module")
def shapes():
    return Graph().parse(SHAPES, format="turtle")


def conforms(data, fmt, shapes):
    graph = Graph().parse(data=data, format=fmt)
    ok, _, text = validate(graph, shacl_graph=shapes, inference="none", advanced=True)
    return ok, text, graph


@pytest.mark.parametrize("fmt,parser", [("ttl", "turtle"), ("rdf", "xml")])
def test_it_publishes_dcat_that_conforms_to_the_dcat_ap_shapes(client, public, shapes, fmt, parser):
    response = client.get(reverse("public:dcat", args=[public.org.slug, fmt]))
    ok, report, graph = conforms(response.content, parser, shapes)
    assert ok, report
    # The catalogue holds the register and the public record, not the draft.
    titles = {str(t) for t in graph.objects(None, DCTERMS.title)}
    assert "Prévision de fréquentation des crèches" in titles and "Projet secret en brouillon" not in titles


def test_it_uses_iris_of_the_eu_and_iana_vocabularies(client, public, shapes):
    graph = Graph().parse(data=client.get(reverse("public:dcat", args=[public.org.slug, "ttl"])).content,
                          format="turtle")
    formats = set(graph.objects(None, DCTERMS["format"]))
    media = set(graph.objects(None, DCAT.mediaType))
    assert URIRef(dcat_vocabulary.FILE_TYPE + "CSV") in formats and all(isinstance(f, URIRef) for f in formats)
    assert URIRef("https://www.iana.org/assignments/media-types/text/csv") in media
    assert URIRef("http://publications.europa.eu/resource/authority/licence/ETALAB_2_0") in set(
        graph.objects(None, DCTERMS.license))
    assert (URIRef(dcat_vocabulary.language_iri("fr")), RDF.type, DCTERMS.LinguisticSystem) in graph


def test_the_shapes_reject_what_the_register_used_to_publish(shapes):
    """Formats as plain strings and an untyped publisher fail: the check can fail."""
    old = """
    @prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> .
    <http://x/#c> a dcat:Catalog ; dct:title "C"@fr ; dct:description "D"@fr ; dct:publisher <http://x/#o> ;
      dcat:dataset <http://x/#d> .
    <http://x/#d> a dcat:Dataset ; dct:title "R"@fr ; dct:description "D"@fr ; dcat:distribution <http://x/#csv> .
    <http://x/#csv> a dcat:Distribution ; dcat:accessURL <http://x/r.csv> ; dct:format "CSV" .
    """
    ok, report, _ = conforms(old, "turtle", shapes)
    assert not ok and "format" in report
