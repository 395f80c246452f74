"""A public system page names who answers for it, the rights of residents, in written French."""

from html import unescape

import pytest
from django.urls import reverse

from tests.factories import make_organisation, make_system

pytestmark = pytest.mark.django_db


def page(client, system):
    url = reverse("public:system", args=[system.organisation.slug, system.pk])
    return unescape(client.get(url).content.decode())


def test_it_names_the_service_the_service_contact_and_the_remedies(client, public):
    text = page(client, public.deployed)
    assert "Service responsable" in text and public.service.name in text
    assert "ia@metropole-test.fr" in text
    assert "réexamen par une personne" in text and "L311-3-1" in text


def test_it_gives_french_dates_and_the_organisations_article(client, cast):
    ville = make_organisation(name="Ville de Montpellier", slug="ville-de-montpellier")
    system = make_system(ville, status="deployed", hosting_country="UNKNOWN")
    system.status_changed_at = system.status_changed_at.replace(year=2026, month=11, day=30, hour=12)
    system.save(update_fields=["status_changed_at"])
    text = page(client, system)
    assert "depuis le 30 novembre 2026" in text
    assert "utilisé à la Ville de Montpellier" in text
    assert "2026-11-30" not in text.split("<main", 1)[1].split("Cette fiche en JSON")[0]


def test_it_hides_the_fields_the_collectivite_did_not_fill(client, cast):
    system = make_system(cast.org, status="deployed", hosting_country="UNKNOWN", citizen_benefit="",
                         datasets_used="", human_oversight="", agent_support="")
    text = page(client, system)
    for hidden in ("Inconnu", "Non renseigné", "Non décrit", "Hébergement", "Données utilisées"):
        assert hidden not in text, hidden
