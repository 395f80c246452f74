"""A steward brings the register they kept in a spreadsheet, and a library admin loads the Interconnectés file,
in a real browser; every page passes axe-core."""

from pathlib import Path

import pytest

from confiance.library.models import LibraryMember, SharedProject
from confiance.register.models import AISystem
from tests.e2e.conftest import login
from tests.factories import PASSWORD, make_organisation, make_person, make_service

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
ROOT = Path(__file__).resolve().parents[2]


def test_it_imports_an_etalab_inventory_after_showing_the_report(page, live_server, assert_accessible):
    org = make_organisation(name="Métropole Test", slug="metropole-test")
    numerique = make_service(org, name="Pôle Numérique")
    make_person(org, ["steward"], services=[numerique], username="referent")
    login(page, live_server, "referent", PASSWORD)
    page.goto(f"{live_server.url}/registre/systemes/")
    page.get_by_role("link", name="Importer des systèmes depuis un tableur").click()
    assert_accessible(page)
    page.get_by_label("Fichier").set_input_files(str(ROOT / "confiance/register/tests/fixtures/etalab_inventaire.csv"))
    page.get_by_role("button", name="Voir ce que l'import ferait").click()
    status = page.get_by_role("status").first
    assert status.inner_text().startswith("Simulation, rien n'a été écrit. Import partiel : 1 ligne(s) rejetée(s)")
    assert AISystem.objects.count() == 0
    assert_accessible(page)
    page.get_by_role("button", name="Confirmer l'import dans le registre de Métropole Test").click()
    page.get_by_role("link", name="Voir le registre").wait_for()
    assert AISystem.objects.count() == 3
    assert_accessible(page)
    page.get_by_role("link", name="Voir le registre").click()
    page.get_by_role("link", name="Calcul du quotient familial").click()
    assert "Fondements juridiques : Délibération du 12 mars 2019" in page.locator("main").inner_text()
    assert_accessible(page)


def test_it_loads_the_interconnectes_public_file_from_the_library(page, live_server, assert_accessible):
    org = make_organisation(name="Ville Membre", slug="ville-membre")
    LibraryMember.objects.create(organisation=org)
    make_person(org, ["admin"], username="admin")
    login(page, live_server, "admin", PASSWORD)
    page.goto(f"{live_server.url}/bibliotheque/")
    page.get_by_role("link", name="Importer un fichier des Interconnectés").click()
    assert_accessible(page)
    page.get_by_label("Fichier").set_input_files(str(ROOT / "confiance/library/tests/fixtures/interconnectes_public.csv"))
    page.get_by_role("button", name="Voir ce que l'import ferait").click()
    assert page.get_by_role("cell", name="Communauté d'agglomération(s)").is_visible()
    assert page.get_by_role("cell", name="Terminée", exact=True).is_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Confirmer l'import").click()
    page.get_by_role("link", name="Voir la bibliothèque").wait_for()
    assert SharedProject.objects.count() == 5
