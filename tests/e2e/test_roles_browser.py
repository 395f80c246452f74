"""Each role's main task in a real browser, from login to done.

Every page visited is checked by axe-core (colour contrast included) at 1280 px and at 375 px,
and no page may be wider than the viewport. Each test prints the pages it visited, so the
number of steps a task takes can be compared from one version to the next.
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from confiance.checks.charters import adopt_charter
from confiance.library.models import LibraryMember, SharedProject
from confiance.public.models import ExplanationRequest, PublicProfile
from confiance.register.models import AISystem
from confiance.review.models import Committee, CommitteeMember, Declaration, Opinion, Session
from confiance.review.tests.helpers import make_opinion, make_referral
from tests.e2e.conftest import SERIOUS, login
from tests.factories import PASSWORD, make_organisation, make_person, make_service, make_system

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WIDTHS = (1280, 375)


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


class Tour:
    """Walk a role's task: check every page at both widths and count the pages."""

    def __init__(self, page, axe, role):
        self.page, self.axe, self.role, self.visited = page, axe, role, []

    def check(self):
        page = self.page
        self.visited.append(page.url.split("//", 1)[1].split("/", 1)[1])
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            results = self.axe.run(page).response
            ran = {r["id"] for key in ("passes", "violations", "incomplete", "inapplicable") for r in results[key]}
            assert "color-contrast" in ran
            bad = [f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes']][:3]}"
                   for v in results["violations"] if v.get("impact") in SERIOUS]
            assert not bad, f"{page.url} à {width} px :\n" + "\n".join(bad)
            scroll, client = page.evaluate("[document.documentElement.scrollWidth, "
                                           "document.documentElement.clientWidth]")
            assert scroll <= client, f"{page.url} déborde à {width} px ({scroll} > {client})"
        page.set_viewport_size({"width": 1280, "height": 900})

    def go(self, live_server, path):
        self.page.goto(f"{live_server.url}{path}")
        self.check()

    def click(self, role, name, exact=True):
        self.page.get_by_role(role, name=name, exact=exact).first.click()
        self.page.wait_for_load_state()
        self.check()

    def report(self):
        print(f"\n[{self.role}] {len(self.visited)} pages : " + " → ".join("/" + v for v in self.visited))


@pytest.fixture
def world(db):
    """Two collectivités: 'Ville de Démo' with the 10 laws, committees and a public site; 'Ville Voisine' without."""
    w = type("World", (), {})()
    w.org = make_organisation(name="Ville de Démo", slug="ville-demo", kind="commune")
    w.neighbour = make_organisation(name="Ville Voisine", slug="ville-voisine", kind="commune")
    adopt_charter(w.org)
    PublicProfile.objects.create(organisation=w.org, contact_email="ia@ville-demo.fr")
    w.service = make_service(w.org, name="Direction de la petite enfance")
    w.agent = make_person(w.org, ["agent"], username="agent", email="agent@ville-demo.fr")
    w.steward = make_person(w.org, ["steward"], services=[w.service], username="referent")
    w.dpo = make_person(w.org, ["dpo"], username="dpo")
    w.member = make_person(w.org, ["internal_committee"], username="comite")
    w.citizen = make_person(w.org, ["ethics_committee"], username="ethique")
    w.admin = make_person(w.org, ["admin"], username="admin")
    w.other = make_person(w.neighbour, ["agent"], username="voisine")
    # A first ProConnect sign-in with Ville de Démo's SIRET: she waits for a role there.
    w.newcomer = make_person(username="nouvelle", first_name="Nina", last_name="Nouvelle",
                             requested_organisation=w.org)
    w.internal = Committee.objects.create(organisation=w.org, kind="internal", name="Comité interne Data & IA")
    w.ethics = Committee.objects.create(organisation=w.org, kind="ethics", name="Comité éthique")
    CommitteeMember.objects.create(committee=w.internal, person=w.member, role="chair")
    CommitteeMember.objects.create(committee=w.ethics, person=w.citizen, constituency="citizen")
    w.session = Session.objects.create(committee=w.internal, held_on=timezone.localdate() + timedelta(days=7),
                                       place="Salle du conseil")
    Session.objects.create(committee=w.ethics, held_on=timezone.localdate() + timedelta(days=3))
    w.public = make_system(w.org, service=w.service, steward=w.steward, name="Aide à l'attribution des places en "
                           "crèche", status="deployed", domain="early_childhood", citizen_facing=True,
                           decision_role="prepares", personal_data=True)
    return w


def test_an_agent_declares_a_project_and_submits_it(page, live_server, axe, world):
    tour = Tour(page, axe, "agent")
    login(page, live_server, "agent", PASSWORD)
    tour.check()  # "À faire"
    tour.click("link", "Déclarer un système d'IA")
    page.get_by_label("Nom *").fill("Prévision des repas des cantines")
    page.get_by_label("Résumé pour le public *").fill("Estime chaque jour le nombre de repas à préparer.")
    page.get_by_label("Finalité *").fill("Réduire le gaspillage alimentaire.")
    page.get_by_label("Domaine *").select_option("education")
    page.get_by_label("Technique *").select_option("statistical_ml")
    page.get_by_label("Il prépare une décision qu'un agent prend").check()
    page.get_by_role("button", name="Enregistrer").click()
    page.get_by_role("heading", name="Prochaine étape").wait_for()
    tour.check()
    assert "c'est à vous" in page.locator(".next-step").inner_text()
    page.get_by_role("button", name="Soumettre au comité interne").click()
    page.get_by_role("heading", name="Prochaine étape").wait_for()
    tour.check()
    step = page.locator(".next-step").inner_text()
    assert "comité interne" in step and "c'est à vous" not in step
    assert page.locator("[aria-current=step]").inner_text().startswith("Soumis")
    tour.click("link", "À faire")
    assert "Prévision des repas des cantines" in page.locator("main").inner_text()
    tour.report()
    system = AISystem.objects.get(name="Prévision des repas des cantines")
    assert system.status == "submitted" and system.organisation == world.org
    assert system.referrals.get().committee == world.internal


def test_a_steward_completes_a_record_with_an_open_point(page, live_server, axe, world):
    system = make_system(world.org, service=world.service, name="Tri des demandes de place", citizen_benefit="")
    tour = Tour(page, axe, "référent")
    login(page, live_server, "referent", PASSWORD)
    tour.check()
    assert "Tri des demandes de place" in page.locator("section[aria-labelledby=referent-titre]").inner_text()
    tour.click("link", "Tri des demandes de place")
    tour.click("link", "Modifier")
    page.get_by_label("Bénéfice attendu pour les habitants").fill("Une réponse plus rapide aux familles.")
    page.get_by_role("button", name="Enregistrer").click()
    page.get_by_role("heading", name="Prochaine étape").wait_for()
    tour.check()
    tour.report()
    system.refresh_from_db()
    assert system.law_outcomes.get(number=1).outcome == "met"


def test_the_dpo_finds_the_dpias_due(page, live_server, axe, world):
    make_system(world.neighbour, name="Vidéo de la ville voisine", personal_data=True, sensitive_data=True,
                people_affected="citizens", people_magnitude="gte100k", domain="health")
    due = make_system(world.org, name="Dossiers de santé scolaire", personal_data=True, sensitive_data=True,
                      people_affected="citizens", people_magnitude="gte100k", domain="health")
    tour = Tour(page, axe, "DPO")
    login(page, live_server, "dpo", PASSWORD)
    tour.check()
    section = page.locator("section[aria-labelledby=dpo-titre]").inner_text()
    assert "Dossiers de santé scolaire" in section and "Vidéo de la ville voisine" not in section
    assert "Déclarer un système" not in page.locator("header").inner_text()  # no link the DPO cannot follow
    tour.click("link", "Dossiers de santé scolaire")
    assert "AIPD" in page.locator("main").inner_text()
    tour.report()
    assert due.check_result.dpia_required and not hasattr(due, "dpia")


def test_the_internal_committee_schedules_and_answers_a_referral(page, live_server, axe, world):
    system = make_system(world.org, service=world.service, owner=world.agent, name="Assistant de rédaction des "
                         "courriers", status="under_review")
    referral = make_referral(system, world.internal, deadline=timezone.localdate() + timedelta(days=10))
    tour = Tour(page, axe, "comité interne")
    login(page, live_server, "comite", PASSWORD)
    tour.check()
    tour.click("link", "Assistant de rédaction des courriers")  # the referral, from "À faire"
    options = page.get_by_label("Séance où inscrire la saisine").locator("option").all_inner_texts()
    assert options[1:] == [f"{world.session.held_on:%d/%m/%Y} — Salle du conseil (0 saisine)"]  # only the internal committee's session
    page.get_by_label("Séance où inscrire la saisine").select_option(str(world.session.pk))
    page.get_by_role("button", name="Inscrire à l'ordre du jour").click()
    tour.check()
    tour.click("link", "Enregistrer l'avis du comité")
    page.get_by_label("Favorable sous conditions").check()
    page.get_by_label("Motivation *").fill("Utile aux agents.")
    page.get_by_role("button", name="Enregistrer").click()
    tour.check()  # refused: conditions are required; the focus is on the error summary
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    page.get_by_label("Conditions", exact=True).fill("Relire chaque courrier avant envoi.")
    page.get_by_role("button", name="Enregistrer").click()
    tour.check()
    tour.report()
    referral.refresh_from_db()
    assert referral.session == world.session and referral.opinion.verdict == "with_conditions"


def test_the_ethics_committee_gives_its_opinion(page, live_server, axe, world):
    system = make_system(world.org, name="Orientation des appels du centre de santé", domain="health",
                         status="under_review")
    make_opinion(make_referral(system, world.internal), "favourable")
    referral = make_referral(system, world.ethics, deadline=timezone.localdate() + timedelta(days=20))
    tour = Tour(page, axe, "comité éthique")
    login(page, live_server, "ethique", PASSWORD)
    tour.check()
    assert "Orientation des appels du centre de santé" in page.locator("main").inner_text()
    tour.click("link", "Orientation des appels du centre de santé")
    tour.click("link", "Enregistrer l'avis du comité")
    page.get_by_label("Favorable", exact=True).check()
    page.get_by_label("Motivation *").fill("Le projet respecte les personnes ; information claire des patients.")
    page.get_by_role("button", name="Enregistrer").click()
    tour.check()
    tour.report()
    assert Opinion.objects.get(referral=referral).verdict == "favourable"


def test_an_admin_decides_with_the_committees_conditions_and_answers_a_request(page, live_server, axe, world):
    system = make_system(world.org, service=world.service, name="Réponses aux questions sur les déchets",
                         status="under_review")
    make_opinion(make_referral(system, world.internal), "with_conditions",
                 conditions="Informer les usagers (loi 6).")
    Declaration.objects.create(organisation=world.org, declared_by=world.agent, other_tool="Traducteur en ligne",
                               purpose="Traduire des affiches.", state=Declaration.State.REQUESTED)
    tour = Tour(page, axe, "administrateur")
    login(page, live_server, "admin", PASSWORD)
    tour.check()
    assert "Nina Nouvelle" in page.locator("section[aria-labelledby=admin-titre]").inner_text()
    tour.click("link", "Réponses aux questions sur les déchets")
    assert "Enregistrer la décision" in page.locator(".next-step").inner_text()
    tour.click("link", "Enregistrer une décision")
    assert page.get_by_label("Informer les usagers (loi 6). (Comité interne Data & IA)").is_checked()
    page.get_by_label("Autoriser l'expérimentation").check()
    page.get_by_label("Motivation *").fill("Expérimentation de trois mois.")
    page.get_by_role("button", name="Enregistrer").click()
    page.get_by_role("heading", name="Prochaine étape").wait_for()
    tour.check()
    tour.click("link", "Voir tout l'historique")
    assert "Décision : Autoriser l'expérimentation" in page.locator("main").inner_text()
    tour.click("link", "À faire")
    tour.click("link", "1 déclaration en attente de réponse", exact=False)
    tour.click("link", "Répondre", exact=False)
    page.get_by_label("Accepter").check()
    page.get_by_label("Explication pour l'agent").fill("Accepté pour des textes publics.")
    page.get_by_role("button", name="Enregistrer").click()
    tour.check()
    tour.report()
    system.refresh_from_db()
    assert system.status == "approved_for_experimentation"
    assert list(system.decisions.get().conditions.values_list("text", flat=True)) == ["Informer les usagers (loi 6)."]
    assert Declaration.objects.get().state == Declaration.State.ACCEPTED


def test_a_resident_asks_for_the_rules_of_an_algorithm(page, live_server, axe, world):
    tour = Tour(page, axe, "habitant")
    tour.go(live_server, "/")
    assert page.get_by_role("link", name="Se connecter").is_visible()
    tour.click("link", "Ville de Démo")
    tour.click("link", "Les systèmes d'IA")
    tour.click("link", "Aide à l'attribution des places en crèche")
    text = page.locator("main").inner_text()
    assert "à la Ville de Démo" in text and "ia@ville-demo.fr" in text and "réexamen par une personne" in text
    tour.click("link", "Demander les règles de l'algorithme")
    assert page.get_by_label("Vos nom et prénom *").get_attribute("autocomplete") == "name"
    page.get_by_label("La décision qui vous concerne *").fill("Refus d'une place en crèche du 3 mars")
    page.get_by_label("Vos nom et prénom *").fill("Jeanne Martin")
    page.get_by_label("Votre adresse électronique, pour recevoir la réponse *").fill("jeanne@example.org")
    page.get_by_role("button", name="Envoyer").click()
    page.get_by_role("heading", level=1).wait_for()
    tour.check()
    tour.click("link", "Confiance")  # the logo leads back to the public home
    tour.report()
    item = ExplanationRequest.objects.get()
    assert item.reference in page.url or item.system == world.public
    receipt = [m for m in mail.outbox if m.to == ["jeanne@example.org"]]
    assert receipt and item.reference in receipt[0].body and live_server.url in receipt[0].body


def test_another_collectivites_agent_reuses_a_project_under_its_own_charter(page, live_server, axe, world):
    for org in (world.org, world.neighbour):
        LibraryMember.objects.create(organisation=org)
    SharedProject.objects.create(origin_id=str(world.public.pk), system=world.public, organisation=world.org,
                                 name=world.public.name, organisation_name=world.org.name, domain="early_childhood",
                                 summary="Propose aux agents des places libres proches des familles.")
    tour = Tour(page, axe, "agent d'une autre collectivité")
    login(page, live_server, "voisine", PASSWORD)
    tour.check()
    public_link = page.locator("header").get_by_role("link", name="Site public").get_attribute("href")
    assert public_link.endswith("/public/ville-voisine/")
    tour.click("link", "Bibliothèque")
    tour.click("link", "Aide à l'attribution des places en crèche", exact=False)
    tour.click("link", "Réutiliser ce projet")
    page.get_by_role("button", name="Créer le brouillon").click()
    page.get_by_role("heading", name="Prochaine étape").wait_for()
    tour.check()
    assert "Aucune charte" in page.locator("main").inner_text()
    tour.report()
    copy = AISystem.objects.get(organisation=world.neighbour)
    assert copy.check_result.report["charter"]["outcomes"] == []  # not Ville de Démo's 10 laws
    page.goto(f"{live_server.url}/registre/systemes/{world.public.pk}/")
    assert "Page introuvable" in page.content() or page.title().startswith("Page")
