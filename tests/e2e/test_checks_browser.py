"""A steward fills the guided questionnaire of a chatbot with the keyboard only, and every step passes axe-core."""

import pytest

from confiance.checks.models import Questionnaire
from tests.e2e.conftest import login
from tests.factories import PASSWORD, make_organisation, make_person, make_service, make_system

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VALUES = {"yes": "Oui", "no": "Non", "unknown": "Je ne sais pas"}


def tab_to(page, predicate, limit=250):
    """Press Tab until `predicate` (JS taking the focused element) is true; fail if it never is."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {predicate})(document.activeElement)"):
            return
    raise AssertionError(f"Le clavier n'atteint jamais l'élément voulu ({predicate}).")


def answer(page, name, value):
    """Choose `value` for question `name` with Tab and the arrow keys, as a keyboard user does."""
    tab_to(page, f"el.name === '{name}'")
    for _ in range(4):
        checked = page.evaluate(f"document.querySelector('input[name={name}]:checked')?.value")
        if checked == value:
            return
        if checked is None and page.evaluate("document.activeElement.value") == value:
            page.keyboard.press("Space")
        else:
            page.keyboard.press("ArrowRight")
    raise AssertionError(f"Impossible de répondre « {VALUES[value]} » à {name} au clavier.")


def press_button(page, label):
    tab_to(page, f"el.tagName === 'BUTTON' && el.textContent.trim() === {label!r}")
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_it_fills_the_guided_questionnaire_of_a_chatbot_with_the_keyboard(page, live_server, assert_accessible):
    org = make_organisation(name="Commune de Test", slug="commune-test")
    service = make_service(org, name="Relation aux usagers")
    make_person(org, ["steward"], services=[service], username="referent")
    system = make_system(org, name="Assistant des usagers", domain="user_relations", technique="generative",
                         citizen_facing=True, service=service,
                         public_summary="Un agent conversationnel répond aux questions des habitants.")

    login(page, live_server, "referent", PASSWORD)
    page.goto(f"{live_server.url}/registre/systemes/{system.pk}/")
    assert_accessible(page)
    tab_to(page, "el.tagName === 'A' && el.textContent.trim() === 'Répondre au questionnaire'")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # Section 1: what the record says is pre-filled and says so.
    assert page.locator(".progress-line").inner_text() == "Section 1 sur 6"
    assert "Pré-rempli d'après la fiche du système" in page.locator("main").inner_text()
    assert page.locator("input[name=citizen_facing][value=yes]").is_checked()
    assert_accessible(page)
    answer(page, "develops_own_system", "no")
    answer(page, "acts_for_law_enforcement", "no")
    answer(page, "acts_for_migration_authority", "no")
    press_button(page, "Enregistrer et continuer")

    # Section 2: personal data, « je ne sais pas ».
    assert page.get_by_role("heading", level=1).inner_text() == "Les données personnelles"
    assert_accessible(page)
    answer(page, "personal_data", "unknown")
    press_button(page, "Enregistrer et continuer")

    for title in ("Les décisions sur les personnes", "Les pratiques interdites", "Les usages à haut risque"):
        assert page.get_by_role("heading", level=1).inner_text() == title
        assert_accessible(page)
        press_button(page, "Enregistrer et continuer")

    # The open point keeps the DPIA criteria: 7 sections now (police and migration stay skipped).
    assert page.get_by_role("heading", level=1).inner_text() == "Ce que les personnes doivent savoir"
    assert page.locator(".progress-line").inner_text() == "Section 6 sur 7"
    assert "Les contrôles en déduisent « oui »" in page.locator("main").inner_text()  # generative => content
    assert_accessible(page)
    answer(page, "interacts_directly_with_people", "yes")
    press_button(page, "Enregistrer et continuer")

    assert page.get_by_role("heading", level=1).inner_text() == "L'analyse d'impact (AIPD)"
    assert_accessible(page)
    press_button(page, "Enregistrer et continuer")

    # Back on the record: the open point, the result "at least", and the next steps.
    assert page.get_by_role("heading", name="Prochaines étapes (contrôles)").is_visible()
    main = page.locator("main").inner_text()
    assert "Points ouverts : 1 question en suspens" in main
    assert "Le système traite-t-il des données personnelles ?" in main
    assert "au moins" in main
    assert "Lever les points ouverts (1)" in main
    assert "Publier la mention d'information" in main
    assert_accessible(page)
    stored = Questionnaire.objects.get(system=system).answers
    assert stored["personal_data"] == "unknown" and stored["interacts_directly_with_people"] is True
