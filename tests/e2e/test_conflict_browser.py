"""Two people edit one record in two real browsers: the conflict page shows both versions, passes axe-core,
lets the second person merge, and no page breaks the Content-Security-Policy (issue 15)."""

import pytest

from confiance.register.models import AISystem
from tests.e2e.conftest import login
from tests.factories import PASSWORD, make_organisation, make_person, make_system

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _csp_violations(page):
    found = []
    page.on("console", lambda message: found.append(message.text)
            if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text else None)
    return found


def test_two_people_editing_at_once_merge_on_the_conflict_page(browser, live_server, assert_accessible):
    org = make_organisation(name="Ville de Test", slug="ville-test")
    make_person(org, ["admin"], username="alice")
    make_person(org, ["admin"], username="bruno")
    system = make_system(org, name="Tournées de collecte")
    pages = []
    for username in ("alice", "bruno"):
        page = browser.new_context(locale="fr-FR").new_page()
        page.set_default_timeout(15_000)
        violations = _csp_violations(page)
        login(page, live_server, username, PASSWORD)
        page.goto(f"{live_server.url}/registre/systemes/{system.pk}/modifier/")
        pages.append((page, violations))
    (alice, alice_csp), (bruno, bruno_csp) = pages

    alice.get_by_label("Fournisseur").fill("Régie des eaux")
    alice.get_by_role("button", name="Enregistrer").click()
    alice.get_by_role("heading", name="Tournées de collecte").wait_for()

    bruno.get_by_label("Fournisseur").fill("Société Tournées")
    bruno.get_by_label("Produit").fill("Tournées 3")
    bruno.get_by_role("button", name="Enregistrer").click()
    table = bruno.get_by_role("table", name="Les deux versions, côte à côte")
    assert "Régie des eaux" in table.inner_text() and "Société Tournées" in table.inner_text()
    assert_accessible(bruno)
    system.refresh_from_db()
    assert (system.vendor, system.product) == ("Régie des eaux", "")

    bruno.get_by_label("la version enregistrée").check()
    bruno.get_by_role("button", name="Enregistrer").click()
    bruno.get_by_role("heading", name="Tournées de collecte").wait_for()
    system = AISystem.objects.get(pk=system.pk)
    assert (system.vendor, system.product) == ("Régie des eaux", "Tournées 3")
    assert not alice_csp and not bruno_csp


def test_the_conflict_page_reads_on_a_phone_at_375_px(browser, live_server, assert_accessible):
    org = make_organisation(name="Ville de Test", slug="ville-test")
    make_person(org, ["admin"], username="alice")
    make_person(org, ["admin"], username="bruno")
    system = make_system(org, name="Tournées de collecte")
    desk = browser.new_context(locale="fr-FR").new_page()
    phone = browser.new_context(locale="fr-FR", viewport={"width": 375, "height": 740}, is_mobile=True,
                                has_touch=True).new_page()
    for page, username in ((desk, "alice"), (phone, "bruno")):
        page.set_default_timeout(15_000)
        login(page, live_server, username, PASSWORD)
        page.goto(f"{live_server.url}/registre/systemes/{system.pk}/modifier/")
    desk.locator("#id_purpose").fill("Planifier les tournées de collecte des déchets ménagers chaque semaine, "
                                       "quartier par quartier, selon le remplissage mesuré des conteneurs.")
    desk.get_by_role("button", name="Enregistrer").click()
    desk.get_by_role("heading", name="Tournées de collecte").wait_for()

    phone.locator("#id_purpose").fill("Réduire les kilomètres parcourus par les bennes en regroupant les points "
                                        "de collecte proches.")
    phone.get_by_role("button", name="Enregistrer").click()
    table = phone.get_by_role("table", name="Les deux versions, côte à côte")
    table.wait_for()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375  # nothing scrolls sideways
    mine = table.locator("td.conflict-value").first
    theirs = table.locator("td.conflict-value").nth(1)
    for cell in (mine, theirs):
        assert cell.bounding_box()["width"] >= 300, cell.bounding_box()  # each version on the phone's full width
    assert mine.bounding_box()["y"] < theirs.bounding_box()["y"]  # stacked: mine, then the stored version
    assert "Votre saisie" in mine.evaluate("c => getComputedStyle(c, '::before').content")
    assert "Version enregistrée" in theirs.evaluate("c => getComputedStyle(c, '::before').content")
    choice = phone.get_by_label("la version enregistrée")
    box = choice.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    assert_accessible(phone)
    choice.check()
    phone.get_by_role("button", name="Enregistrer").click()
    phone.get_by_role("heading", name="Tournées de collecte").wait_for()
    system.refresh_from_db()
    assert system.purpose.startswith("Planifier les tournées")
