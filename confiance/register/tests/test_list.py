import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import make_service, make_system

pytestmark = pytest.mark.django_db


def _names(response):
    return [s.name for s in response.context["page"].object_list]


def test_it_searches_ignoring_accents_and_case(client, cast):
    make_system(cast.org, name="Détection des fuites d'eau", domain="water")
    make_system(cast.org, name="Réservation des crèches", domain="early_childhood")
    client.force_login(cast.dpo)
    assert _names(client.get(reverse("register:list"), {"q": "DETECTION fuites"})) == ["Détection des fuites d'eau"]
    assert _names(client.get(reverse("register:list"), {"q": "creche"})) == ["Réservation des crèches"]
    assert _names(client.get(reverse("register:list"), {"q": "crèche piscine"})) == []


def test_it_filters_by_status_domain_technique_and_service(client, cast):
    water = make_service(cast.org, name="Eau potable")
    make_system(cast.org, name="A", domain="water", technique="rules", service=water, status="deployed")
    make_system(cast.org, name="B", domain="water", technique="deep_learning")
    client.force_login(cast.dpo)
    url = reverse("register:list")
    assert _names(client.get(url, {"domain": "water"})) == ["A", "B"]
    assert _names(client.get(url, {"domain": "water", "technique": "rules"})) == ["A"]
    assert _names(client.get(url, {"status": "deployed"})) == ["A"]
    assert _names(client.get(url, {"service": water.pk})) == ["A"]


def test_it_never_lists_another_organisations_records(client, cast):
    make_system(cast.other_org, name="Secret d'ailleurs")
    client.force_login(cast.admin)
    assert "Secret d'ailleurs" not in _names(client.get(reverse("register:list"), {"q": "secret"}))


def test_it_runs_a_constant_number_of_queries_whatever_the_number_of_records(client, cast):
    client.force_login(cast.dpo)
    url = reverse("register:list")
    client.get(url)  # warm the session

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    few = count()
    for i in range(30):
        make_system(cast.org, name=f"Système {i}", service=cast.other_service if i % 2 else cast.service)
    assert count() == few


def test_it_pages_the_list(client, cast, settings):
    settings.PAGE_SIZE = 2
    for i in range(4):
        make_system(cast.org, name=f"Z{i}")
    client.force_login(cast.dpo)
    page2 = client.get(reverse("register:list"), {"q": "z", "page": 2})
    assert _names(page2) == ["Z2", "Z3"]
    assert "page=1" in page2.content.decode()


def test_it_sends_visitors_to_the_login_page(client):
    response = client.get(reverse("register:list"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_a_filter_that_is_not_valid_is_said_and_the_others_still_apply(client, cast):
    make_system(cast.org, name="A", domain="water", status="deployed")
    make_system(cast.org, name="B", domain="water")
    client.force_login(cast.dpo)
    url = reverse("register:list")
    response = client.get(url, {"domain": "water", "status": "deployed", "law": "99:zzz", "service": "99999999999999999999"})
    assert _names(response) == ["A"]  # domain and status still narrow the list
    page = response.content.decode()
    assert page.count("filtre non appliqué") == 2
    export = client.get(reverse("register:systems_export", args=["csv"]), {"domain": "water", "status": "deployed",
                                                                            "law": "99:zzz"}).content.decode()
    assert "A" in export.splitlines()[1] and len(export.strip().splitlines()) == 2
