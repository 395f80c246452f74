"""Issue 15, finding 1 on the dataset form: two people edit one dataset at once and nothing is lost."""

from django.urls import reverse

from confiance.catalogue.forms import DatasetForm
from confiance.catalogue.models import Dataset
from confiance.core.concurrency import form_data, version_of
from tests.factories import make_dataset


def _as_read(dataset):
    data = form_data(DatasetForm(instance=dataset, organisations=[dataset.organisation_id], may_label=False))
    data["_version"] = version_of(dataset)
    return data


def test_it_carries_the_version_it_was_read_at(client, cast):
    dataset = make_dataset(cast.org, owner=cast.agent)
    client.force_login(cast.agent)
    page = client.get(reverse("catalogue:edit", args=[dataset.pk])).content.decode()
    assert f'name="_version" value="{version_of(dataset)}"' in page


def test_it_merges_two_edits_and_shows_a_clash_with_both_versions(client, cast):
    dataset = make_dataset(cast.org, owner=cast.agent, service=cast.service, title="Fréquentation des cantines",
                           description="Repas servis.")
    url = reverse("catalogue:edit", args=[dataset.pk])
    first, second, third = _as_read(dataset), _as_read(dataset), _as_read(dataset)
    client.force_login(cast.agent)
    first["description"] = "Repas servis par école et par jour."
    assert client.post(url, first).status_code == 302
    client.force_login(cast.steward)
    second["title"] = "Cantines : fréquentation"
    assert client.post(url, second).status_code == 302
    dataset = Dataset.objects.get(pk=dataset.pk)
    assert (dataset.title, dataset.description) == ("Cantines : fréquentation", "Repas servis par école et par jour.")
    third["description"] = "Repas réservés."
    response = client.post(url, third)
    assert response.status_code == 409
    page = response.content.decode()
    assert "quelqu&#x27;un a modifié cette fiche" in page or "quelqu'un a modifié cette fiche" in page
    assert "Repas servis par école et par jour." in page and "Repas réservés." in page
    assert Dataset.objects.get(pk=dataset.pk).description == "Repas servis par école et par jour."
    descriptions = [h.description for h in dataset.history.order_by("history_id")]
    assert descriptions == ["Repas servis.", "Repas servis par école et par jour.",
                            "Repas servis par école et par jour."]
