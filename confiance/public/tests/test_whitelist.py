"""No non-public field reaches any public page, export or JSON answer."""

from html import unescape

import pytest
from django.urls import reverse

from confiance.checks.models import DPIA
from confiance.public.models import ExplanationRequest
from confiance.public.records import public_record
from confiance.rules import transparency
from tests.factories import make_system

pytestmark = pytest.mark.django_db

SENTINELS = ["Zorglub-Owner", "Zorglub-Steward", "Zorglub-Creator", "zorglub-login", "Zorglub-DPIA",
             "Zorglub-Requester", "zorglub@requester.example", "Zorglub-Decision"]


@pytest.fixture
def secrets(public):
    public.agent.first_name, public.agent.last_name, public.agent.username = "Zorglub-Owner", "X", "zorglub-login"
    public.agent.save()
    public.steward.first_name = "Zorglub-Steward"
    public.steward.save()
    system = public.deployed
    system.team_size, system.team_women = 9871, 9872
    system.save()
    # Law 9's indicator publishes the organisation's totals, never one record's counts.
    make_system(public.org, team_size=1000, team_women=1000)
    DPIA.objects.create(system=system, carried_out_on="2026-01-05", conclusion="acceptable",
                        residual_risks="Zorglub-DPIA", measures="Zorglub-DPIA", dpo_opinion="Zorglub-DPIA")
    ExplanationRequest.objects.create(system=system, reference="DE-2026-09999", due_on="2026-02-01",
                                      requester_name="Zorglub-Requester", requester_email="zorglub@requester.example",
                                      decision="Zorglub-Decision", message="Zorglub-Decision")
    return public


def public_urls(c):
    slug, pk = c.org.slug, c.deployed.pk
    urls = [reverse(f"public:{n}", args=[slug]) for n in ("home", "list", "laws", "open_data", "reports")]
    urls += [reverse(f"public:{n}", args=[slug, pk]) for n in
             ("system", "system_json", "versions", "notice", "notice_json", "request", "error_report")]
    urls += [reverse("public:version", args=[slug, pk, 1]), reverse("public:acknowledgement", args=[slug, "DE-2026-09999"])]
    urls += [reverse("public:export", args=[slug, f]) for f in ("csv", "json", "jsonld")]
    urls += [reverse("public:standard", args=[slug, k]) for k in ("eurocities", "algoritmeregister", "etalab")]
    urls += [reverse("public:dcat", args=[slug, f]) for f in ("ttl", "rdf")]
    return urls + [reverse("public:index"), reverse("public:accessibility")]


def test_it_keeps_every_private_value_off_the_public_site(client, secrets):
    for url in public_urls(secrets):
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        text = unescape(response.content.decode())
        for sentinel in SENTINELS + ["9871", "9872"]:
            assert sentinel not in text, (sentinel, url)


def test_it_builds_the_public_record_from_whitelisted_fields_only(secrets):
    record = public_record(secrets.deployed)
    assert not set(record) & set(transparency.PRIVATE_FIELDS) - {"organisation", "service", "id"}
    assert record["organisation"] == secrets.org.name  # the name only, never the object


def test_it_keeps_the_api_closed_to_anonymous_readers(client, secrets):
    response = client.get("/api/systems")
    assert response.status_code in (401, 403, 404)
    assert "Zorglub" not in response.content.decode()
