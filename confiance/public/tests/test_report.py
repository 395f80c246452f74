"""The annual report: command, button, figures, charts, PDF, and publication with the ethics opinion."""

from html import unescape

import pytest
from django.core.management import call_command
from django.urls import reverse

from confiance.jobs.runner import run_queued
from confiance.public.models import AnnualReport
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_the_command_makes_the_report_and_its_pdf(public, tmp_path, capsys):
    call_command("report", "2026", "--organisation", public.org.slug, "--pdf", str(tmp_path))
    report = AnnualReport.objects.get(organisation=public.org, year=2026)
    assert report.figures["systems_total"] == 1 and not report.is_published
    assert (tmp_path / f"rapport-ia-{public.org.slug}-2026.pdf").read_bytes()[:5] == b"%PDF-"
    assert "en attente de l'avis" in capsys.readouterr().out


def test_the_report_is_public_only_with_the_ethics_opinion(client, public, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.login(username="referent", password=PASSWORD)
    client.post(reverse("public:generate_report", args=[public.org.slug]), {"year": "2026"})
    report = AnnualReport.objects.get(organisation=public.org, year=2026)
    client.logout()
    assert client.get(reverse("public:report", args=[public.org.slug, 2026])).status_code == 404
    client.login(username="referent", password=PASSWORD)
    client.post(reverse("public:manage_report", args=[public.org.slug, 2026]), {"ethics_opinion": "x"})
    report.refresh_from_db()
    assert not report.is_published  # a steward cannot give the committee's opinion
    client.login(username="ethique", password=PASSWORD)
    client.post(reverse("public:manage_report", args=[public.org.slug, 2026]),
                {"ethics_opinion": "Le comité salue la publication des règles."})
    client.logout()
    page = unescape(client.get(reverse("public:report", args=[public.org.slug, 2026])).content.decode())
    assert "Le comité salue la publication des règles." in page and page.count("<svg") >= 6
    run_queued()  # recording the opinion queued the PDF's printing (public.report_pdf)
    pdf = client.get(reverse("public:report_pdf", args=[public.org.slug, 2026]))
    assert pdf["Content-Type"] == "application/pdf" and b"".join(pdf.streaming_content)[:5] == b"%PDF-"


def test_an_agent_cannot_make_the_report(client, public):
    client.login(username="agent", password=PASSWORD)
    assert client.post(reverse("public:generate_report", args=[public.org.slug]), {"year": "2026"}).status_code == 403
    assert not AnnualReport.objects.exists()
