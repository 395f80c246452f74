"""Issue 15, finding 1 on the notice's confirmation: two stewards confirm different pages at once."""

import pytest
from django.urls import reverse

from confiance.core.concurrency import version_of
from confiance.public.models import Notice
from tests.factories import make_person

pytestmark = pytest.mark.django_db


def test_it_shows_both_addresses_when_two_people_confirm_at_once(client, public):
    system = public.deployed
    notice = Notice.objects.create(system=system)
    client.force_login(public.steward)
    page = client.get(reverse("register:detail", args=[system.pk])).content.decode()
    read_at = version_of(notice)
    assert f'name="_version" value="{read_at}"' in page
    url = reverse("public:notice_confirm", args=[system.pk])
    assert client.post(url, {"published_on_url": "https://ville.fr/creches", "_version": read_at}).status_code == 302
    client.force_login(make_person(system.organisation, ["admin"], username="admin-2"))
    response = client.post(url, {"published_on_url": "https://ville.fr/petite-enfance", "_version": read_at})
    assert response.status_code == 409
    page = response.content.decode()
    assert "https://ville.fr/creches" in page and "https://ville.fr/petite-enfance" in page
    notice.refresh_from_db()
    assert notice.published_on_url == "https://ville.fr/creches" and notice.confirmed_by == public.steward
    # Choosing the stored address on the conflict page keeps it.
    merge = {"published_on_url": "https://ville.fr/petite-enfance", "_version": version_of(notice),
             "_garder_published_on_url": "enregistree"}
    assert client.post(url, merge).status_code == 302
    notice.refresh_from_db()
    assert notice.published_on_url == "https://ville.fr/creches"


def test_it_shows_both_opinions_when_two_members_record_the_reports_opinion_at_once(client, public):
    from django.core.management import call_command

    from confiance.public.models import AnnualReport

    call_command("report", "2026", "--organisation", public.org.slug)
    report = AnnualReport.objects.get(organisation=public.org, year=2026)
    url = reverse("public:manage_report", args=[public.org.slug, 2026])
    ethics = make_person(public.org, ["ethics_committee"], username="ethique-2")
    client.force_login(ethics)
    read_at = version_of(report)
    assert f'name="_version" value="{read_at}"' in client.get(url).content.decode()
    assert client.post(url, {"ethics_opinion": "Le comité salue la publication.", "_version": read_at}
                       ).status_code == 302
    client.force_login(make_person(public.org, ["admin"], username="admin-3"))
    response = client.post(url, {"ethics_opinion": "Avis réservé.", "_version": read_at})
    assert response.status_code == 409
    page = response.content.decode()
    assert "Le comité salue la publication." in page and "Avis réservé." in page
    report.refresh_from_db()
    assert report.ethics_opinion == "Le comité salue la publication." and report.opinion_recorded_by == ethics
