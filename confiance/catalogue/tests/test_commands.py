"""The catalogue's commands: import a DCAT file, recount the signals, start a harvest on the runner."""

import io

import pytest
from django.core.management import CommandError, call_command

from confiance.catalogue.models import Dataset, Harvest, HarvestLog, Signal
from confiance.catalogue.tests.conftest import FIXTURES
from tests.factories import make_dataset


def test_importdcat_imports_a_file_and_logs_it(cast):
    out = io.StringIO()
    call_command("importdcat", cast.org.slug, str(FIXTURES / "opendatasoft-catalog.jsonld"), stdout=out)
    assert "2 nouveau(x)" in out.getvalue()
    assert Dataset.objects.filter(review_status="pending").count() == 2
    assert HarvestLog.objects.get().created == 2


def test_importdcat_refuses_garbage_in_french_and_writes_nothing(cast, tmp_path):
    bad = tmp_path / "catalogue.ttl"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n not rdf at all")
    with pytest.raises(CommandError, match="Rien n'a été modifié"):
        call_command("importdcat", cast.org.slug, str(bad), stdout=io.StringIO())
    assert not Dataset.objects.exists() and HarvestLog.objects.get().status == "failed"


def test_refreshsignals_recounts(cast):
    make_dataset(cast.org, title="Arbres", classification="open", steward=cast.steward)
    out = io.StringIO()
    call_command("refreshsignals", cast.org.slug, stdout=out)
    assert "1 nouveau(x)" in out.getvalue() and Signal.objects.count() == 1


def test_harvestcatalogues_starts_and_follows_a_harvest(cast, ckan):
    harvest = Harvest.objects.create(organisation=cast.org, name="CKAN", url=ckan.base, platform="ckan")
    out = io.StringIO()
    call_command("harvestcatalogues", str(harvest.pk), "--no-follow", stdout=out)
    assert "1 moissonnage(s) lancé(s)" in out.getvalue()
    from confiance.jobs.runner import run_queued

    run_queued()
    assert Dataset.objects.filter(harvest=harvest).count() == 3
