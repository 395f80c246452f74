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


def _fields_as_read(dataset):
    """What the fields page posts when nothing is changed, with the version it was read at."""
    from confiance.catalogue.forms import DatasetFieldFormSet
    from confiance.catalogue.models import DatasetField
    from confiance.core.concurrency import rows_version

    formset = DatasetFieldFormSet(instance=dataset)
    data = {f"{formset.prefix}-{key}": value for key, value in
            {"TOTAL_FORMS": len(formset.forms), "INITIAL_FORMS": formset.initial_form_count(),
             "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000}.items()}
    for form in formset.forms:
        data.update(form_data(form))
    data["_version"] = rows_version(dataset, DatasetField, "dataset")
    return data


def test_two_people_editing_the_fields_of_a_dataset_lose_nothing_and_see_a_clash(client, cast):
    from confiance.catalogue.models import DatasetField

    dataset = make_dataset(cast.org, owner=cast.agent, service=cast.service)
    for position, name in enumerate(["ecole", "repas"]):
        DatasetField.objects.create(dataset=dataset, name=name, type="string", position=position)
    url = reverse("catalogue:fields", args=[dataset.pk])
    first, second, third = _fields_as_read(dataset), _fields_as_read(dataset), _fields_as_read(dataset)
    assert f'name="_version" value="{first["_version"]}"' in _get_as(client, cast.agent, url)
    first["fields-0-description"] = "Nom de l'école"
    assert client.post(url, first).status_code == 302
    client.force_login(cast.steward)
    second["fields-1-description"] = "Repas servis"  # another row: merged, the first row is not written back
    assert client.post(url, second).status_code == 302
    assert dict(DatasetField.objects.filter(dataset=dataset).values_list("name", "description")) == {
        "ecole": "Nom de l'école", "repas": "Repas servis"}
    third["fields-0-description"] = "Établissement"  # the row the first person changed: a clash
    clash = client.post(url, third)
    assert clash.status_code == 409
    page = clash.content.decode()
    assert "quelqu'un a modifié cette fiche" in page and "Nom de l&#x27;école" in page and "Établissement" in page
    assert DatasetField.objects.get(dataset=dataset, name="ecole").description == "Nom de l'école"
    # The second row, changed by someone else and left alone here, is shown as stored, not as read.
    assert clash.context["formset"].forms[1]["description"].value() == "Repas servis"
    assert clash.context["formset"].forms[0]["description"].value() == "Établissement"  # the typing stays
    history = DatasetField.history.filter(name="repas").values_list("description", flat=True)
    assert list(history.order_by("history_id")) == ["", "Repas servis"]  # no revert recorded
    third.update({"_version": clash.context["version"], "_garder_fields-0": "enregistree",
                  "fields-1-description": "Repas servis"})
    assert client.post(url, third).status_code == 302  # the stored row kept, as chosen
    assert DatasetField.objects.get(dataset=dataset, name="ecole").description == "Nom de l'école"


def _get_as(client, person, url):
    client.force_login(person)
    return client.get(url).content.decode()
