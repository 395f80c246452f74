"""Try to read tier 2 and tier 3 content through every surface, as an anonymous visitor, a non-member and a member.

Each test also checks that the rightful reader does see the content, so the
absence is the tier rule's doing, not an empty page.
"""

import json
import re

import pytest
from django.urls import reverse

from confiance.library.models import FeedToken
from confiance.library.tests.conftest import TIER2_SECRETS, TIER3_SECRETS
from confiance.register.models import AISystem
from tests.factories import PASSWORD

ALL_SECRETS = TIER2_SECRETS + TIER3_SECRETS


def _client(client, person):
    if person is not None:
        client.login(username=person.username, password=PASSWORD)
    return client


def _readers(lib):
    """(reader, secrets they must not see) for the anonymous visitor, a non-member and a member."""
    return [(None, ALL_SECRETS), (lib.outsider, ALL_SECRETS), (lib.member, TIER3_SECRETS)]


def _assert_absent(content, secrets):
    text = content.decode() if isinstance(content, bytes) else content
    leaked = [s for s in secrets if s.lower() in text.lower()]
    assert not leaked, f"contenu réservé visible : {leaked}"


def _comparable(response, query):
    text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
    return text.replace(query, "?")


def _assert_present(content, secrets):
    text = content.decode()
    assert all(s.lower() in text.lower() for s in secrets)


@pytest.mark.parametrize("reader", [0, 1, 2])
def test_it_hides_higher_tiers_on_the_project_page(client, lib, reader):
    person, secrets = _readers(lib)[reader]
    response = _client(client, person).get(reverse("library:detail", args=[lib.project.pk]))
    assert response.status_code == 200
    assert lib.project.name in response.content.decode()
    _assert_absent(response.content, secrets)


def test_it_shows_each_tier_to_its_rightful_reader(client, lib):
    url = reverse("library:detail", args=[lib.project.pk])
    _assert_present(_client(client, lib.member).get(url).content, TIER2_SECRETS)
    client.logout()
    _assert_present(_client(client, lib.expert).get(url).content, TIER2_SECRETS + TIER3_SECRETS)


HIDDEN_WORDS = [(reader, word) for reader in (0, 1, 2)
                for word in ("Quetzalcorp", "palimpseste", "xylophonique", "hyperboree", "cryptonomicon", "ornithorynque")
                if reader < 2 or word in ("hyperboree", "cryptonomicon", "ornithorynque")]  # a member reads tier 2


@pytest.mark.parametrize(("reader", "word"), HIDDEN_WORDS)
def test_it_finds_nothing_by_words_of_a_hidden_tier(client, lib, reader, word):
    person, secrets = _readers(lib)[reader]
    assert word in secrets
    c = _client(client, person)
    page = c.get(reverse("library:home"), {"q": word})
    assert page.context["result"].total == 0
    assert all(v.count == 0 for f in page.context["result"].facets for v in f.values)  # no facet counts either
    # The page is the very page of a word found nowhere, but for the echo of the query.
    nowhere = c.get(reverse("library:home"), {"q": "zzqqzz"})
    assert _comparable(page, word) == _comparable(nowhere, "zzqqzz")
    api = c.get(reverse("library:api-projects"), {"q": word}).json()
    assert api["count"] == 0 and api["results"] == [] and all(not v for v in api["facets"].values())


def test_it_finds_by_a_tier_2_word_for_a_member_and_an_expert_by_a_tier_3_word(client, lib):
    c = _client(client, lib.member)
    assert c.get(reverse("library:home"), {"q": "Quetzalcorp"}).context["result"].total == 1
    assert c.get(reverse("library:home"), {"q": "cryptonomicon"}).context["result"].total == 0
    client.logout()
    c = _client(client, lib.expert)
    assert c.get(reverse("library:home"), {"q": "cryptonomicon"}).context["result"].total == 1


@pytest.mark.parametrize("reader", [0, 1, 2])
def test_it_keeps_snippets_and_results_to_the_readers_tier(client, lib, reader):
    person, secrets = _readers(lib)[reader]
    c = _client(client, person)
    page = c.get(reverse("library:home"), {"q": "cantines prévision table ouverte"})
    assert page.context["result"].total >= 1
    _assert_absent(page.content, secrets)
    _assert_absent(c.get(reverse("library:home")).content, secrets)
    # The other project's page lists similar projects, the secret one among them.
    other = c.get(reverse("library:detail", args=[lib.other.pk]))
    _assert_absent(other.content, secrets)


@pytest.mark.parametrize("reader", [0, 1, 2])
def test_it_keeps_the_api_to_the_readers_tier(client, lib, reader):
    person, secrets = _readers(lib)[reader]
    c = _client(client, person)
    _assert_absent(c.get(reverse("library:api-project", args=[lib.project.pk])).content, secrets)
    _assert_absent(c.get(reverse("library:api-projects")).content, secrets)
    _assert_absent(c.get(reverse("library:api-projects"), {"q": "cantine"}).content, secrets)


@pytest.mark.parametrize("reader", [0, 1, 2])
def test_it_keeps_the_interconnectes_export_to_the_readers_tier(client, lib, reader):
    person, secrets = _readers(lib)[reader]
    response = _client(client, person).get(reverse("library:export"))
    assert lib.project.name in response.content.decode()
    _assert_absent(response.content, secrets)


def test_it_exports_tier_2_to_a_member_and_tier_3_to_an_expert(client, lib):
    _assert_present(_client(client, lib.member).get(reverse("library:export")).content, ["zorglub.contact"])
    client.logout()
    _assert_present(_client(client, lib.expert).get(reverse("library:export")).content, ["hyperboree"])


def test_it_keeps_the_feed_to_tier_1_without_a_token_and_to_the_tokens_tier(client, lib):
    url = reverse("library:feed")
    _assert_absent(client.get(url).content, ALL_SECRETS)
    _, member_raw = FeedToken.issue(lib.member_org, "hub", tier=2)
    response = client.get(url, HTTP_AUTHORIZATION=f"Bearer {member_raw}")
    _assert_present(response.content, ["Quetzalcorp"])
    _assert_absent(response.content, TIER3_SECRETS)


def test_it_refuses_a_token_of_an_organisation_that_left_the_library(client, lib):
    _, raw = FeedToken.issue(lib.member_org, "hub", tier=3)
    lib.member_org.library_membership.delete()
    response = client.get(reverse("library:feed"), HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 401
    _assert_absent(response.content, ALL_SECRETS)


def test_it_refuses_an_unknown_token_without_saying_more(client, lib):
    response = client.get(reverse("library:feed"), HTTP_AUTHORIZATION="Bearer devine")
    assert response.status_code == 401
    assert json.loads(response.content) == {"message": "Jeton inconnu ou révoqué."}


@pytest.mark.parametrize("reader", [0, 1, 2])
def test_it_leaks_nothing_in_error_messages(client, lib, reader):
    person, secrets = _readers(lib)[reader]
    c = _client(client, person)
    for url in (reverse("library:contact", args=[lib.project.pk]), reverse("library:share", args=[lib.system.pk]),
                reverse("library:detail", args=[999999]), reverse("library:api-project", args=[999999])):
        response = c.get(url)
        assert response.status_code in (200, 302, 403, 404)
        _assert_absent(response.content, secrets)
    response = c.post(reverse("library:contact", args=[lib.project.pk]), {"message": ""})
    _assert_absent(response.content, secrets)


def test_it_hides_a_withdrawn_project_everywhere(client, lib):
    lib.project.withdrawn = True
    lib.project.save()
    c = _client(client, lib.expert)
    assert c.get(reverse("library:detail", args=[lib.project.pk])).status_code == 404
    assert lib.project.pk not in c.get(reverse("library:home"), {"q": "cantines"}).context["result"].ids
    assert c.get(reverse("library:api-project", args=[lib.project.pk])).status_code == 404
    assert lib.project.name not in c.get(reverse("library:export")).content.decode()
    feed = c.get(reverse("library:feed")).json()
    entry = next(p for p in feed["projects"] if p["origin_id"] == str(lib.system.pk))
    assert entry == {**entry, "withdrawn": True, "fields": {}}


def test_it_copies_only_readable_fields_when_a_non_member_reuses(client, lib):
    _client(client, lib.outsider).post(reverse("library:reuse", args=[lib.project.pk]),
                                       {"organisation": lib.outsider_org.pk, "technique": "statistical_ml"})
    system = AISystem.objects.get(organisation=lib.outsider_org)
    _assert_absent(" ".join(str(getattr(system, f.attname)) for f in AISystem._meta.concrete_fields), ALL_SECRETS)
