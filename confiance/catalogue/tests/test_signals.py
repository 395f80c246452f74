"""Sprawl and risk signals: stored from the rules, resolved when fixed, sent to the steward's inbox,
shown on the dashboard with links to datasets and stewards, and exported as CSV."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from confiance.catalogue.models import CatalogueProfile, DatasetUse, Signal
from confiance.catalogue.sprawl import refresh_signals
from confiance.jobs.models import Job
from confiance.jobs.runner import run_queued
from confiance.review.models import Notification
from tests.factories import make_dataset


def test_it_stores_new_signals_and_tells_the_steward_once(cast, django_capture_on_commit_callbacks):
    make_dataset(cast.org, title="Collecte des déchets 2023", steward=cast.steward, service=cast.service)
    make_dataset(cast.org, title="Déchets : collecte 2024", steward=cast.steward, service=cast.service)
    make_dataset(cast.org, title="Dossiers sociaux", classification="personal", steward=cast.steward)
    with django_capture_on_commit_callbacks(execute=True):
        assert refresh_signals(cast.org, today=date(2026, 6, 1)) == (2, 0)
    assert set(Signal.objects.values_list("kind", flat=True)) == {"duplicate_title", "no_legal_basis"}
    note = Notification.objects.get(person=cast.steward)
    assert note.kind == "catalogue" and "2 nouveau(x) signal(aux)" in note.subject and "art. 6" in note.body
    with django_capture_on_commit_callbacks(execute=True):
        assert refresh_signals(cast.org, today=date(2026, 6, 1)) == (0, 0)  # nothing new: no new message
    assert Notification.objects.filter(person=cast.steward).count() == 1


def test_it_resolves_a_signal_once_the_dataset_is_fixed(cast):
    dataset = make_dataset(cast.org, title="Dossiers sociaux", classification="personal", steward=cast.steward)
    refresh_signals(cast.org, notify_people=False)
    dataset.legal_basis = "public_task"
    dataset.save()
    assert refresh_signals(cast.org, notify_people=False) == (0, 1)
    assert Signal.objects.get().resolved_at is not None


def test_it_sends_an_ownerless_datasets_signal_to_the_stewards_of_its_service(cast):
    make_dataset(cast.org, title="Sans maître", service=cast.service)
    refresh_signals(cast.org, notify_people=False)
    assert Signal.objects.get(kind="ownerless").steward == cast.steward


def test_it_flags_a_system_fed_below_the_committees_label(cast):
    CatalogueProfile.objects.create(organisation=cast.org, required_quality_label=2)
    dataset = make_dataset(cast.org, title="Capteurs", quality_label=1, steward=cast.steward)
    DatasetUse.objects.create(dataset=dataset, system=cast.system)
    refresh_signals(cast.org, notify_people=False)
    signal = Signal.objects.get(kind="below_quality_label")
    assert signal.system == cast.system and list(signal.datasets.all()) == [dataset]


def test_the_dashboard_links_each_signal_to_its_datasets_and_steward(client, cast):
    dataset = make_dataset(cast.org, title="Dossiers sociaux", classification="personal", steward=cast.steward)
    refresh_signals(cast.org, notify_people=False)
    client.force_login(cast.dpo)
    page = client.get(reverse("catalogue:dashboard")).content.decode()
    assert reverse("catalogue:detail", args=[dataset.pk]) in page and str(cast.steward) in page
    assert "Données personnelles sans base légale" in page
    client.force_login(cast.stranger)
    assert "Dossiers sociaux" not in client.get(reverse("catalogue:dashboard")).content.decode()


def test_it_exports_the_open_signals_as_csv(client, cast):
    dataset = make_dataset(cast.org, title="Arbres", classification="open", steward=cast.steward)
    refresh_signals(cast.org, notify_people=False)
    client.force_login(cast.agent)
    response = client.get(reverse("catalogue:signals_csv"))
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert response["Content-Type"].startswith("text/csv")
    assert [(r["type"], r["jeux_de_donnees"]) for r in rows] == [("Données ouvertes sans licence", "Arbres")]
    assert rows[0]["urls"].endswith(reverse("catalogue:detail", args=[dataset.pk]))


def test_the_recount_runs_on_the_background_runner(client, cast):
    make_dataset(cast.org, title="Arbres", classification="open")
    client.force_login(cast.admin)
    response = client.post(reverse("catalogue:signals_refresh"), {"organisation": cast.org.pk})
    assert response.status_code == 302 and "/taches/" in response["Location"]
    assert not Signal.objects.exists()
    run_queued()
    assert Signal.objects.filter(kind="open_without_licence").exists()


@pytest.mark.parametrize("tampered", ["abc", "", "1e3", "-1", "12 OR 1=1", "😀", "99999999999999999999", "١٢"])
def test_the_recount_refuses_a_tampered_organisation_and_queues_nothing(client, cast, tampered):
    client.force_login(cast.admin)
    response = client.post(reverse("catalogue:signals_refresh"), {"organisation": tampered})
    assert response.status_code == 404
    assert not Job.objects.exists()


@pytest.mark.parametrize("steward", ["99999999999999999999", "abc", "-3", "١٢"])
def test_the_dashboard_ignores_a_tampered_steward_filter(client, cast, steward):
    client.force_login(cast.dpo)
    response = client.get(reverse("catalogue:dashboard"), {"steward": steward})
    assert response.status_code == 200
