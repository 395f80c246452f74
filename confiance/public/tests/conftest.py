import pytest
from django.core.cache import cache

from confiance.public import cache as page_cache
from confiance.public.models import PublicProfile
from tests.factories import make_system


@pytest.fixture(autouse=True)
def fresh_page_cache():
    """Each test starts with an empty page cache: ids and dates repeat between tests."""
    cache.clear()
    page_cache._generations.clear()
    yield
    cache.clear()
    page_cache._generations.clear()


@pytest.fixture
def public(cast):
    """The cast, with one deployed citizen-facing system and one draft in the first organisation."""
    PublicProfile.objects.create(organisation=cast.org, contact_email="ia@metropole-test.fr",
                                 introduction="Nous utilisons l'IA pour mieux servir les habitants.")
    cast.deployed = make_system(
        cast.org, service=cast.service, owner=cast.agent, created_by=cast.agent, steward=cast.steward,
        name="Prévision de fréquentation des crèches", status="deployed", domain="early_childhood",
        citizen_facing=True, decision_role="prepares", human_oversight="Une agente valide chaque proposition.",
    )
    cast.draft = make_system(cast.org, name="Projet secret en brouillon")
    return cast
