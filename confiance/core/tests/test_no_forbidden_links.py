"""People only see links they may follow: crawl the demo as each role and meet no 403."""

import re
from urllib.parse import urljoin, urlparse

import pytest
from django.core.management import call_command

from confiance.accounts.models import Person

pytestmark = pytest.mark.django_db

HREF = re.compile(r'<a [^>]*href="([^"#]+)"')
SKIP = ("/admin/", "/deconnexion/", "/api/", "/static/", "/media/", "/public/schemas/")
MAX_PAGES = 60


def crawl(client):
    """Follow every internal link breadth-first from "/", up to MAX_PAGES; return {url: status}."""
    seen, queue, statuses = set(), ["/"], {}
    while queue and len(statuses) < MAX_PAGES:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        statuses[url] = response.status_code
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        for href in HREF.findall(response.content.decode()):
            target = urljoin(url, href.replace("&amp;", "&"))
            parsed = urlparse(target)
            if parsed.netloc or not parsed.path.startswith("/") or parsed.path.startswith(SKIP):
                continue
            if re.search(r"\.(pdf|csv|json|ttl|rdf)$", parsed.path) or "/documents/" in parsed.path:
                continue
            queue.append(parsed.path + (f"?{parsed.query}" if parsed.query else ""))
    return statuses


def test_it_shows_each_role_no_link_that_answers_403(client):
    call_command("loaddemo", stdout=open("/dev/null", "w"))
    for username in ("agent", "referent", "dpo", "comite", "ethique", "admin", "nantes"):
        client.force_login(Person.objects.get(username=username))
        statuses = crawl(client)
        forbidden = [url for url, status in statuses.items() if status in (403, 500)]
        assert len(statuses) > 10
        assert not forbidden, f"{username} : liens menant à une page refusée : {forbidden}"
