"""The guided questionnaire is pre-filled from the datasets linked to a record (issue #11)."""

from django.urls import reverse

from confiance.catalogue.models import DatasetUse
from confiance.checks.inputs import prefill_for
from tests.factories import make_dataset


def test_it_prefills_personal_and_sensitive_data_from_linked_datasets(cast):
    assert prefill_for(cast.system)["personal_data"][0] is False  # the record says no
    open_data = make_dataset(cast.org, title="Tournées de collecte", classification="open")
    DatasetUse.objects.create(dataset=open_data, system=cast.system, role="input")
    assert prefill_for(cast.system)["personal_data"][0] is False  # open data says nothing of people
    files = make_dataset(cast.org, title="Dossiers d'accompagnement social", classification="sensitive",
                         legal_basis="public_task", sensitive_condition="h", retention_months=24)
    DatasetUse.objects.create(dataset=files, system=cast.system, role="training")
    prefill = prefill_for(cast.system)
    assert prefill["personal_data"] == (True, "le catalogue des données (« Dossiers d'accompagnement social »)")
    assert prefill["sensitive_data"][0] is True


def test_it_says_on_the_questionnaire_that_the_answer_came_from_the_catalogue(client, cast):
    files = make_dataset(cast.org, title="Fichier des usagers", classification="personal",
                         legal_basis="public_task", retention_months=12)
    DatasetUse.objects.create(dataset=files, system=cast.system, role="input")
    client.force_login(cast.agent)
    page = client.get(reverse("checks:section", args=[cast.system.pk, "donnees"])).content.decode()
    assert "Pré-rempli d'après le catalogue des données (« Fichier des usagers »)" in page
