"""A steward sees what a record lacks for each standard, fills it, and finds the incomplete records (issue #17)."""

import pytest

from confiance.public.models import PublicProfile
from tests.e2e.conftest import login
from tests.factories import PASSWORD, make_organisation, make_person, make_service, make_system

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_shows_what_to_fill_and_filters_the_incomplete_records(page, live_server, assert_accessible):
    org = make_organisation(name="Ville de Test", slug="ville-test")
    service = make_service(org, name="Direction de l'éducation")
    make_person(org, ["steward"], services=[service], username="referent")
    PublicProfile.objects.create(organisation=org, contact_email="ia@ville-test.fr")
    system = make_system(org, service=service, name="Prévision des repas des cantines", status="deployed")

    login(page, live_server, "referent", PASSWORD)
    page.goto(f"{live_server.url}/registre/systemes/{system.pk}/")
    panel = page.get_by_role("region", name="Complétude pour publier")
    assert "Proportionality" in panel.inner_text()
    assert_accessible(page)

    panel.get_by_role("link", name="Compléter la fiche").click()
    page.get_by_label("Proportionnalité").fill("Moins de repas jetés, sans donnée personnelle.")
    page.get_by_label("Type d'usage").select_option("predictive")
    page.get_by_role("button", name="Enregistrer").click()
    page.get_by_role("heading", name="Prévision des repas des cantines").wait_for()
    panel = page.get_by_role("region", name="Complétude pour publier")
    assert "Proportionality" not in panel.inner_text() and "Type of use" not in panel.inner_text()

    page.get_by_role("link", name="Registre", exact=True).click()
    page.get_by_label("Fiche incomplète pour").select_option("etalab")
    page.get_by_role("button", name="Filtrer").click()
    assert page.get_by_role("link", name="Prévision des repas des cantines").is_visible()  # no legal basis yet
    assert_accessible(page)

    page.get_by_role("link", name="À faire", exact=True).click()  # the dashboard is linked from "À faire" (#12)
    page.get_by_role("link", name="Statistiques du registre", exact=True).click()
    assert "Fiches complètes pour chaque norme" in page.locator("main").inner_text()
    assert_accessible(page)
