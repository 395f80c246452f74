"""Two committee members edit one approved tool in two real browsers: the second sees both versions on the
conflict page (axe-core clean), keeps the stored value of the clashing field, and the first's work stays."""

import pytest

from confiance.review.models import ApprovedTool
from tests.e2e.conftest import login
from tests.factories import PASSWORD, make_organisation, make_person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_two_committee_members_editing_a_tool_merge_on_the_conflict_page(browser, live_server, assert_accessible):
    org = make_organisation(name="Ville de Test", slug="ville-test")
    make_person(org, ["internal_committee"], username="claire")
    make_person(org, ["admin"], username="david")
    tool = ApprovedTool.objects.create(organisation=org, name="Albert", vendor="DINUM", hosting_country="FR",
                                       allowed_uses="Résumer des textes", forbidden_data="Données de santé")
    pages = []
    for username in ("claire", "david"):
        page = browser.new_context(locale="fr-FR").new_page()
        page.set_default_timeout(15_000)
        login(page, live_server, username, PASSWORD)
        page.goto(f"{live_server.url}/instruction/outils/{tool.pk}/")
        pages.append(page)
    claire, david = pages

    claire.get_by_label("Conditions d'usage").fill("Relire chaque réponse.")
    claire.get_by_role("button", name="Enregistrer").click()
    claire.get_by_role("heading", name="Outils IA autorisés").wait_for()

    david.get_by_label("Conditions d'usage").fill("Usage interne seulement.")
    david.get_by_label("Fournisseur").fill("Etalab")
    david.get_by_role("button", name="Enregistrer").click()
    table = david.get_by_role("table", name="Les deux versions, côte à côte")
    assert "Relire chaque réponse." in table.inner_text() and "Usage interne seulement." in table.inner_text()
    assert_accessible(david)
    tool.refresh_from_db()
    assert (tool.conditions, tool.vendor) == ("Relire chaque réponse.", "DINUM")

    david.get_by_label("la version enregistrée").check()
    david.get_by_role("button", name="Enregistrer").click()
    david.get_by_role("heading", name="Outils IA autorisés").wait_for()
    tool = ApprovedTool.objects.get(pk=tool.pk)
    assert (tool.conditions, tool.vendor) == ("Relire chaque réponse.", "Etalab")
