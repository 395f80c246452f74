"""The steward's review of what harvests and imports bring in: accept, reject, or merge with a hand-made record."""

from django.db import transaction

from confiance.catalogue.choices import ReviewStatus
from confiance.catalogue.harvesting import RECORD_FIELDS


def _save(dataset, person, reason):
    dataset._history_user = person
    dataset._change_reason = reason
    dataset.save()


def accept(dataset, person):
    dataset.review_status = ReviewStatus.ACCEPTED
    _save(dataset, person, "Accepté dans le catalogue")


def reject(dataset, person):
    dataset.review_status = ReviewStatus.REJECTED
    _save(dataset, person, "Écarté par le référent")


@transaction.atomic
def merge(dataset, target, person):
    """Merge harvested `dataset` into hand-made `target`: the target takes the source's identity, so later
    harvests update it; its empty fields take the harvested values; its own text and governance stay."""
    for name in RECORD_FIELDS:
        if name in ("uri", "identifier"):
            continue
        if getattr(target, name) in ("", None, []):
            setattr(target, name, getattr(dataset, name))
    target.uri, target.identifier = dataset.uri, dataset.identifier
    target.harvest, target.source_hash, target.withdrawn = dataset.harvest, dataset.source_hash, dataset.withdrawn
    dataset.review_status, dataset.merged_into, dataset.uri = ReviewStatus.MERGED, target, ""
    _save(dataset, person, f"Fusionné avec « {target.title} »")
    _save(target, person, f"Fusion du jeu moissonné « {dataset.title} »")
