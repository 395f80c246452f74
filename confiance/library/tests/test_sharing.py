"""Sharing a register record, reusing a shared project, contacting its team and answering in the inbox."""

from django.urls import reverse

from confiance.library.models import ContactRequest, LibraryMessage, Reuse, SharedProject
from confiance.register.models import AISystem
from tests.factories import PASSWORD, make_system


def _login(client, person):
    client.login(username=person.username, password=PASSWORD)
    return client


def _share_data(**overrides):
    data = {"name": "Tournées de collecte optimisées", "summary": "Calcule les tournées.", "domain": "waste",
            "technique": "optimisation", "status": "deployment", "contacts": "Jeanne, jeanne@ville.example",
            "repository_url": "https://code.example/tournees", "theme": ""}
    data.update(overrides)
    return data


def test_it_offers_the_share_button_to_admins_on_the_register_page(client, lib):
    system = make_system(lib.source_org, name="Tournées")
    page = _login(client, lib.source_admin).get(reverse("register:detail", args=[system.pk]))
    assert "Partager dans la bibliothèque" in page.content.decode()
    client.logout()
    page = _login(client, lib.source_agent).get(reverse("register:detail", args=[system.pk]))
    assert "Partager dans la bibliothèque" not in page.content.decode()


def test_it_shares_a_record_with_its_tiers_and_organisation_facts(client, lib):
    system = make_system(lib.source_org, name="Tournées")
    response = _login(client, lib.source_admin).post(reverse("library:share", args=[system.pk]), _share_data())
    project = SharedProject.objects.get(system=system)
    assert response.status_code == 302
    assert (project.organisation_name, project.region, project.size_band) == ("Ville Source", "Bretagne", "lt50k")
    assert project.contacts == "Jeanne, jeanne@ville.example" and project.history.count() == 1


def test_it_refuses_sharing_to_an_agent_and_to_another_organisation(client, lib):
    system = make_system(lib.source_org, name="Tournées")
    assert _login(client, lib.source_agent).post(reverse("library:share", args=[system.pk]), _share_data()).status_code == 403
    client.logout()
    assert _login(client, lib.outsider).post(reverse("library:share", args=[system.pk]), _share_data()).status_code == 404
    assert not SharedProject.objects.filter(system=system).exists()


def test_it_withdraws_a_project_and_keeps_its_history(client, lib):
    client = _login(client, lib.source_admin)
    page = client.get(reverse("library:withdraw", args=[lib.project.pk]))
    assert page.status_code == 200 and "Retirer" in page.content.decode()
    empty = client.post(reverse("library:withdraw", args=[lib.project.pk]), {"reason": ""})
    lib.project.refresh_from_db()
    assert empty.status_code == 200 and not lib.project.withdrawn  # no reason, nothing changes
    response = client.post(reverse("library:withdraw", args=[lib.project.pk]), {"reason": "Projet arrêté"})
    lib.project.refresh_from_db()
    assert response.status_code == 302 and lib.project.withdrawn
    assert lib.project.history.first().history_change_reason == "Retrait de la bibliothèque : Projet arrêté"


def test_it_refuses_withdrawal_to_a_member_of_another_organisation(client, lib):
    assert _login(client, lib.member).post(reverse("library:withdraw", args=[lib.project.pk])).status_code == 403
    lib.project.refresh_from_db()
    assert not lib.project.withdrawn


def test_it_reuses_a_project_as_a_draft_with_provenance_and_tells_the_team(client, lib):
    response = _login(client, lib.member).post(reverse("library:reuse", args=[lib.project.pk]),
                                               {"organisation": lib.member_org.pk, "technique": "statistical_ml"})
    system = AISystem.objects.get(organisation=lib.member_org)
    assert response.status_code == 302 and system.status == "draft"
    assert system.vendor == "Quetzalcorp"  # a member reads tier 2, so the vendor is copied
    assert Reuse.objects.get(system=system).project == lib.project
    assert LibraryMessage.objects.filter(organisation=lib.source_org, text__contains="Ville Membre").exists()
    page = client.get(reverse("register:detail", args=[system.pk])).content.decode()
    assert "Repris de la bibliothèque" in page and "Ville Source" in page


def test_it_refuses_a_reuse_into_an_organisation_one_does_not_belong_to(client, lib):
    response = _login(client, lib.member).post(reverse("library:reuse", args=[lib.project.pk]),
                                               {"organisation": lib.outsider_org.pk, "technique": "statistical_ml"})
    assert response.status_code == 200 and not AISystem.objects.filter(organisation=lib.outsider_org).exists()


def test_it_sends_a_contact_request_that_the_team_answers_in_its_inbox(client, lib):
    _login(client, lib.member).post(reverse("library:contact", args=[lib.project.pk]),
                                    {"organisation": lib.member_org.pk, "message": "Quel taux d'erreur ?"})
    contact = ContactRequest.objects.get()
    assert contact.state == "open"
    client.logout()
    inbox = _login(client, lib.source_admin).get(reverse("library:inbox")).content.decode()
    assert "Quel taux d&#x27;erreur ?" in inbox
    client.post(reverse("library:answer", args=[contact.pk]), {"answer": "Environ 3 %."})
    contact.refresh_from_db()
    assert (contact.state, contact.answer, contact.answered_by) == ("answered", "Environ 3 %.", lib.source_admin)
    client.logout()
    assert "Environ 3 %." in _login(client, lib.member).get(reverse("library:inbox")).content.decode()


def test_it_refuses_contact_requests_from_non_members(client, lib):
    response = _login(client, lib.outsider).post(reverse("library:contact", args=[lib.project.pk]),
                                                 {"organisation": lib.outsider_org.pk, "message": "Bonjour"})
    assert response.status_code == 403 and not ContactRequest.objects.exists()


def test_it_refuses_answers_from_outside_the_team(client, lib):
    contact = ContactRequest.objects.create(project=lib.project, sender=lib.member, sender_organisation=lib.member_org,
                                            message="Bonjour")
    assert _login(client, lib.member).post(reverse("library:answer", args=[contact.pk]), {"answer": "x"}).status_code == 404
    contact.refresh_from_db()
    assert contact.state == "open"


def test_it_prefills_the_share_form_with_the_records_publication_fields(client, lib):
    from datetime import date

    system = make_system(lib.source_org, name="Tournées", started_on=date(2025, 9, 1), contact_email="ia@ville.example",
                         implementation="procurement", hosting_mode="third_party_cloud", people_affected="agents")
    form = _login(client, lib.source_admin).get(reverse("library:share", args=[system.pk])).context["form"]
    assert (form.initial["start_date"], form.initial["contacts"]) == ("01/09/2025", "ia@ville.example")
    assert (form.initial["contract_type"], form.initial["hosting"], form.initial["audience"]) == (
        "marché public", "cloud chez un tiers", "Agent")
