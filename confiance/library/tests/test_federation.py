"""The feed and the harvest, in one process: the harvester reads the feed through Django's test client."""

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from confiance.library.federation import harvest
from confiance.library.models import FeedToken, HarvestSource, SharedProject
from confiance.library.tests.conftest import make_shared_project
from confiance.rules.library_tiers import Tier


@pytest.fixture
def fetch_via(client):
    def fetch(url, token=""):
        headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
        response = client.get(url.replace("http://testserver", ""), **headers)
        assert response.status_code == 200
        return response.json()
    return fetch


def _source(token=""):
    return HarvestSource.objects.create(name="Autre instance", url="http://testserver/bibliotheque/flux.json",
                                        token=token)


def test_it_pages_the_feed_and_links_the_next_page(client, lib):
    for n in range(3):
        make_shared_project(name=f"Projet {n}", summary="Résumé.")
    page = client.get(reverse("library:feed"), {"page_size": 2}).json()
    assert (page["count"], page["pages"], page["tier"]) == (5, 3, 1)
    assert page["next"].endswith("page=2&page_size=2")
    assert all("contacts" not in p["fields"] for p in page["projects"])


def test_it_harvests_with_a_member_token_keeping_tier_2_and_origin(lib, fetch_via, settings):
    settings.SITE_URL = "http://source.example"
    _, raw = FeedToken.issue(lib.member_org, "hub")
    report = harvest(_source(raw), page_size=1, fetch=fetch_via)
    assert (report.ok, report.created) == (True, 2)
    copy = SharedProject.objects.get(origin_instance="http://source.example", origin_id=str(lib.system.pk))
    assert copy.vendor == "Quetzalcorp" and copy.repository_url == "" and copy.harvest_source is not None
    assert copy.fields_for_tier(Tier.PUBLIC)["name"] == lib.project.name


def test_it_applies_updates_and_withdrawals_on_the_next_harvest(lib, fetch_via, settings):
    settings.SITE_URL = "http://source.example"
    source = _source()
    harvest(source, fetch=fetch_via)
    lib.project.summary = "Résumé corrigé."
    lib.project.save()
    lib.other.withdrawn = True
    lib.other.save()
    report = harvest(source, fetch=fetch_via)
    assert (report.updated, report.withdrawn) == (1, 1)
    copies = SharedProject.objects.filter(harvest_source=source)
    assert copies.get(name=lib.project.name).summary == "Résumé corrigé."
    assert copies.get(name=lib.other.name).withdrawn


def test_it_keeps_what_it_had_when_a_source_fails(lib, fetch_via, settings):
    settings.SITE_URL = "http://source.example"
    source = _source()
    harvest(source, fetch=fetch_via)

    def broken(url, token=""):
        raise OSError("connexion refusée")

    report = harvest(source, fetch=broken)
    source.refresh_from_db()
    assert not report.ok and not source.last_ok and "connexion refusée" in source.last_report
    assert SharedProject.objects.filter(harvest_source=source, withdrawn=False).count() == 2


def test_it_does_not_republish_harvested_projects(client, lib, fetch_via, settings):
    settings.SITE_URL = "http://source.example"
    harvest(_source(), fetch=fetch_via)
    assert client.get(reverse("library:feed")).json()["count"] == 2


def test_it_reports_a_failing_source_from_the_command_line(db, capsys):
    HarvestSource.objects.create(name="Hors ligne", url="http://127.0.0.1:9/bibliotheque/flux.json")
    with pytest.raises(CommandError):
        call_command("library", "harvest")
    assert "ÉCHEC" in capsys.readouterr().err


def test_it_issues_feed_tokens_to_members_only(lib, capsys):
    call_command("library", "issue-token", lib.member_org.slug, "hub")
    raw = capsys.readouterr().out.strip()
    assert FeedToken.tier_for(raw) == Tier.MEMBER
    with pytest.raises(CommandError):
        call_command("library", "issue-token", lib.outsider_org.slug, "hub")
