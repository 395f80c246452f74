"""The whole review in a real browser: submission, both committees, decision, trial, deployment; axe on each page."""

import re

import pytest

from confiance.register.models import AISystem
from confiance.review.models import Committee, CommitteeMember
from tests.e2e.conftest import login
from tests.factories import PASSWORD, make_organisation, make_person, make_service, make_system

UNREAD = re.compile(r"^Boîte de réception \(\d+ non lus?\)$")
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def switch_to(page, live_server, username):
    page.context.clear_cookies()
    login(page, live_server, username, PASSWORD)


def open_record(page, live_server, system, assert_accessible):
    page.goto(f"{live_server.url}/registre/systemes/{system.pk}/")
    assert_accessible(page)


def decide(page, assert_accessible, kind, text, conditions=""):
    page.get_by_role("link", name="Enregistrer une décision").click()
    assert_accessible(page)
    page.get_by_label(kind, exact=True).check()
    page.get_by_label("Motivation *").fill(text)
    if conditions:
        page.get_by_label("Conditions à remplir").fill(conditions)
    page.get_by_role("button", name="Enregistrer").click()


def test_it_plays_the_whole_review_from_submission_to_deployment(page, live_server, assert_accessible):
    org = make_organisation(name="Métropole de Test", slug="metropole-test", kind="epci")
    service = make_service(org, name="Pôle Santé")
    agent = make_person(org, ["agent"], username="agent", email="agent@example.org")
    member = make_person(org, ["internal_committee"], username="comite")
    citizen = make_person(org, ["ethics_committee"], username="ethique")
    internal = Committee.objects.create(organisation=org, kind="internal", name="Comité interne Data & IA")
    ethics = Committee.objects.create(organisation=org, kind="ethics", name="Comité éthique métropolitain")
    CommitteeMember.objects.create(committee=internal, person=member, role="chair")
    CommitteeMember.objects.create(committee=ethics, person=citizen, constituency="citizen")
    system = make_system(org, service=service, owner=agent, created_by=agent, domain="health",
                         name="Orientation des appels du centre de santé")
    assert system.check_result.ethics_referral_needed  # sensitive by the checks

    # The agent submits.
    login(page, live_server, "agent", PASSWORD)
    open_record(page, live_server, system, assert_accessible)
    page.get_by_role("button", name="Soumettre au comité interne").click()
    assert "Soumis" in page.locator("main").inner_text()

    # The internal committee takes it up and gives a favourable opinion with conditions.
    switch_to(page, live_server, "comite")
    page.get_by_role("link", name=UNREAD).click()
    assert_accessible(page)
    open_record(page, live_server, system, assert_accessible)
    page.get_by_role("button", name="Prendre en instruction").click()
    page.get_by_role("link", name="Comité interne Data & IA").click()
    assert_accessible(page)  # the dossier, with the checks and the history
    page.get_by_role("link", name="Enregistrer l'avis du comité").click()
    assert_accessible(page)
    page.get_by_label("Favorable sous conditions").check()
    page.get_by_label("Motivation *").fill("Utile aux patients ; sensible, à soumettre au comité éthique.")
    page.get_by_role("button", name="Enregistrer").click()
    assert page.get_by_role("alert").is_visible()  # conditions are required
    assert_accessible(page)
    page.get_by_label("Conditions", exact=True).fill("Informer les usagers (loi 6).")
    page.get_by_label("Voix pour").fill("6")
    page.get_by_role("button", name="Enregistrer").click()
    assert "Favorable sous conditions" in page.locator("main").inner_text()

    # Approval is refused until the ethics committee's opinion is recorded.
    open_record(page, live_server, system, assert_accessible)
    decide(page, assert_accessible, "Autoriser l'expérimentation", "Accord pour expérimenter.")
    alert = page.get_by_role("alert").inner_text()
    assert "comité éthique" in alert and "loi 5" in alert
    assert_accessible(page)
    assert AISystem.objects.get(pk=system.pk).status == "under_review"

    open_record(page, live_server, system, assert_accessible)
    page.get_by_role("link", name="Saisir un comité").click()
    assert_accessible(page)
    page.get_by_label("Comité *").select_option(label="Comité éthique métropolitain")
    page.get_by_label("Question posée *").fill("Quel est votre avis sur ce projet sensible ?")
    page.get_by_label("Date limite de l'avis *").fill("2030-01-15")
    page.get_by_role("button", name="Enregistrer").click()

    # The ethics committee's member, a citizen, gives the opinion from their inbox.
    switch_to(page, live_server, "ethique")
    page.get_by_role("link", name=UNREAD).click()
    page.get_by_role("button", name="Saisine : « Orientation des appels du centre de santé »").click()
    assert_accessible(page)
    page.get_by_role("link", name="Enregistrer l'avis du comité").click()
    page.get_by_label("Favorable", exact=True).check()
    page.get_by_label("Motivation *").fill("Le contrôle humain est décrit ; avis favorable.")
    page.get_by_label("Publié").check()
    page.get_by_role("button", name="Enregistrer").click()
    assert "L'avis est enregistré" in page.locator("main").inner_text()

    # The decision.
    switch_to(page, live_server, "comite")
    open_record(page, live_server, system, assert_accessible)
    decide(page, assert_accessible, "Autoriser l'expérimentation", "Accord pour expérimenter.",
           "Former les agents volontaires")
    assert "Autorisé à l'expérimentation" in page.locator("main").inner_text()
    assert_accessible(page)

    # The experimentation and its evaluation, by the agent.
    switch_to(page, live_server, "agent")
    open_record(page, live_server, system, assert_accessible)
    page.get_by_role("button", name="Commencer l'expérimentation").click()
    page.get_by_role("link", name="Décrire l'expérimentation").click()
    assert_accessible(page)
    page.get_by_label("Nombre d'agents volontaires *").fill("8")
    page.get_by_label("Pôle Santé").check()
    page.get_by_label("Début *").fill("2025-01-06")
    page.get_by_label("Fin *").fill("2025-03-28")
    page.get_by_label("Critères d'évaluation *").fill("Temps de réponse, erreurs d'orientation.")
    page.get_by_label("Utilité pour les habitants").fill("Attente réduite au téléphone.")
    page.get_by_label("Effets sur les conditions de travail").fill("Moins d'appels mal orientés.")
    page.get_by_label("Effets sur les compétences et les métiers").fill("Formation de deux jours.")
    page.get_by_label("Erreurs constatées").fill("Quelques appels mal orientés, corrigés par les agents.")
    page.get_by_label("Évaluée le").fill("2025-04-01")
    page.get_by_role("button", name="Enregistrer").click()
    assert "évaluation" in page.locator("main").inner_text()
    page.get_by_role("button", name="Marquer comme remplie : Former les agents volontaires").click()

    # Deployment.
    switch_to(page, live_server, "comite")
    open_record(page, live_server, system, assert_accessible)
    decide(page, assert_accessible, "Autoriser le déploiement", "L'évaluation est concluante.")
    assert "Déployé" in page.locator("main").inner_text()
    assert AISystem.objects.get(pk=system.pk).status == "deployed"

    # The timeline shows each step.
    page.get_by_role("link", name="Voir tout l'historique").click()
    assert_accessible(page)
    timeline = page.locator("main").inner_text()
    for move in ("Brouillon → Soumis", "Soumis → En instruction", "En instruction → Autorisé à l'expérimentation",
                 "Autorisé à l'expérimentation → En expérimentation", "En expérimentation → Déployé"):
        assert move in timeline, move
    assert "Accord pour expérimenter" in timeline


def test_it_declares_a_tool_and_every_committee_page_passes_axe(page, live_server, assert_accessible):
    from confiance.review.models import ApprovedTool, Declaration, Session, YearlyReview

    org = make_organisation(name="Ville de Test", slug="ville-test")
    make_service(org, name="Direction de la communication")
    make_person(org, ["agent"], username="agent")
    member = make_person(org, ["internal_committee"], username="comite")
    internal = Committee.objects.create(organisation=org, kind="internal", name="Comité interne Data & IA")
    CommitteeMember.objects.create(committee=internal, person=member, role="secretary")
    ApprovedTool.objects.create(organisation=org, name="Assistant souverain", vendor="Éditeur", hosting_country="FR",
                                allowed_uses="Reformuler des textes publics.", forbidden_data="Données personnelles.")
    deployed = make_system(org, name="Capteurs de remplissage", status="deployed")
    review = YearlyReview.objects.create(system=deployed, due_on="2030-01-01")
    session = Session.objects.create(committee=internal, held_on="2030-01-10", place="Salle du conseil")

    login(page, live_server, "agent", PASSWORD)
    page.get_by_role("link", name="Outils IA autorisés").click()
    assert_accessible(page)
    page.get_by_role("link", name="déclarez-le").click()
    page.get_by_role("button", name="Déclarer").click()  # empty: refused, nothing saved
    assert page.get_by_role("alert").is_visible() and not Declaration.objects.exists()
    assert_accessible(page)
    page.get_by_label("Outil autorisé").select_option(label="— Un outil qui n'est pas dans le catalogue —")
    page.get_by_label("Autre outil").fill("Transcripteur de réunions")
    page.get_by_label("Je souhaite utiliser cet outil").check()
    page.get_by_label("Pour quoi faire *").fill("Préparer les comptes rendus.")
    page.get_by_role("button", name="Déclarer").click()
    assert "demande devant le comité interne" in page.locator("main").inner_text()
    assert_accessible(page)

    switch_to(page, live_server, "comite")
    page.get_by_role("link", name=UNREAD).click()
    assert_accessible(page)
    page.goto(f"{live_server.url}/instruction/declarations/")
    assert "Transcripteur de réunions" in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_role("link", name="Comités", exact=True).click()
    assert_accessible(page)
    page.get_by_role("link", name="Comité interne Data & IA", exact=True).click()
    assert_accessible(page)
    page.goto(f"{live_server.url}/instruction/seances/{session.pk}/")
    assert_accessible(page)
    page.goto(f"{live_server.url}/instruction/revues/{review.pk}/")
    assert_accessible(page)
    page.get_by_label("Maintenir le déploiement").check()
    page.get_by_label("Constats *").fill("Aucun incident ; contrôles relus.")
    page.get_by_role("button", name="Enregistrer la revue").click()
    review.refresh_from_db()
    assert review.done_on is not None and YearlyReview.objects.filter(system=deployed, done_on=None).exists()
