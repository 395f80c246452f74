"""The requester gets an e-mail receipt with the reference, the legal deadline and the site's own address."""

import pytest
from django.core import mail
from django.urls import reverse

from confiance.public.models import ExplanationRequest
from confiance.rules.french import long_date

pytestmark = pytest.mark.django_db

VALID = {"decision": "Refus d'une place en crèche du 3 mars", "message": "",
         "requester_name": "Jeanne Martin", "requester_email": "jeanne@example.org"}


def test_it_mails_the_requester_the_reference_and_the_legal_deadline(client, public, settings):
    settings.SITE_URL = ""
    client.post(reverse("public:request", args=[public.org.slug, public.deployed.pk]), VALID,
                HTTP_HOST="127.0.0.1:8012")
    item = ExplanationRequest.objects.get()
    receipt = [m for m in mail.outbox if m.to == ["jeanne@example.org"]]
    assert len(receipt) == 1
    body = receipt[0].body
    assert item.reference in receipt[0].subject and item.reference in body
    assert long_date(item.due_on) in body and "R311-13" in body
    assert f"http://127.0.0.1:8012/public/{public.org.slug}/" in body  # the request's address, not a fixed port
    assert "ia@metropole-test.fr" in body


def test_it_uses_site_url_when_it_is_set(client, public, settings):
    settings.SITE_URL = "https://ia.metropole-test.fr"
    client.post(reverse("public:request", args=[public.org.slug, public.deployed.pk]), VALID)
    assert "https://ia.metropole-test.fr/public/" in mail.outbox[-1].body


def test_it_sends_no_receipt_without_an_address(client, public):
    client.post(reverse("public:error_report", args=[public.org.slug, public.deployed.pk]),
                {"message": "La date est fausse.", "requester_email": ""})
    assert ExplanationRequest.objects.count() == 1
    assert not [m for m in mail.outbox if "signalement" in m.subject]


def test_it_asks_the_browser_to_fill_the_name_and_address(client, public):
    html = client.get(reverse("public:request", args=[public.org.slug, public.deployed.pk])).content.decode()
    assert 'autocomplete="name"' in html and 'autocomplete="email"' in html
