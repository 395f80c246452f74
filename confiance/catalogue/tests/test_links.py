"""Datasets linked to AI systems with a role: both pages list each other, the old text stays until then,
and the checks read the links through the state provider, each problem a reason with its citation."""

from django.urls import reverse

from confiance.catalogue.models import DatasetUse
from confiance.checks.models import CheckResult
from tests.factories import make_dataset


def data_protection_reasons(system):
    report = CheckResult.objects.get(system=system).report
    law3 = next(o for o in report["charter"]["outcomes"] if o["number"] == 3)
    return law3["outcome"], [r["cited"] for r in law3["reasons"]]


def test_it_shows_the_old_free_text_until_datasets_are_linked(client, cast):
    cast.system.datasets_used = "Relevés des capteurs de remplissage des colonnes."
    cast.system.save()
    client.force_login(cast.agent)
    page = client.get(reverse("register:detail", args=[cast.system.pk])).content.decode()
    assert "Relevés des capteurs de remplissage des colonnes." in page and "avant le catalogue" in page
    dataset = make_dataset(cast.org, title="Remplissage des colonnes")
    DatasetUse.objects.create(dataset=dataset, system=cast.system, role="input")
    page = client.get(reverse("register:detail", args=[cast.system.pk])).content.decode()
    assert "Remplissage des colonnes" in page and "avant le catalogue" not in page
    cast.system.refresh_from_db()
    assert cast.system.datasets_used == "Relevés des capteurs de remplissage des colonnes."  # kept, not lost


def test_it_links_from_the_record_and_lists_the_system_on_the_dataset_page(client, cast):
    dataset = make_dataset(cast.org, title="Tournées de collecte")
    client.force_login(cast.agent)  # the record's owner, still a draft
    response = client.post(reverse("catalogue:link", args=[cast.system.pk]),
                           {"dataset": dataset.pk, "role": "training", "note": "historique 2019-2024"})
    assert response.status_code == 302
    use = DatasetUse.objects.get()
    assert (use.role, use.history.count()) == ("training", 1)
    again = client.post(reverse("catalogue:link", args=[cast.system.pk]), {"dataset": dataset.pk, "role": "training"})
    assert "déjà lié" in again.content.decode() and DatasetUse.objects.count() == 1
    page = client.get(reverse("catalogue:detail", args=[dataset.pk])).content.decode()
    assert cast.system.name in page and "Entraînement" in page


def test_it_refuses_to_link_for_someone_who_cannot_edit_the_record(client, cast):
    dataset = make_dataset(cast.org)
    client.force_login(cast.dpo)
    assert client.post(reverse("catalogue:link", args=[cast.system.pk]),
                       {"dataset": dataset.pk, "role": "input"}).status_code == 404
    assert not DatasetUse.objects.exists()


def test_it_turns_personal_data_reaching_a_system_that_says_none_into_a_cited_reason(cast):
    assert data_protection_reasons(cast.system)[0] == "not_applicable"
    dataset = make_dataset(cast.org, title="Dossiers de l'action sociale", classification="sensitive",
                           legal_basis="public_task", sensitive_condition="h", hosting_country="US")
    DatasetUse.objects.create(dataset=dataset, system=cast.system, role="input")
    outcome, cited = data_protection_reasons(cast.system)
    assert outcome == "to_do"
    assert {c.split(", ", 1)[1] for c in cited} == {"art. 30, § 1", "art. 44 à 46", "art. 35, § 3, b)"}
    dataset.transfer_basis, dataset.hosting_country = "", "FR"
    dataset.save()  # a change of the dataset recomputes the systems it feeds
    assert {c.split(", ", 1)[1] for c in data_protection_reasons(cast.system)[1]} == {"art. 30, § 1", "art. 35, § 3, b)"}
    DatasetUse.objects.get().delete()
    assert data_protection_reasons(cast.system)[0] == "not_applicable"
