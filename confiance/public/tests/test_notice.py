"""The law 6 notice: snippet, JSON, and law 6 met only once the steward confirms publication."""

import json

import pytest
from django.urls import reverse

from confiance.checks.models import LawOutcome
from confiance.public.models import Notice
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def law6(system):
    return LawOutcome.objects.get(system=system, number=6).outcome


def test_it_counts_law_6_as_met_only_after_confirmation(client, public):
    system = public.deployed
    assert law6(system) == "to_do"
    client.login(username="referent", password=PASSWORD)
    page = client.get(reverse("register:detail", args=[system.pk])).content.decode()
    assert "Générer la mention" in page
    client.post(reverse("public:notice_generate", args=[system.pk]))
    assert Notice.objects.filter(system=system).exists() and law6(system) == "to_do"
    page = client.get(reverse("register:detail", args=[system.pk])).content.decode()
    assert "Ce service utilise de l&#x27;intelligence artificielle" in page and "Confirmer la publication" in page
    client.post(reverse("public:notice_confirm", args=[system.pk]), {"published_on_url": "nope"})
    assert law6(system) == "to_do"
    client.post(reverse("public:notice_confirm", args=[system.pk]), {"published_on_url": "https://ville.fr/creches"})
    assert law6(system) == "met"
    assert Notice.objects.get(system=system).confirmed_by == public.steward


def test_it_refuses_the_notice_actions_to_an_agent_and_to_get(client, public):
    client.login(username="agent2", password=PASSWORD)
    assert client.post(reverse("public:notice_generate", args=[public.deployed.pk])).status_code == 403
    assert client.get(reverse("public:notice_generate", args=[public.deployed.pk])).status_code == 405
    assert not Notice.objects.exists()


def test_it_serves_the_notice_as_json_and_html_snippet(client, public):
    slug, pk = public.org.slug, public.deployed.pk
    data = json.loads(client.get(reverse("public:notice_json", args=[slug, pk])).content)
    assert data["uses_ai"] is True and data["published"] is False
    assert data["more_url"].endswith(reverse("public:system", args=[slug, pk]))
    assert 'style="' in data["html"] and "<script" not in data["html"]
    page = client.get(reverse("public:notice", args=[slug, pk])).content.decode()
    assert "<textarea" in page


def test_it_has_no_notice_for_a_system_not_facing_citizens(client, public):
    public.deployed.citizen_facing = False
    public.deployed.save()
    assert client.get(reverse("public:notice_json", args=[public.org.slug, public.deployed.pk])).status_code == 404
