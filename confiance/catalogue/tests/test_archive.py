"""The organisation's archive carries the catalogue, its history included."""

import json

import pytest
from django.core.management import call_command

from confiance.accounts.models import Organisation
from confiance.catalogue.models import CatalogueProfile, Dataset, DatasetField, DatasetUse, Harvest, HarvestLog, Signal
from confiance.catalogue.sprawl import refresh_signals
from confiance.portability.archive import export_organisation, import_archive
from tests.factories import make_dataset

pytestmark = pytest.mark.django_db(transaction=True)


def test_it_restores_the_catalogue_exactly(cast):
    CatalogueProfile.objects.create(organisation=cast.org, siret="24340001700019", required_quality_label=1)
    harvest = Harvest.objects.create(organisation=cast.org, name="Portail", url="https://data.example.fr")
    dataset = make_dataset(cast.org, title="Dossiers sociaux", classification="closed", shared_with=[cast.other_org],
                           steward=cast.steward, harvest=harvest)
    dataset.title = "Dossiers de l'action sociale"
    dataset.save()
    DatasetField.objects.create(dataset=dataset, name="nom", personal=True)
    DatasetUse.objects.create(dataset=dataset, system=cast.system, role="training")
    HarvestLog.objects.create(organisation=cast.org, harvest=harvest, source=harvest.url, created=3)
    refresh_signals(cast.org, notify_people=False)
    archive = json.loads(json.dumps(export_organisation(cast.org)))
    models = {o["model"] for o in archive["objects"]}
    assert {"catalogue.dataset", "catalogue.historicaldataset", "catalogue.datasetuse", "catalogue.datasetfield",
            "catalogue.harvest", "catalogue.harvestlog", "catalogue.signal", "catalogue.catalogueprofile"} <= models

    call_command("flush", interactive=False)
    import_archive(archive)
    restored = Dataset.objects.get()
    assert restored.title == "Dossiers de l'action sociale" and restored.history.count() == 2
    assert restored.shared_with == ["autre-ville"] and restored.uses.get().role == "training"
    assert Signal.objects.filter(datasets=restored).exists()
    org = Organisation.objects.get(slug=cast.org.slug)
    again = json.loads(json.dumps(export_organisation(org)))
    assert {k: v for k, v in again.items() if k != "exported_at"} == {
        k: v for k, v in archive.items() if k != "exported_at"}
