"""Search-as-you-type in a real browser: results follow the typing without submitting, a live region announces
the count; with JavaScript off, the same form still searches on "Rechercher"."""

import pytest

from confiance.library.demo import load_library_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_updates_results_as_one_types_and_announces_the_count(page, live_server, assert_accessible):
    load_library_demo()
    page.goto(f"{live_server.url}/bibliotheque/")
    before = page.locator("#results-title").inner_text()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.get_by_label("Rechercher un projet").press_sequentially("depots sauvages", delay=30)
    page.locator("#results-status").filter(has_text="résultat").wait_for()
    title = page.locator("#results-title").inner_text()
    assert title != before and "dépôts sauvages" not in before
    assert "« depots sauvages »" in title
    assert page.get_by_role("link", name="dépôts sauvages", exact=False).first.is_visible()
    assert page.locator("#results-status").get_attribute("aria-live") == "polite"
    status = page.locator("#results-status").inner_text()
    assert status.split()[0] == title.split()[0] and status.endswith(("résultat", "résultats"))
    assert page.url.endswith("?q=depots+sauvages")  # the address follows, nothing was submitted
    assert any("fragment=resultats" in url for url in requests)
    assert all(url.startswith(live_server.url) for url in requests)  # nothing from another site
    assert_accessible(page)


def test_it_still_searches_with_javascript_off(browser, live_server):
    load_library_demo()
    context = browser.new_context(locale="fr-FR", java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/bibliotheque/")
        page.get_by_label("Rechercher un projet").fill("depots sauvages")
        page.wait_for_timeout(600)
        assert "depots sauvages" not in page.locator("#results-title").inner_text()  # nothing without submitting
        page.get_by_role("button", name="Rechercher").click()
        page.wait_for_url("**/bibliotheque/?q=depots+sauvages*")
        assert "« depots sauvages »" in page.locator("#results-title").inner_text()
        assert page.get_by_role("link", name="dépôts sauvages", exact=False).first.is_visible()
        # (axe-core runs as script: the same page is checked with JavaScript on above)
    finally:
        context.close()


def test_on_a_phone_a_link_jumps_over_the_filters_to_the_results(browser, live_server, assert_accessible):
    load_library_demo()
    context = browser.new_context(locale="fr-FR", viewport={"width": 375, "height": 800})
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/bibliotheque/?q=cantine")
        jump = page.get_by_role("link", name="projets trouvés", exact=False)
        assert jump.is_visible() and jump.inner_text().startswith("Voir les ")
        assert not page.locator("#results-title").is_visible() or page.locator("#results-title").bounding_box()["y"] > 800
        jump.click()
        page.wait_for_function("document.querySelector('#results-title').getBoundingClientRect().top < 100")
        assert_accessible(page)
        page.set_viewport_size({"width": 1280, "height": 900})  # side by side: nothing to jump over
        assert not jump.is_visible()
        page.goto(f"{live_server.url}/bibliotheque/?q=zzzqqq")
        assert page.locator("#results-title").inner_text().startswith("0 projet pour")  # French: zero is singular
        assert page.locator("#results-title").get_attribute("data-total") == "0 résultat"
    finally:
        context.close()
