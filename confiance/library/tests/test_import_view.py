"""The library's import screen: upload, report page, confirmation; admins of member organisations only."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from confiance.library.models import LibraryMember, SharedProject
from tests.factories import make_organisation, make_person

PUBLIC = Path(__file__).parent / "fixtures" / "interconnectes_public.csv"


@pytest.fixture
def people(db):
    member, outsider = make_organisation(slug="membre"), make_organisation(slug="non-membre")
    LibraryMember.objects.create(organisation=member)
    return {
        "admin": make_person(member, ["admin"]), "steward": make_person(member, ["steward"]),
        "agent": make_person(member, ["agent"]), "outsider_admin": make_person(outsider, ["admin"]),
    }


def _upload(client, content=None, name="bibliotheque.csv"):
    data = PUBLIC.read_bytes() if content is None else content
    return client.post(reverse("library:import"), {"file": SimpleUploadedFile(name, data)})


def test_it_shows_the_report_first_and_writes_only_on_confirmation(client, people):
    client.force_login(people["admin"])
    assert client.get(reverse("library:home")).content.decode().count(reverse("library:import")) == 1
    page = _upload(client)
    html = page.content.decode()
    assert page.status_code == 200 and SharedProject.objects.count() == 0
    assert "Simulation, rien n&#x27;a été écrit. Import partiel : 1 ligne(s) rejetée(s)" in html
    assert "Communauté d&#x27;agglomération(s)" in html and "Terminée" in html
    token = page.context["confirm"].initial["token"]
    done = client.post(reverse("library:import_confirm"), {"token": token})
    assert done.status_code == 200 and SharedProject.objects.count() == 5
    assert "Import partiel : 1 ligne(s) rejetée(s) ; 5 projet(s) ajouté(s)" in done.content.decode()
    assert set(SharedProject.objects.values_list("shared_by", flat=True)) == {people["admin"].pk}


def test_it_refuses_a_tampered_or_foreign_token(client, people):
    client.force_login(people["admin"])
    token = _upload(client).context["confirm"].initial["token"]
    response = client.post(reverse("library:import_confirm"), {"token": token[:-2] + "xx"}, follow=True)
    assert "Rien n&#x27;a été importé" in response.content.decode() and SharedProject.objects.count() == 0
    other_admin = make_person(LibraryMember.objects.get().organisation, ["admin"])
    client.force_login(other_admin)
    client.post(reverse("library:import_confirm"), {"token": token})
    assert SharedProject.objects.count() == 0


def test_it_says_why_an_unreadable_file_is_not_loaded(client, people):
    client.force_login(people["admin"])
    page = _upload(client, b"Nom_du_projet;x\n\"" + b"y" * 140_000)
    assert "Fichier illisible, rien n&#x27;a été importé : Ligne 2 : une cellule dépasse 128 Kio" in page.content.decode()
    assert page.context["confirm"] is None
    refused = _upload(client, b"%PDF-1.4", name="rapport.pdf")
    assert "Format non pris en charge" in refused.content.decode()


@pytest.mark.parametrize("who", ["steward", "agent", "outsider_admin"])
def test_it_refuses_everyone_but_an_admin_of_a_member_organisation(client, people, who):
    client.force_login(people[who])
    assert client.get(reverse("library:import")).status_code == 403
    assert _upload(client).status_code == 403
    assert client.post(reverse("library:import_confirm"), {"token": "x"}).status_code == 403
    assert reverse("library:import") not in client.get(reverse("library:home")).content.decode()


def test_it_sends_anonymous_visitors_to_the_login_page(client, db):
    assert client.get(reverse("library:import")).status_code == 302
