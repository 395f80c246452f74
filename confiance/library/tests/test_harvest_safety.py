"""Regression tests for finding 3 of issue 15: harvested links and harvest sources are checked."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from confiance.core.weblinks import UnsafeSource, check_harvest_url
from confiance.library.federation import FEED_FORMAT, fetch_json, harvest
from confiance.library.models import HarvestSource, SharedProject

pytestmark = pytest.mark.django_db


def _feed(info_url):
    return {"format": FEED_FORMAT, "instance": "https://autre.example", "tier": 1, "page": 1, "pages": 1,
            "count": 1, "next": None, "projects": [{
                "origin_id": "42", "updated_at": "2026-01-01T00:00:00+00:00", "withdrawn": False,
                "fields": {"name": "Projet piégé", "summary": "Un résumé.", "domain": "waste",
                           "info_url": info_url}}]}


def test_it_never_keeps_or_links_a_javascript_info_url(client):
    source = HarvestSource.objects.create(name="Autre", url="https://autre.example/bibliotheque/flux.json")
    report = harvest(source, fetch=lambda url, token: _feed("javascript:alert(document.cookie)"))
    assert report.ok and report.created == 1
    project = SharedProject.objects.get(origin_id="42")
    assert project.info_url == ""
    page = client.get(reverse("library:detail", args=[project.pk])).content.decode()
    assert "javascript:" not in page


def test_it_shows_an_already_stored_javascript_link_as_text_only(client):
    project = SharedProject.objects.create(origin_instance="local", origin_id="x", name="Ancien", summary="S.",
                                           domain="waste", info_url="javascript:alert(1)")
    page = client.get(reverse("library:detail", args=[project.pk])).content.decode()
    assert 'href="javascript:' not in page


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://autre.example/flux.json", "javascript:alert(1)",
                                 "gopher://autre.example/"])
def test_it_refuses_a_source_that_is_not_http(url):
    source = HarvestSource(name="Mauvaise", url=url)
    with pytest.raises(ValidationError):
        source.clean()
    source.save()
    report = harvest(source, fetch=lambda u, t: pytest.fail("must not fetch"))
    assert not report.ok and "http" in report.summary()


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/flux.json", "http://10.1.2.3/flux.json",
                                 "http://169.254.169.254/latest/meta-data/", "http://[::1]/flux.json",
                                 "http://192.168.0.10/flux.json"])
def test_it_refuses_private_loopback_and_link_local_addresses_unless_allowed(url, settings):
    settings.OUTBOUND_ALLOWED_NETWORKS = []
    with pytest.raises(UnsafeSource, match="adresse privée"):
        fetch_json(url)


def test_it_allows_loopback_when_the_setting_lists_it(settings):
    settings.OUTBOUND_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    check_harvest_url("http://127.0.0.1:8015/flux.json")  # no exception
