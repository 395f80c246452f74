"""Open exports: CSV, JSON (against our schema), JSON-LD, DCAT, and the three standards against their schemas."""

import csv
import io
import json

import jsonschema
import pytest
from django.urls import reverse
from rdflib import Graph
from rdflib.namespace import DCAT, RDF

from confiance.public import exports
from confiance.rules import transparency_standards

pytestmark = pytest.mark.django_db


def get(client, c, name, *args):
    return client.get(reverse(f"public:{name}", args=[c.org.slug, *args]))


def test_it_exports_csv_with_public_systems_only(client, public):
    rows = list(csv.DictReader(io.StringIO(get(client, public, "export", "csv").content.decode())))
    assert [r["name"] for r in rows] == ["Prévision de fréquentation des crèches"]


def test_it_exports_json_valid_against_its_documented_schema(client, public):
    data = json.loads(get(client, public, "export", "json").content)
    jsonschema.validate(data, exports.load_schema(exports.REGISTER_SCHEMA))
    data["systems"][0]["owner"] = "x"
    with pytest.raises(jsonschema.ValidationError):  # a field outside the whitelist is refused
        jsonschema.validate(data, exports.load_schema(exports.REGISTER_SCHEMA))


def test_it_exports_json_ld_that_parses_as_rdf(client, public):
    graph = Graph().parse(data=get(client, public, "export", "jsonld").content, format="json-ld")
    assert len(graph) > 20


def test_it_describes_the_register_in_dcat(client, public):
    graph = Graph().parse(data=get(client, public, "dcat", "ttl").content.decode(), format="turtle")
    # The register and its one public record; the register's CSV, JSON, JSON-LD and three standards, Interconnectés, the record's JSON.
    assert len(list(graph.subjects(RDF.type, DCAT.Dataset))) == 2
    assert len(list(graph.subjects(RDF.type, DCAT.Distribution))) == 8
    assert Graph().parse(data=get(client, public, "dcat", "rdf").content, format="xml")


@pytest.mark.parametrize("key", sorted(transparency_standards.STANDARDS))
def test_it_exports_each_standard_valid_against_its_schema(client, public, key):
    data = json.loads(get(client, public, "standard", key).content)
    assert data["items"] and exports.validation_errors(key, data) == []
    schema = exports.load_schema(transparency_standards.STANDARDS[key][3])
    for item in data["items"]:
        missing = {m["field"] for m in item["missing_required"]}
        for field in transparency_standards.required_fields(schema):
            assert field in item["registration"] or field in missing, field  # present or declared, never silent
        assert not missing & set(item["registration"])


def test_it_says_what_the_dutch_standard_requires_and_we_lack(client, public):
    item = json.loads(get(client, public, "standard", "algoritmeregister").content)["items"][0]
    assert {m["field"] for m in item["missing_required"]} == {"lang"}  # contact given, language not Dutch
    public.org.public_profile.delete()
    item = json.loads(get(client, public, "standard", "algoritmeregister").content)["items"][0]
    assert {m["field"] for m in item["missing_required"]} == {"lang", "contact_email"}


def test_it_rejects_a_registration_that_breaks_a_schema(client, public):
    data = json.loads(get(client, public, "standard", "eurocities").content)
    data["items"][0]["registration"]["status"] = "deployed"
    assert exports.validation_errors("eurocities", data)


def test_it_gives_each_files_format_and_size_on_the_open_data_page(client, public):
    from html import unescape

    from django.template.defaultfilters import filesizeformat

    text = unescape(client.get(reverse("public:open_data", args=[public.org.slug])).content.decode())
    csv_size = len(client.get(reverse("public:export", args=[public.org.slug, "csv"])).content)
    assert f"format CSV, {filesizeformat(csv_size)}" in text
    assert "format JSON-LD," in text and "format Turtle (RDF)," in text and "format RDF/XML," in text
