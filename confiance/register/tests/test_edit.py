import pytest
from django.urls import reverse

from tests.factories import system_form_data

pytestmark = pytest.mark.django_db


def _post(client, system, **overrides):
    data = system_form_data(name=system.name, **overrides)
    data["service"] = system.service_id or ""
    return client.post(reverse("register:edit", args=[system.pk]), data)


def test_it_saves_the_change_and_records_who_made_it(client, cast):
    client.force_login(cast.steward)
    response = _post(client, cast.system, vendor="Éditeur libre")
    assert response.status_code == 302
    cast.system.refresh_from_db()
    assert cast.system.vendor == "Éditeur libre"
    latest = cast.system.history.first()
    assert latest.history_user == cast.steward and latest.vendor == "Éditeur libre"


def test_it_changes_nothing_when_one_field_is_wrong(client, cast):
    client.force_login(cast.steward)
    original_name = cast.system.name
    response = _post(client, cast.system, vendor="Nouveau", team_size="2", team_women="9")
    assert response.status_code == 200
    cast.system.refresh_from_db()
    assert cast.system.vendor == "" and cast.system.name == original_name
    assert cast.system.history.count() == 1


def test_it_does_not_let_the_organisation_change(client, cast):
    client.force_login(cast.admin)
    data = system_form_data(name=cast.system.name)
    data["organisation"] = cast.other_org.pk
    client.post(reverse("register:edit", args=[cast.system.pk]), data)
    cast.system.refresh_from_db()
    assert cast.system.organisation == cast.org


def test_it_retires_instead_of_deleting_and_keeps_the_history(client, cast):
    client.force_login(cast.steward)
    page = client.get(reverse("register:retire", args=[cast.system.pk]))
    assert page.status_code == 200 and "n'apparaîtra pas sur le site public" in page.content.decode()
    response = client.post(reverse("register:retire", args=[cast.system.pk]), {"reason": "Projet abandonné"})
    assert response.status_code == 302
    cast.system.refresh_from_db()
    assert cast.system.status == "retired"
    assert cast.system.history.first().history_change_reason == "Brouillon → Retiré : Projet abandonné"
    assert cast.system.history.count() == 2


def test_it_asks_for_a_reason_before_retiring_and_changes_nothing_without_one(client, cast):
    client.force_login(cast.steward)
    response = client.post(reverse("register:retire", args=[cast.system.pk]), {"reason": " "})
    assert response.status_code == 200 and "Indiquez le motif" in response.content.decode()
    cast.system.refresh_from_db()
    assert cast.system.status == "draft" and cast.system.history.count() == 1


def test_it_forbids_retiring_to_those_who_cannot_edit(client, cast):
    client.force_login(cast.dpo)
    assert client.get(reverse("register:retire", args=[cast.system.pk])).status_code == 403
    assert client.post(reverse("register:retire", args=[cast.system.pk]), {"reason": "x"}).status_code == 403
    cast.system.refresh_from_db()
    assert cast.system.status == "draft"
