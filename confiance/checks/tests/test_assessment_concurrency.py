"""Regression tests for finding 1 of issue 15 on the DPIA and FRIA forms: concurrent edits lose nothing."""

import datetime

import pytest
from django.urls import reverse

from confiance.checks.forms import DPIAForm
from confiance.checks.models import DPIA
from confiance.core.concurrency import form_data, version_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def dpia(cast):
    return DPIA.objects.create(system=cast.system, carried_out_on=datetime.date(2026, 3, 2), conclusion="acceptable",
                               residual_risks="Réidentification.", measures="Pseudonymisation.",
                               dpo_opinion="Favorable.")


def _as_read(dpia):
    data = form_data(DPIAForm(instance=DPIA.objects.get(pk=dpia.pk)))
    data["_version"] = version_of(dpia)
    return data


def test_it_merges_two_edits_of_different_fields(client, cast, dpia):
    url = reverse("checks:dpia", args=[cast.system.pk])
    first, second = _as_read(dpia), _as_read(dpia)
    client.force_login(cast.steward)
    first["measures"] = "Pseudonymisation et chiffrement."
    assert client.post(url, first).status_code == 302
    second["dpo_opinion"] = "Favorable sous réserve."
    assert client.post(url, second).status_code == 302
    dpia.refresh_from_db()
    assert (dpia.measures, dpia.dpo_opinion) == ("Pseudonymisation et chiffrement.", "Favorable sous réserve.")


def test_it_shows_the_conflict_when_both_change_the_same_field(client, cast, dpia):
    url = reverse("checks:dpia", args=[cast.system.pk])
    first, second = _as_read(dpia), _as_read(dpia)
    client.force_login(cast.steward)
    first["measures"] = "Chiffrement."
    client.post(url, first)
    second["measures"] = "Minimisation."
    response = client.post(url, second)
    assert response.status_code == 409
    assert "Chiffrement." in response.content.decode() and "Minimisation." in response.content.decode()
    dpia.refresh_from_db()
    assert dpia.measures == "Chiffrement."
