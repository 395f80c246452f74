"""A committee member places a referral on a session from its dossier, on a desktop and on a 375 px phone:
refers the record, plans the session the committee lacks, places the referral, meets a session closed meanwhile,
and reopens the placement's address (review.views.committees.referral_schedule); axe on each page."""

import pytest

from confiance.review.models import Referral, Session
from confiance.review.tests.helpers import make_committee
from tests.e2e.conftest import login
from tests.factories import PASSWORD, make_organisation, make_person, make_system

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 800}, {"width": 375, "height": 740}],
                         ids=["desktop", "phone"])
def test_a_committee_member_places_a_referral_on_a_session(browser, live_server, assert_accessible, viewport):
    org = make_organisation(name="Ville de Test", slug="ville-test")
    member = make_person(org, ["internal_committee"], username="emma")
    make_committee(org, "internal", [member], name="Comité interne de la Data et de l'IA")
    system = make_system(org, name="Assistant pour les usagers", status="under_review")
    page = browser.new_context(locale="fr-FR", viewport=viewport).new_page()
    page.set_default_timeout(15_000)
    csp = []
    page.on("console", lambda m: csp.append(m.text) if "Content Security Policy" in m.text else None)
    login(page, live_server, "emma", PASSWORD)

    page.goto(f"{live_server.url}/instruction/systemes/{system.pk}/saisir/")
    page.get_by_label("Comité").select_option(label="Comité interne de la Data et de l'IA")
    page.get_by_label("Question posée").fill("Le projet respecte-t-il les 10 lois ?")
    page.get_by_label("Date limite de l'avis").fill("2030-01-15")
    page.get_by_role("button", name="Enregistrer").click()
    page.get_by_text("n'a aucune séance à venir").wait_for()
    referral = Referral.objects.get(system=system)
    dossier = page.url
    assert_accessible(page)

    page.get_by_role("link", name="Planifier une séance").click()
    page.get_by_label("Date").fill("2029-12-10")
    page.get_by_label("Lieu").fill("Salle du conseil")
    page.get_by_role("button", name="Enregistrer").click()
    page.get_by_text("La séance est créée").wait_for()
    closing = Session.objects.create(committee=referral.committee, held_on="2029-11-05")

    page.goto(dossier)
    choice = page.get_by_label("Séance où inscrire la saisine")
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    box = choice.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
    choice.select_option(label="10/12/2029 — Salle du conseil (0 saisine)")
    page.get_by_role("button", name="Inscrire à l'ordre du jour").click()
    page.get_by_text("La saisine est inscrite à l'ordre du jour de la séance du 10/12/2029.").wait_for()
    referral.refresh_from_db()
    assert referral.session.held_on.isoformat() == "2029-12-10"
    assert_accessible(page)

    page.get_by_label("Séance où inscrire la saisine").select_option(label="05/11/2029 (0 saisine)")
    closing.minutes = "Séance tenue."  # another member closes that session before this one saves
    closing.save()
    page.get_by_role("button", name="Inscrire à l'ordre du jour").click()
    page.get_by_text("n'est pas une séance ouverte du Comité interne de la Data et de l'IA").first.wait_for()
    assert page.get_by_label("Séance où inscrire la saisine").input_value() == str(referral.session_id)
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert_accessible(page)
    referral.refresh_from_db()
    assert referral.session.held_on.isoformat() == "2029-12-10"  # nothing changed

    page.goto(f"{live_server.url}/instruction/saisines/{referral.pk}/seance/")  # the address, reopened
    assert page.url == dossier
    page.get_by_role("heading", name="Dossier : Assistant pour les usagers").wait_for()
    assert not csp
