"""Completeness shown: on the record's page, as a list filter, on the dashboard and in the API (issue #17)."""

import pytest
from django.urls import reverse

from confiance.accounts.models import ApiToken
from tests.factories import make_system

pytestmark = pytest.mark.django_db

FILLED = dict(
    legal_basis="Compétence de la commune.", proportionality="Utile et sans donnée sensible.", use_type="predictive",
    monitoring="Écart mensuel.", connected_data_sources="Logiciel d'inscription.", training_data="Trois ans.",
    input_data="Inscriptions.", revision_on="2027-01-01", contact_email="creches@metropole-test.fr",
    decisions_per_year=500, data_origin="internal_dataset", data_collection="Export quotidien.",
)


def test_it_shows_on_the_record_page_what_to_fill_for_each_standard(client, public):
    client.force_login(public.steward)
    page = client.get(reverse("register:detail", args=[public.deployed.pk])).content.decode()
    assert "Complétude pour publier" in page
    assert "Algorithmic Transparency Standard (Eurocities)" in page and "DCAT-AP" in page
    # The standard's own label and key, and where to fill it in the register.
    assert "<strong>Proportionality</strong> (<code>proportionality</code>)" in page and "Proportionnalité" in page
    public.deployed.proportionality = "Utile et sans donnée sensible."
    public.deployed.save()
    page = client.get(reverse("register:detail", args=[public.deployed.pk])).content.decode()
    assert "<code>proportionality</code>" not in page


def test_it_filters_the_register_on_records_incomplete_for_a_standard(client, public):
    complete = make_system(public.org, service=public.service, name="Fiche complète pour Etalab",
                           decision_role="prepares", human_oversight="Un agent décide.", **FILLED)
    client.force_login(public.steward)
    response = client.get(reverse("register:list"), {"incomplete_for": "etalab"})
    names = [s.name for s in response.context["page"].object_list]
    assert complete.name not in names and public.deployed.name in names
    everything = [s.name for s in client.get(reverse("register:list")).context["page"].object_list]
    assert complete.name in everything
    refused = client.get(reverse("register:list"), {"incomplete_for": "inconnue"})
    assert refused.context["form"].errors and complete.name in [s.name for s in refused.context["page"].object_list]


def test_it_counts_the_complete_records_per_standard_on_the_dashboard(client, public):
    make_system(public.org, service=public.service, name="Fiche complète pour Etalab",
                decision_role="prepares", human_oversight="Un agent décide.", **FILLED)
    client.force_login(public.steward)
    counts = {key: (complete, total) for key, _, complete, total in
              client.get(reverse("register:dashboard")).context["completeness"]}
    total = counts["etalab"][1]
    assert total == 4 and counts["etalab"] == (1, total)  # cast's record, deployed, draft, the complete one
    assert counts["algoritmeregister"] == (0, total)  # French records never fill the Dutch `lang`


def test_it_answers_completeness_in_the_api(client, public):
    _, raw = ApiToken.issue(public.steward, "test")
    body = client.get(f"/api/systems/{public.deployed.pk}/completeness", HTTP_AUTHORIZATION=f"Bearer {raw}").json()
    standards = {s["key"]: s for s in body["standards"]}
    assert set(standards) == {"eurocities", "algoritmeregister", "etalab", "interconnectes", "dcat"}
    eurocities = standards["eurocities"]
    assert not eurocities["complete"] and 0 < eurocities["percent"] < 100
    missing = {m["field"]: m for m in eurocities["missing"]}
    assert missing["proportionality"]["fill"] == ["proportionality"]
    assert missing["proportionality"]["label"] == "Proportionality"
    contact = next(p for p in eurocities["present"] if p["field"] == "contact_email")
    assert "organisation" in contact["derived"]  # the record has none: the organisation's, and it says so
    _, stranger = ApiToken.issue(public.stranger, "test")
    assert client.get(f"/api/systems/{public.deployed.pk}/completeness",
                      HTTP_AUTHORIZATION=f"Bearer {stranger}").status_code == 404


def test_it_reads_many_records_in_a_constant_number_of_queries_and_agrees_with_one_by_one(
        public, django_assert_max_num_queries):
    from confiance.public import completeness
    from confiance.register.models import AISystem

    for i in range(6):
        make_system(public.org, name=f"Fiche {i}", revision_on="2027-01-01" if i % 2 else None)
    systems = list(AISystem.objects.all())
    with django_assert_max_num_queries(4):
        many = completeness.for_systems(systems)
    assert len(many) == len(systems) == 9
    with django_assert_max_num_queries(2):
        flags = completeness.complete_flags([s.pk for s in systems])
    for system in systems:
        assert many[system.pk] == completeness.for_system(system), system.name
        assert flags[system.pk] == {r.key: r.complete for r in many[system.pk]}


def test_it_takes_the_organisations_siret_and_logo_for_the_interconnectes_row(client, public):
    from django.core.exceptions import ValidationError

    from confiance.public import completeness

    def interconnectes_missing():
        system = type(public.deployed).objects.get(pk=public.deployed.pk)  # as a new request reads it
        result = next(r for r in completeness.for_system(system) if r.key == "interconnectes")
        return {m.field for m in result.missing}

    assert {"SIRET", "URL_Logo"} <= interconnectes_missing()
    profile = public.org.public_profile
    profile.siret, profile.logo_url = "123 456", "https://metropole-test.fr/logo.png"
    with pytest.raises(ValidationError) as error:
        profile.full_clean()
    assert "14 chiffres" in str(error.value)
    profile.siret = "11122233300014"
    profile.full_clean()
    profile.save()
    assert not {"SIRET", "URL_Logo"} & interconnectes_missing()


def test_it_takes_the_services_contact_before_the_organisations(public):
    from confiance.public.records import public_record

    assert (public_record(public.deployed)["contact_email_from"]) == "organisation"
    public.service.contact_email = "numerique@metropole-test.fr"
    public.service.save()
    public.deployed.refresh_from_db()
    record = public_record(public.deployed)
    assert (record["contact_email"], record["contact_email_from"]) == ("numerique@metropole-test.fr", "service")
    latest = public.deployed.public_versions.order_by("-number").first()
    assert latest.content["contact_email"] == "numerique@metropole-test.fr"  # the public page follows
    public.deployed.contact_email = "creches@metropole-test.fr"
    public.deployed.save()
    assert public_record(public.deployed)["contact_email_from"] == "record"
