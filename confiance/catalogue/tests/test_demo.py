"""The demo's catalogue: a few dozen datasets linked to the demo's AI systems, with its deliberate signals."""

import pytest
from django.core.management import call_command

from confiance.catalogue.demo import DATASETS
from confiance.catalogue.models import Dataset, DatasetUse, Signal
from confiance.demo.exemplary import FICTIONAL
from confiance.review.models import Notification

pytestmark = pytest.mark.django_db


def test_it_loads_the_catalogue_with_its_deliberate_signals_and_tells_the_steward():
    call_command("loaddemo", verbosity=0)
    # The demo's illustrative record (confiance.demo.exemplary) brings its own fictional dataset; it is left aside.
    assert Dataset.objects.exclude(title__startswith=FICTIONAL).count() == len(DATASETS) >= 30
    linked = set(DatasetUse.objects.exclude(dataset__title__startswith=FICTIONAL).values_list("system__name",
                                                                                             flat=True))
    assert len(linked) == 5  # every Montpellier system; Nantes keeps its free-text description
    assert set(Signal.objects.values_list("kind", flat=True)) == {
        "duplicate_title", "duplicate_layout", "stale", "ownerless", "no_legal_basis", "retention_past",
        "outside_eu", "open_without_licence", "below_quality_label"}
    assert Notification.objects.filter(person__username="referent", kind="catalogue").exists()
