"""Regression tests for finding 1 of issue 15: concurrent edits of a record lose nothing."""

import pytest
from django.urls import reverse

from confiance.core.concurrency import form_data, version_of
from confiance.register.forms import AISystemForm
from confiance.register.models import AISystem

pytestmark = pytest.mark.django_db


def _as_read(system):
    """Return what the edit page posts when the person changes nothing, with its version."""
    system = AISystem.objects.get(pk=system.pk)
    data = form_data(AISystemForm(instance=system, organisations=[system.organisation_id]))
    data["_version"] = version_of(system)
    return data


def _edit_url(system):
    return reverse("register:edit", args=[system.pk])


def test_it_carries_the_version_it_was_read_at(client, cast):
    client.force_login(cast.steward)
    page = client.get(_edit_url(cast.system)).content.decode()
    assert f'name="_version" value="{version_of(cast.system)}"' in page


def test_it_keeps_both_changes_when_two_people_edit_different_fields(client, cast):
    first, second = _as_read(cast.system), _as_read(cast.system)
    client.force_login(cast.steward)
    first["vendor"] = "Régie des eaux"
    assert client.post(_edit_url(cast.system), first).status_code == 302
    second["product"] = "Tournées 3"
    client.force_login(cast.admin)
    assert client.post(_edit_url(cast.system), second).status_code == 302
    cast.system.refresh_from_db()
    assert (cast.system.vendor, cast.system.product) == ("Régie des eaux", "Tournées 3")
    # The history never shows the first change reverted by the second.
    assert [h.vendor for h in cast.system.history.order_by("history_id")] == ["", "Régie des eaux", "Régie des eaux"]


def test_it_shows_a_conflict_with_both_versions_instead_of_overwriting(client, cast):
    first, second = _as_read(cast.system), _as_read(cast.system)
    client.force_login(cast.steward)
    first["vendor"] = "Régie des eaux"
    client.post(_edit_url(cast.system), first)
    second["vendor"] = "Société Tournées"
    second["product"] = "Tournées 3"
    client.force_login(cast.admin)
    response = client.post(_edit_url(cast.system), second)
    assert response.status_code == 409
    page = response.content.decode()
    assert "quelqu'un a modifié cette fiche" in page
    assert "Régie des eaux" in page and "Société Tournées" in page
    assert 'value="Tournées 3"' in page  # the person's typing is kept
    cast.system.refresh_from_db()
    assert cast.system.vendor == "Régie des eaux" and cast.system.product == ""
    # The conflict page carries the new version: the person merges and saves.
    merge = dict(second, _version=version_of(cast.system), _garder_vendor="enregistree")
    assert client.post(_edit_url(cast.system), merge).status_code == 302
    cast.system.refresh_from_db()
    assert (cast.system.vendor, cast.system.product) == ("Régie des eaux", "Tournées 3")


def test_it_loses_none_of_twelve_simultaneous_saves(client, cast):
    reads = [_as_read(cast.system) for _ in range(12)]
    client.force_login(cast.steward)
    outcomes = []
    for i, data in enumerate(reads):
        data["vendor"] = f"Éditeur {i}"
        outcomes.append(client.post(_edit_url(cast.system), data).status_code)
    cast.system.refresh_from_db()
    # One save wins; the eleven others are told, not silently dropped.
    assert outcomes == [302] + [409] * 11
    assert cast.system.vendor == "Éditeur 0"
    assert cast.system.history.count() == 2


def test_a_status_change_never_writes_back_a_stale_copy(cast):
    stale = AISystem.objects.get(pk=cast.system.pk)  # read before someone else's edit
    fresh = AISystem.objects.get(pk=cast.system.pk)
    fresh.vendor = "Régie des eaux"
    fresh.save()
    stale.set_status("retired", reason="Retrait")
    cast.system.refresh_from_db()
    assert (cast.system.status, cast.system.vendor) == ("retired", "Régie des eaux")
    assert [h.vendor for h in cast.system.history.order_by("history_id")] == ["", "Régie des eaux", "Régie des eaux"]
