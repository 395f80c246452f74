"""Regression tests for finding 4 of issue 15 on the record form: large input is refused in French, typing kept."""

import pytest
from django.urls import reverse

from confiance.core.concurrency import form_data, version_of
from confiance.register.forms import AISystemForm

pytestmark = pytest.mark.django_db


def _as_read(system):
    data = form_data(AISystemForm(instance=system, organisations=[system.organisation_id]))
    data["_version"] = version_of(system)
    return data


def test_it_says_the_limit_next_to_each_text_field(client, cast):
    client.force_login(cast.steward)
    page = client.get(reverse("register:edit", args=[cast.system.pk])).content.decode()
    assert 'maxlength="50000"' in page
    assert "50\u202f000 caractères au plus" in page


def test_it_keeps_the_typing_when_a_text_is_too_long(client, cast, settings):
    settings.TEXT_FIELD_MAX_CHARS = 100
    client.force_login(cast.steward)
    data = _as_read(cast.system)
    data["purpose"] = "Trop long. " * 20
    data["vendor"] = "Régie"
    response = client.post(reverse("register:edit", args=[cast.system.pk]), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "100 caractères" in page and "Trop long. Trop long." in page and 'value="Régie"' in page
    cast.system.refresh_from_db()
    assert cast.system.vendor == ""


def test_it_answers_a_body_over_the_limit_with_a_french_page(client, cast, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2000
    client.force_login(cast.steward)
    data = _as_read(cast.system)
    data["purpose"] = "x" * 5000
    response = client.post(reverse("register:edit", args=[cast.system.pk]), data)
    assert response.status_code == 413
    page = response.content.decode()
    assert "Envoi trop volumineux" in page and "Votre saisie n'est pas perdue" in page
    cast.system.refresh_from_db()
    assert cast.system.purpose != "x" * 5000
