"""'Contacter l'équipe' works for every project: local, harvested through the origin's endpoint, or a plain fallback."""

import pytest
from django.urls import reverse

from confiance.library import remote_contact
from confiance.library.models import FeedToken, HarvestSource, LibraryMessage
from confiance.library.tests.conftest import make_shared_project


@pytest.fixture
def harvested(lib):
    """A copy of the source's project as a hub harvested it, with the member token the source issued."""
    _, raw = FeedToken.issue(lib.member_org, "hub")
    source = HarvestSource.objects.create(name="Ville Source", url="http://testserver/bibliotheque/flux.json",
                                          token=raw)
    return make_shared_project(origin_instance="http://ville-source.example", origin_id=lib.project.origin_id,
                               harvest_source=source, name="Copie moissonnée", contacts="ia@ville-source.fr")


@pytest.fixture
def through_test_client(client, monkeypatch):
    """Carry the hub's POST to the origin through Django's test client (one process plays both instances)."""
    from django.test import Client

    origin = Client()

    def post(url, payload, token, timeout=10):
        import json

        response = origin.post(url.replace("http://testserver", ""), json.dumps(payload),
                               content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}")
        return response.status_code, response.json()

    monkeypatch.setattr(remote_contact, "post_json", post)
    monkeypatch.setattr(remote_contact.send, "__defaults__", (post,))


def test_it_sends_a_local_projects_request_to_its_team(client, lib):
    client.force_login(lib.member)
    client.post(reverse("library:contact", args=[lib.project.pk]), {"organisation": lib.member_org.pk,
                                                                    "message": "Pouvons-nous en parler ?"})
    assert lib.project.contact_requests.get().message == "Pouvons-nous en parler ?"


def test_it_carries_a_harvested_projects_message_to_the_origin_team(client, lib, harvested, through_test_client):
    client.force_login(lib.member)
    response = client.post(reverse("library:contact", args=[harvested.pk]), {
        "organisation": lib.member_org.pk, "message": "Votre modèle marche-t-il en été ?"})
    assert response.status_code == 302
    note = LibraryMessage.objects.get(organisation=lib.source_org)
    assert "Votre modèle marche-t-il en été ?" in note.text and "Ville Membre" in note.text
    assert note.project == lib.project


def test_it_says_plainly_when_the_origin_cannot_take_it_and_gives_its_public_contact(client, lib, harvested,
                                                                                    through_test_client):
    FeedToken.objects.update(revoked=True)
    client.force_login(lib.member)
    response = client.post(reverse("library:contact", args=[harvested.pk]), {
        "organisation": lib.member_org.pk, "message": "Bonjour"})
    text = response.content.decode()
    assert response.status_code == 200 and "n'a pas pu être transmis" in text
    assert "ia@ville-source.fr" in text and "http://ville-source.example" in text
    assert not LibraryMessage.objects.exists()


def test_it_refuses_the_endpoint_without_a_member_token(client, lib):
    url = reverse("library:feed_contact", args=[lib.project.origin_id])
    assert client.post(url, "{}", content_type="application/json").status_code == 401
    _, raw = FeedToken.issue(lib.member_org, "hub")
    unknown = reverse("library:feed_contact", args=["inconnu"])
    assert client.post(unknown, '{"message": "x"}', content_type="application/json",
                       HTTP_AUTHORIZATION=f"Bearer {raw}").status_code == 404
    assert not LibraryMessage.objects.exists()


def test_it_offers_no_contact_link_to_who_cannot_contact(client, lib):
    client.force_login(lib.outsider)
    html = client.get(reverse("library:detail", args=[lib.project.pk])).content.decode()
    assert reverse("library:contact", args=[lib.project.pk]) not in html
