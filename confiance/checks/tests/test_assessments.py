import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from confiance.checks.models import DPIA, FRIA

pytestmark = pytest.mark.django_db

DPIA_DATA = {
    "carried_out_on": "2026-03-02", "conclusion": "with_measures", "residual_risks": "Réidentification.",
    "measures": "Pseudonymisation.", "dpo_opinion": "Favorable.",
}


def test_it_records_a_dpia_and_law_3_follows(client, cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    cast.system.personal_data = True
    cast.system.save()
    from confiance.checks.models import Questionnaire

    Questionnaire.objects.create(system=cast.system, answers={"evaluation_or_scoring": True, "large_scale": True})
    assert dict(cast.system.law_outcomes.values_list("number", "outcome"))[3] == "to_do"
    client.force_login(cast.steward)
    document = SimpleUploadedFile("aipd.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    response = client.post(reverse("checks:dpia", args=[cast.system.pk]), {**DPIA_DATA, "document": document})
    assert response.status_code == 302
    assert DPIA.objects.get(system=cast.system).conclusion == "with_measures"
    assert dict(cast.system.law_outcomes.values_list("number", "outcome"))[3] == "met"


def test_it_refuses_a_document_of_the_wrong_type_and_saves_nothing(client, cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(cast.steward)
    document = SimpleUploadedFile("aipd.exe", b"MZ", content_type="application/octet-stream")
    response = client.post(reverse("checks:dpia", args=[cast.system.pk]), {**DPIA_DATA, "document": document})
    assert response.status_code == 200
    assert "document" in response.context["form"].errors
    assert not DPIA.objects.exists()


def test_it_records_a_fria_with_every_article_27_field(client, cast):
    client.force_login(cast.admin)
    url = reverse("checks:fria", args=[cast.system.pk])
    incomplete = client.post(url, {"carried_out_on": "2026-03-02", "process": "Instruction des demandes."})
    assert incomplete.status_code == 200 and "specific_risks" in incomplete.context["form"].errors
    assert not FRIA.objects.exists()
    data = {"carried_out_on": "2026-03-02", "process": "p", "period_and_frequency": "f", "people_affected": "a",
            "specific_risks": "r", "human_oversight": "h", "measures_if_risks_materialise": "m"}
    assert client.post(url, data).status_code == 302
    assert FRIA.objects.get(system=cast.system).specific_risks == "r"
