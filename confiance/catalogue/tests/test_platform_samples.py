"""DCAT as CKAN, udata and Opendatasoft write it, read into the catalogue's fields."""

from datetime import date

from confiance.catalogue import harvesting
from confiance.catalogue.tests.conftest import FIXTURES


def read(name, base="https://portail.example"):
    return {r["identifier"]: r for r in harvesting.read_document(
        (FIXTURES / name).read_bytes().replace(b"{BASE}", base.encode()), name=name)}


def test_it_reads_ckan_turtle_with_literal_formats_and_the_licence_on_distributions():
    records = read("ckan/catalog-page1.ttl")
    collecte = records["1a2b3c4d-0001-4e5f-8a9b-000000000001"]
    assert collecte["title"] == "Tournées de collecte des déchets ménagers"
    assert collecte["uri"] == "https://portail.example/dataset/1a2b3c4d-0001-4e5f-8a9b-000000000001"
    assert (collecte["frequency"], collecte["issued"], collecte["last_updated"]) == (
        "monthly", date(2019, 2, 11), date(2024, 10, 3))
    assert collecte["licence"] == "odbl"
    assert collecte["keywords"] == "collecte, déchets, propreté"
    assert [(d["format"], d["url"]) for d in collecte["distributions"]] == [
        ("csv", "https://portail.example/files/secteurs_collecte.csv"),
        ("geojson", "https://portail.example/files/secteurs_collecte.geojson")]
    assert records["1a2b3c4d-0002-4e5f-8a9b-000000000002"]["licence"] == "lo-2.0"


def test_it_reads_udata_rdf_xml_with_dublin_core_frequencies_and_a_schema():
    records = read("udata-catalog.rdf")
    cantines = records["5f2e6a1b8c9d0e1f2a3b4c5d"]
    assert cantines["frequency"] == "daily"
    assert (cantines["temporal_start"], cantines["temporal_end"]) == (date(2021, 9, 1), date(2024, 7, 5))
    assert cantines["schema_url"] == "https://schema.data.gouv.fr/scdl/menus-collectifs/"
    assert cantines["licence"] == "lo-2.0"
    assert records["60a1b2c3d4e5f60718293a4b"]["frequency"] == "annual"
    assert records["60a1b2c3d4e5f60718293a4b"]["distributions"][0]["format"] == "xlsx"


def test_it_reads_opendatasoft_json_ld_with_literal_licences_and_themes():
    records = read("opendatasoft-catalog.jsonld")
    capteurs = records["capteurs-reseau-eau"]
    assert capteurs["title"] == "Mesures des capteurs du réseau d'eau potable"
    assert (capteurs["licence"], capteurs["frequency"], capteurs["theme"]) == ("lo-2.0", "daily", "Eau")
    assert [d["format"] for d in capteurs["distributions"]] == ["csv", "json"]
    assert records["consommation-eau-quartier"]["licence"] == "odbl"
    assert records["consommation-eau-quartier"]["frequency"] == "monthly"
