import pytest
from django.urls import reverse

from tests.factories import make_system

pytestmark = pytest.mark.django_db


def test_it_counts_the_organisations_records_by_status_domain_and_technique(client, cast):
    make_system(cast.org, domain="water", technique="rules", status="deployed")
    make_system(cast.org, domain="water", technique="rules")
    make_system(cast.other_org, domain="water", technique="rules")
    client.force_login(cast.committee)
    response = client.get(reverse("register:dashboard"))
    counts = response.context["counts"]
    assert response.context["total"] == 3
    assert ("water", "Eau", 2) in counts["domain"]
    assert ("deployed", "Déployé", 1) in counts["status"]
    assert ("draft", "Brouillon", 2) in counts["status"]
    assert ("rules", "Règles explicites", 2) in counts["technique"]
