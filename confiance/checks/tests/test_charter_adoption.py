"""Each record is checked against its own organisation's charter; without one, "aucune charte"."""

import pytest
from django.urls import reverse

from confiance.checks.models import Charter
from tests.factories import make_person, make_system

pytestmark = pytest.mark.django_db


def test_it_checks_a_record_against_its_own_organisations_charter_only(cast):
    ours = make_system(cast.org, name="Chez nous")
    theirs = make_system(cast.other_org, name="Chez eux")
    assert len(ours.check_result.report["charter"]["outcomes"]) == 10
    assert theirs.check_result.report["charter"]["name"] == "Aucune charte"
    assert theirs.check_result.report["charter"]["outcomes"] == []
    assert not theirs.law_outcomes.exists()


def test_it_shows_aucune_charte_on_the_record_and_the_charter_page(client, cast):
    theirs = make_system(cast.other_org, name="Chez eux")
    client.force_login(cast.stranger)
    record = client.get(reverse("register:detail", args=[theirs.pk])).content.decode()
    assert "Aucune charte" in record and reverse("checks:charter", args=[cast.other_org.slug]) in record
    page = client.get(reverse("checks:charter", args=[cast.other_org.slug])).content.decode()
    assert "Aucune charte" in page and "Adopter les 10 lois" in page


def test_it_lets_an_admin_adopt_the_10_laws_and_rechecks_the_records(client, cast):
    theirs = make_system(cast.other_org, name="Chez eux")
    client.force_login(cast.stranger)
    client.post(reverse("checks:charter_adopt", args=[cast.other_org.slug]))
    charter = Charter.objects.get(organisation=cast.other_org)
    assert charter.principles.count() == 10
    theirs.refresh_from_db()
    assert len(theirs.check_result.report["charter"]["outcomes"]) == 10


def test_it_refuses_adoption_to_non_admins_and_to_other_organisations(client, cast):
    agent = make_person(cast.other_org, ["agent"])
    client.force_login(agent)
    assert client.post(reverse("checks:charter_adopt", args=[cast.other_org.slug])).status_code == 403
    client.force_login(cast.admin)
    assert client.post(reverse("checks:charter_adopt", args=[cast.other_org.slug])).status_code == 403
    assert not Charter.objects.filter(organisation=cast.other_org).exists()
    page = client.get(reverse("checks:charter", args=[cast.org.slug])).content.decode()
    assert "Adopter les 10 lois" not in page  # it has its charter
