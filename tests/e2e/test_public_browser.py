"""Every public page in a real browser: works without JavaScript, nothing from another host, at most 60 KB,
no serious or critical axe-core violation, and EcoIndex grade A.

The EcoIndex is computed by the reference implementation, the ecoindex-compute package (cnumr, licence
CC BY-NC-ND 4.0, used unmodified), from the three figures its method measures: the number of DOM elements
(SVG children excluded), the number of requests and the kilobytes transferred.
"""

from urllib.parse import urlparse

import pytest
from django.urls import reverse
from ecoindex.compute import compute_ecoindex

from confiance.public.models import AnnualReport, Notice, PublicProfile
from tests.factories import make_organisation, make_person, make_service, make_system

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAX_BYTES = 60 * 1024
MEASURES = {}  # url -> (dom, requests, bytes, score, grade), printed at the end


def run(coroutine):
    """Run one of ecoindex's coroutines (they await nothing) without an event loop of our own."""
    try:
        coroutine.send(None)
    except StopIteration as stop:
        return stop.value
    raise RuntimeError("the coroutine awaited something")


@pytest.fixture(autouse=True)
def fresh_page_cache():
    from django.core.cache import cache

    from confiance.public import cache as page_cache

    cache.clear()
    page_cache._generations.clear()


@pytest.fixture
def site(db):
    org = make_organisation(name="Ville de Démo", slug="ville-demo", kind="commune")
    PublicProfile.objects.create(organisation=org, contact_email="ia@ville-demo.fr",
                                 introduction="La ville publie ici chaque usage de l'IA.")
    service = make_service(org, name="Direction de la petite enfance")
    steward = make_person(org, ["steward"], services=[service], username="referent", email="ref@ville-demo.fr")
    system = make_system(org, service=service, steward=steward, name="Aide à l'attribution des places en crèche",
                         status="deployed", domain="early_childhood", citizen_facing=True, decision_role="prepares",
                         datasets_used="Demandes de place déposées par les familles.", personal_data=True,
                         human_oversight="La commission d'attribution décide de chaque place.")
    Notice.objects.create(system=system)
    for n in range(24):  # a full first page and a second page
        make_system(org, service=service, name=f"Système public n° {n:02d}", status="experimenting" if n % 2 else
                    "deployed", public_summary="Aide les agents à organiser les tournées et les plannings.")
    AnnualReport.objects.create(organisation=org, year=2026, figures={}, ethics_opinion="Avis favorable.")
    from confiance.public import reports

    report = reports.generate(org, 2026)
    report.opinion_recorded_at = report.generated_at
    report.save()
    return org, system


def measure(page, url):
    """Load `url` in a fresh page; return (dom elements, requests, transferred bytes, hosts)."""
    client = page.context.new_cdp_session(page)
    client.send("Network.enable")
    client.send("Network.setCacheDisabled", {"cacheDisabled": True})
    sizes, hosts = {}, set()
    client.on("Network.requestWillBeSent", lambda e: hosts.add(urlparse(e["request"]["url"]).netloc))
    client.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
    page.goto(url, wait_until="load")
    page.wait_for_timeout(150)
    dom = page.evaluate("""() => document.getElementsByTagName('*').length
        - document.querySelectorAll('svg *').length""")
    client.detach()
    return dom, len(sizes), sum(sizes.values()), hosts


def public_pages(live_server, org, system):
    slug = org.slug
    names = [("home", [slug]), ("list", [slug]), ("laws", [slug]), ("open_data", [slug]), ("reports", [slug]),
             ("report", [slug, 2026]), ("system", [slug, system.pk]), ("versions", [slug, system.pk]),
             ("version", [slug, system.pk, 1]), ("notice", [slug, system.pk]), ("request", [slug, system.pk]),
             ("error_report", [slug, system.pk])]
    urls = [live_server.url + reverse(f"public:{n}", args=a) for n, a in names]
    return urls + [f"{live_server.url}{reverse('public:list', args=[slug])}?q=creche&page=1",
                   live_server.url + reverse("public:accessibility")]


def test_every_public_page_is_light_accessible_and_grade_a(browser, live_server, site, assert_accessible):
    org, system = site
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    failures = []
    for url in public_pages(live_server, org, system):
        dom, requests, size, hosts = measure(page, url)
        assert hosts <= {urlparse(live_server.url).netloc}, (url, hosts)
        assert_accessible(page)
        eco = run(compute_ecoindex(nodes=dom, size=size / 1024, requests=requests))
        MEASURES[url.removeprefix(live_server.url)] = (dom, requests, size, eco.score, eco.grade)
        if size > MAX_BYTES or eco.grade != "A":
            failures.append((url, dom, requests, size, eco.score, eco.grade))
    context.close()
    print("\nPage  DOM  requêtes  octets  EcoIndex")
    for url, (dom, requests, size, score, grade) in MEASURES.items():
        print(f"{url}  {dom}  {requests}  {size}  {score} {grade}")
    assert not failures, failures


def test_no_public_page_is_wider_than_a_phone(browser, live_server, site):
    """At 375 px nothing scrolls sideways, long web addresses written in a sentence included."""
    org, system = site
    context = browser.new_context(locale="fr-FR", viewport={"width": 375, "height": 800})
    page = context.new_page()
    wide = []
    for url in public_pages(live_server, org, system):
        page.goto(url)
        scroll, client = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if scroll > client:
            wide.append((url, scroll))
    context.close()
    assert not wide, wide


def test_the_public_site_works_without_javascript(browser, live_server, site):
    org, system = site
    context = browser.new_context(locale="fr-FR", java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + reverse("public:list", args=[org.slug]))
    page.get_by_label("Rechercher").fill("CRECHE attribution")
    page.get_by_role("button", name="Filtrer").click()
    assert page.get_by_role("link", name="Aide à l'attribution des places en crèche").is_visible()
    assert "1 système" in page.get_by_role("status").inner_text()
    page.get_by_role("link", name="Aide à l'attribution des places en crèche").click()
    page.get_by_role("link", name="Demander les règles de l'algorithme").click()
    page.get_by_label("La décision qui vous concerne").fill("Refus d'une place en crèche le 3 mars.")
    page.get_by_label("Vos nom et prénom").fill("Jeanne Martin")
    page.get_by_label("Votre adresse électronique, pour recevoir la réponse").fill("jeanne@example.org")
    page.get_by_role("button", name="Envoyer").click()
    assert page.get_by_role("heading", name="Votre demande est bien reçue").is_visible()
    assert "DE-" in page.locator("main").inner_text()
    context.close()
