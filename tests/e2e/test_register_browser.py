"""A new agent declares a system in a real browser, finds it, and every page passes axe-core."""

import pytest

from confiance.register.models import AISystem
from tests.e2e.conftest import login
from tests.factories import PASSWORD, make_organisation, make_person, make_service

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_declares_a_system_and_finds_it_in_the_list(page, live_server, assert_accessible):
    org = make_organisation(name="Ville de Test", slug="ville-test")
    make_service(org, name="Direction de l'éducation")
    make_person(org, ["agent"], username="agent")

    login(page, live_server, "agent", PASSWORD)
    assert_accessible(page)
    page.get_by_role("link", name="Déclarer un système", exact=True).click()
    assert_accessible(page)

    # A first try with the forbidden answer is refused and saves nothing.
    page.get_by_label("Nom *").fill("Prévision des repas des cantines")
    page.get_by_label("Résumé pour le public *").fill("Estime chaque jour le nombre de repas à préparer.")
    page.get_by_label("Finalité *").fill("Réduire le gaspillage alimentaire.")
    page.get_by_label("Domaine *").select_option("education")
    page.get_by_label("Technique *").select_option("statistical_ml")
    page.get_by_label("Il décide seul").check()
    page.get_by_role("button", name="Enregistrer").click()
    assert page.get_by_role("alert").is_visible()
    assert "art. 22" in page.get_by_role("alert").inner_text()
    assert AISystem.objects.count() == 0
    assert_accessible(page)

    page.get_by_label("Il prépare une décision qu'un agent prend").check()
    page.get_by_label("Service").select_option(label="Direction de l'éducation")
    page.get_by_role("button", name="Enregistrer").click()
    page.get_by_role("heading", name="Prévision des repas des cantines").wait_for()
    assert_accessible(page)
    assert AISystem.objects.get().created_by.username == "agent"

    page.get_by_role("link", name="Registre", exact=True).click()
    page.get_by_label("Rechercher").fill("prevision REPAS")  # no accents, other case
    page.get_by_role("button", name="Filtrer").click()
    assert page.get_by_role("link", name="Prévision des repas des cantines").is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Prévision des repas des cantines").click()
    page.get_by_role("link", name="Modifier").click()
    page.get_by_label("Fournisseur").fill("Régie interne")
    page.get_by_role("button", name="Enregistrer").click()
    page.get_by_role("link", name="Voir tout l'historique").click()
    assert "Régie interne" in page.locator("main").inner_text()
    assert_accessible(page)
