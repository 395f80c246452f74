"""A member searches the library in a real browser, opens a project and reads it by tier; every page passes axe-core."""

import pytest

from confiance.library.demo import load_library_demo
from confiance.library.models import LibraryMember
from tests.e2e.conftest import login
from tests.factories import PASSWORD, make_organisation, make_person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_searches_with_facets_and_reads_a_project_by_tier(page, live_server, assert_accessible):
    org = make_organisation(name="Ville de Test", slug="ville-test")
    make_person(org, ["agent"], username="agent")
    load_library_demo()  # makes the test organisation a member too

    page.goto(f"{live_server.url}/bibliotheque/")
    assert_accessible(page)
    page.get_by_label("Rechercher un projet").fill("restauration scolaire")  # synonym of cantine, no accent needed
    page.get_by_role("button", name="Rechercher").click()
    assert page.get_by_role("link", name="(Nantes)").is_visible()
    assert_accessible(page)

    page.get_by_label("Éducation").check()
    page.get_by_role("button", name="Rechercher").click()
    assert "Éducation" in page.locator(".facets").inner_text()
    assert_accessible(page)

    page.get_by_role("link", name="(Nantes)").first.click()
    page.get_by_role("heading", level=1).wait_for()
    text = page.locator("main").inner_text()
    assert "réservés aux agents des collectivités membres" in text
    assert "Verteego" not in text  # tier 2 (vendor) hidden from an anonymous visitor
    assert "reussir.fr" in text  # the source stays visible
    assert_accessible(page)

    login(page, live_server, "agent", PASSWORD)
    assert LibraryMember.objects.filter(organisation=org).exists()
    page.goto(f"{live_server.url}/bibliotheque/?q=cantines+nantes")
    page.get_by_role("link", name="(Nantes)").first.click()
    page.get_by_role("heading", level=1).wait_for()
    assert "Verteego" in page.locator("main").inner_text()
    assert page.get_by_role("link", name="Réutiliser ce projet").is_visible()
    assert_accessible(page)
