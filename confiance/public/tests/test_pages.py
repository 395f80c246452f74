"""The public pages answer without login, show only public records, and search without accents."""

from html import unescape

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_it_shows_the_home_page_with_numbers_and_the_10_laws(client, public):
    response = client.get(reverse("public:home", args=[public.org.slug]))
    assert response.status_code == 200
    text = unescape(response.content.decode())
    assert "Nous utilisons l'IA" in text and "Sobriété numérique" in text
    assert "<strong>1</strong> système" in text


def test_it_lists_only_experimenting_deployed_and_retired_systems(client, public):
    text = unescape(client.get(reverse("public:list", args=[public.org.slug])).content.decode())
    assert "Prévision de fréquentation des crèches" in text
    assert "Projet secret" not in text and "Collecte des déchets" not in text  # drafts


def test_it_answers_404_for_a_draft(client, public):
    assert client.get(reverse("public:system", args=[public.org.slug, public.draft.pk])).status_code == 404
    assert client.get(reverse("public:system", args=[public.other_org.slug, public.deployed.pk])).status_code == 404


def test_it_searches_without_accents_or_case(client, public):
    url = reverse("public:list", args=[public.org.slug])
    assert "crèches" in unescape(client.get(url, {"q": "PREVISION frequentation"}).content.decode())
    assert "Aucun système" in unescape(client.get(url, {"q": "piscine"}).content.decode())


def test_it_filters_by_domain_status_service_and_risk(client, public):
    url = reverse("public:list", args=[public.org.slug])
    assert "crèches" in unescape(client.get(url, {"domain": "early_childhood", "status": "deployed"}).content.decode())
    assert "crèches" not in unescape(client.get(url, {"domain": "waste"}).content.decode())
    assert "crèches" not in unescape(client.get(url, {"status": "retired"}).content.decode())
    assert "crèches" in unescape(client.get(url, {"service": public.service.pk}).content.decode())
    risk = public.deployed.check_result.risk_class
    assert "crèches" in unescape(client.get(url, {"risk_class": risk}).content.decode())
    other = "high" if risk != "high" else "minimal"
    assert "crèches" not in unescape(client.get(url, {"risk_class": other}).content.decode())


def test_it_shows_a_system_in_plain_french(client, public):
    text = unescape(client.get(reverse("public:system", args=[public.org.slug, public.deployed.pk])).content.decode())
    for words in ("Une personne décide toujours", "Une agente valide chaque proposition",
                  "Classe de risque", "Demander les règles de l'algorithme", "Signaler une erreur",
                  "ia@metropole-test.fr", "version 1"):
        assert words in text


def test_it_draws_the_10_laws_dashboard(client, public):
    response = client.get(reverse("public:laws", args=[public.org.slug]))
    text = unescape(response.content.decode())
    assert response.status_code == 200 and "<svg" in text
    assert "Information des usagers" in text and "Prévision de fréquentation des crèches" in text  # law 6 to do


def test_it_shows_the_accessibility_statement_linked_from_every_footer(client, public):
    text = unescape(client.get(reverse("public:accessibility")).content.decode())
    assert "partiellement conforme" in text and "Défenseur des droits" in text
    for url in (reverse("public:home", args=[public.org.slug]), reverse("login")):
        assert reverse("public:accessibility") in unescape(client.get(url).content.decode())


def test_it_loads_nothing_from_another_host(client, public):
    for name, args in (("home", [public.org.slug]), ("list", [public.org.slug]), ("laws", [public.org.slug]),
                       ("system", [public.org.slug, public.deployed.pk])):
        text = unescape(client.get(reverse(f"public:{name}", args=args)).content.decode())
        assert "<script" not in text
        assert 'src="http' not in text and 'href="http' not in text.split("<main")[0]


def test_it_serves_a_cached_page_until_the_content_changes(client, public, django_assert_max_num_queries):
    url = reverse("public:system", args=[public.org.slug, public.deployed.pk])
    assert "crèches" in unescape(client.get(url).content.decode())
    with django_assert_max_num_queries(2):
        client.get(url)
    public.deployed.name = "Prévision des places en multi-accueil"
    public.deployed.save()
    from confiance.public import cache as page_cache

    page_cache._generations.clear()  # as after GENERATION_TTL seconds
    assert "multi-accueil" in unescape(client.get(url).content.decode())


def test_it_answers_a_cached_page_before_sessions_and_authentication_run(client, public, cast):
    url = reverse("public:system", args=[public.org.slug, public.deployed.pk])
    first = client.get(url)
    assert hasattr(first.wsgi_request, "user")  # built by the whole stack, then cached
    second = client.get(url)
    assert second.content == first.content
    assert not hasattr(second.wsgi_request, "user")  # answered by CachedPublicPageMiddleware
    client.force_login(cast.agent)
    signed_in = client.get(url)
    assert signed_in.wsgi_request.user == cast.agent  # a session skips the shortcut


def test_a_filter_that_is_not_valid_is_said_and_the_others_still_apply(client, public):
    url = reverse("public:list", args=[public.org.slug])
    text = unescape(client.get(url, {"domain": "waste", "status": "nimporte"}).content.decode())
    assert "crèches" not in text  # the valid domain filter still applies
    assert "filtre non appliqué" in text
