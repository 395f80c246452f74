"""Explanation requests and error reports: public form, acknowledgement, inbox, answer, erasure."""

from datetime import timedelta
from html import unescape

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from confiance.public.models import ExplanationRequest
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

VALID = {"decision": "Refus d'une place en crèche du 3 mars", "message": "",
         "requester_name": "Jeanne Martin", "requester_email": "jeanne@example.org"}


def ask(client, c, data=None, address="192.0.2.1", kind="request"):
    return client.post(reverse(f"public:{kind}", args=[c.org.slug, c.deployed.pk]), data or VALID,
                       REMOTE_ADDR=address)


def test_it_acknowledges_a_request_with_a_reference_and_the_legal_deadline(client, public):
    response = ask(client, public)
    item = ExplanationRequest.objects.get()
    assert response.status_code == 302 and item.reference.startswith(f"DE-{timezone.now().year}-")
    assert item.due_on > timezone.localdate() and item.address_key and "192.0.2.1" not in item.address_key
    page = unescape(client.get(response["Location"]).content.decode())
    assert item.reference in page and "Votre demande est bien reçue" in page and "Jeanne" not in page


def test_it_rejects_a_bot_filling_the_honeypot(client, public):
    ask(client, public, {**VALID, "website": "http://spam.example"})
    assert not ExplanationRequest.objects.exists()


def test_it_rejects_too_long_or_incomplete_requests(client, public):
    assert ask(client, public, {**VALID, "decision": "x" * 2001}).status_code == 400
    assert ask(client, public, {**VALID, "requester_email": ""}).status_code == 400
    assert not ExplanationRequest.objects.exists()


@override_settings(PUBLIC_REQUESTS_PER_HOUR=2)
def test_it_limits_requests_per_address(client, public):
    assert ask(client, public).status_code == 302
    assert ask(client, public).status_code == 302
    assert ask(client, public).status_code == 429
    assert ask(client, public, address="192.0.2.99").status_code == 302
    assert ExplanationRequest.objects.count() == 3


def test_it_takes_an_error_report_the_same_way(client, public):
    response = ask(client, public, {"message": "Le service a changé de nom."}, kind="error_report")
    assert response.status_code == 302
    assert ExplanationRequest.objects.get().kind == "error_report"


def test_it_shows_the_steward_the_overdue_requests_and_records_the_answer(client, public):
    ask(client, public)
    item = ExplanationRequest.objects.get()
    item.received_at = timezone.now() - timedelta(days=40)
    item.due_on = (item.received_at + timedelta(days=30)).date()
    item.save()
    assert client.get(reverse("public:inbox")).status_code == 302  # login required
    client.login(username="referent", password=PASSWORD)
    page = unescape(client.get(reverse("public:inbox")).content.decode())
    assert item.reference in page and "en retard" in page and "1 demande en retard" in page
    client.post(reverse("public:answer", args=[item.pk]), {"answer": "Voici les règles : …"})
    item.refresh_from_db()
    assert item.answered_at and item.answered_by == public.steward


def test_it_hides_requests_from_people_who_do_not_answer_for_the_system(client, public):
    ask(client, public)
    item = ExplanationRequest.objects.get()
    client.login(username="agent2", password=PASSWORD)
    assert item.reference not in client.get(reverse("public:inbox")).content.decode()
    assert client.post(reverse("public:answer", args=[item.pk]), {"answer": "x"}).status_code == 403


@override_settings(EXPLANATION_RETENTION_DAYS=30)
def test_it_erases_requester_data_after_the_retention_period(public):
    old = ExplanationRequest.objects.create(
        system=public.deployed, reference="DE-2025-00001", due_on=timezone.localdate() - timedelta(days=60),
        requester_name="Jeanne", requester_email="j@example.org", decision="d", message="m",
        answered_at=timezone.now() - timedelta(days=31), answer="Les règles.")
    recent = ExplanationRequest.objects.create(
        system=public.deployed, reference="DE-2025-00002", due_on=timezone.localdate(),
        requester_name="Paul", requester_email="p@example.org", decision="d")
    call_command("eraserequesters")
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.requester_name, old.requester_email, old.decision, old.message) == ("", "", "", "")
    assert old.erased_at and old.answer == "Les règles."
    assert recent.requester_name == "Paul" and recent.erased_at is None


def test_it_erases_a_requester_only_after_a_confirmation_with_a_reason(client, public):
    from django.contrib.admin.models import LogEntry

    ask(client, public)
    item = ExplanationRequest.objects.get()
    client.force_login(public.steward)
    url = reverse("public:erase", args=[item.pk])
    assert "Effacer définitivement" in client.get(url).content.decode()
    client.post(url, {"reason": ""})
    item.refresh_from_db()
    assert item.requester_email == "jeanne@example.org" and item.erased_at is None
    client.post(url, {"reason": "Demande d'effacement du demandeur (RGPD art. 17)"})
    item.refresh_from_db()
    assert item.erased_at and not item.requester_email and not item.requester_name
    entry = LogEntry.objects.get(object_id=str(item.pk))
    assert "art. 17" in entry.change_message and entry.user == public.steward


def test_it_refuses_erasure_to_who_does_not_answer_for_the_system(client, public):
    ask(client, public)
    item = ExplanationRequest.objects.get()
    client.force_login(public.dpo)
    assert client.post(reverse("public:erase", args=[item.pk]), {"reason": "x"}).status_code == 403
    item.refresh_from_db()
    assert item.erased_at is None
