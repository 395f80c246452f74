import pytest
from django.urls import reverse

from confiance.checks.models import Questionnaire
from tests.factories import make_system

pytestmark = pytest.mark.django_db


def _names(response):
    return [s.name for s in response.context["page"].object_list]


def test_it_filters_the_register_by_risk_class_and_law_status(client, cast):
    high = make_system(cast.org, name="Tri des candidatures", citizen_benefit="Des recrutements plus rapides.")
    Questionnaire.objects.create(system=high, answers={"recruitment": True})
    client.force_login(cast.dpo)
    url = reverse("register:list")
    assert _names(client.get(url, {"risk_class": "high"})) == ["Tri des candidatures"]
    assert _names(client.get(url, {"risk_class": "minimal"})) == ["Collecte des déchets"]
    assert _names(client.get(url, {"law": "1:to_do"})) == ["Collecte des déchets"]
    assert _names(client.get(url, {"law": "1:met"})) == ["Tri des candidatures"]
