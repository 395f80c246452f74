"""Import DCAT documents and harvest portals: read everything first, then apply it in one transaction.

New datasets come in "pending" (ReviewStatus.PENDING): the steward accepts, rejects or merges
each with a hand-made record before it counts in the catalogue. A dataset already known (same
URI in the organisation) is updated when its content changed, left alone otherwise; a harvest
marks as withdrawn the datasets of its portal that are no longer published. Any error while
fetching or reading leaves the catalogue as it was, and the log says why, in French.
"""

import time
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from confiance.catalogue import dcat
from confiance.catalogue.choices import PLATFORM_PATHS, Classification, ReviewStatus
from confiance.catalogue.fetch import fetch
from confiance.catalogue.models import Dataset, Harvest, HarvestLog
from confiance.core.batches import let_writers_in
from confiance.register.search import fold

RECORD_FIELDS = ["uri", "identifier", "title", "description", "keywords", "theme", "frequency", "issued",
                 "last_updated", "temporal_start", "temporal_end", "licence", "licence_other", "landing_page",
                 "schema_url", "distributions"]
MAX_PAGES = 500
BATCH = 2000


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    withdrawn: int = 0

    def summary(self):
        return (f"{self.created} nouveau(x), {self.updated} modifié(s), {self.unchanged} inchangé(s), "
                f"{self.withdrawn} retiré(s)")


def read_document(data, content_type="", name="", progress=None):
    """Return the dataset records of one DCAT document (bytes), or raise DcatError."""
    fmt = dcat.guess_format(data, content_type, name)
    return dcat.parse_catalogue(dcat.parse_graph(data, fmt), progress=progress)


def catalogue_url(url, platform):
    """Return the DCAT address of a portal: its own URL, or the platform's usual path when only the portal is given."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if parts.path in ("", "/") and not parts.query and PLATFORM_PATHS.get(platform):
        return url.rstrip("/") + PLATFORM_PATHS[platform]
    return url


def read_url(url, progress=None):
    """Return the dataset records of a DCAT URL, following hydra pages; raise FetchError or DcatError."""
    records, seen_pages = [], set()
    while url and url not in seen_pages and len(seen_pages) < MAX_PAGES:
        seen_pages.add(url)
        body, content_type, final_url = fetch(url)
        graph = dcat.parse_graph(body, dcat.guess_format(body, content_type, final_url))
        records += dcat.parse_catalogue(graph, allow_empty=bool(seen_pages - {url}) or bool(records))
        if progress:
            progress(len(records), None, f"Page {len(seen_pages)} lue : {len(records)} jeux de données.")
        following = dcat.next_page(graph)
        url = following if following and following != final_url else None
    if not records:
        raise dcat.DcatError("Le catalogue ne décrit aucun jeu de données DCAT (dcat:Dataset).")
    unique = {}
    for record in records:
        unique.setdefault(record["uri"], record)
    return list(unique.values())


def _new_dataset(organisation, harvest, record, digest, service_id=None):
    dataset = Dataset(organisation=organisation, harvest=harvest, review_status=ReviewStatus.PENDING, service_id=service_id,
                      classification=Classification.OPEN, source_hash=digest,
                      **{k: v for k, v in record.items() if k in RECORD_FIELDS})
    dataset.search_text = dataset.compute_search_text()
    return dataset


def apply_records(organisation, records, *, harvest=None, withdraw=False, progress=None, reason="Import DCAT",
                  service_id=None):
    """Apply parsed `records` to `organisation`'s catalogue in batches of BATCH rows; return the Counts.

    New datasets go to `service_id` (or the harvest's service), whose stewards review them."""
    if service_id is None and harvest is not None:
        service_id = harvest.service_id
    counts = Counts()
    known = {uri: (pk, digest) for uri, pk, digest in
             Dataset.objects.filter(organisation=organisation).exclude(uri="").values_list("uri", "pk", "source_hash")}
    new, changed = [], {}
    for record in records:
        digest = dcat.record_hash(record)
        current = known.get(record["uri"])
        if current is None:
            new.append(_new_dataset(organisation, harvest, record, digest, service_id))
        elif current[1] == digest:
            counts.unchanged += 1
        else:
            changed[current[0]] = (record, digest)
    total = len(new) + len(changed)
    # In batches, each its own transaction, so that others keep writing during a long harvest. A rerun after a
    # failure part-way is idempotent: a written dataset is known by its URI, and unchanged by its digest.
    for start in range(0, len(new), BATCH):
        began = time.monotonic()
        with transaction.atomic():
            bulk_create_with_history(new[start:start + BATCH], Dataset, batch_size=BATCH,
                                     default_change_reason=reason)
        let_writers_in(time.monotonic() - began)
        if progress:
            progress(min(start + BATCH, len(new)), total)
    counts.created = len(new)
    if changed:
        keys = list(changed)
        for start in range(0, len(keys), BATCH):
            with transaction.atomic():
                datasets = list(Dataset.objects.filter(pk__in=keys[start:start + BATCH]))
                for dataset in datasets:
                    record, digest = changed[dataset.pk]
                    for name in RECORD_FIELDS:
                        setattr(dataset, name, record[name])
                    dataset.source_hash, dataset.withdrawn = digest, False
                    dataset.search_text = fold(" ".join([dataset.title, dataset.description, dataset.keywords,
                                                         dataset.theme, dataset.source_application]))
                    if harvest is not None and dataset.harvest_id is None:
                        dataset.harvest = harvest
                bulk_update_with_history(datasets, Dataset, RECORD_FIELDS + ["source_hash", "withdrawn",
                                                                             "search_text", "harvest"],
                                         batch_size=BATCH, default_change_reason=f"{reason} : mis à jour à la source")
        counts.updated = len(keys)
    if withdraw and harvest is not None:  # only once every record is written: a failure before withdraws nothing
        seen = {r["uri"] for r in records}
        gone = [d for d in Dataset.objects.filter(harvest=harvest, withdrawn=False).exclude(uri="")
                if d.uri not in seen]
        for dataset in gone:
            dataset.withdrawn = True
        for start in range(0, len(gone), BATCH):
            with transaction.atomic():
                bulk_update_with_history(gone[start:start + BATCH], Dataset, ["withdrawn"], batch_size=BATCH,
                                         default_change_reason=f"{reason} : retiré à la source")
        counts.withdrawn = len(gone)
    if progress:
        progress(total, total)
    return counts


def open_log(organisation, source, harvest=None, job_id=None):
    return HarvestLog.objects.create(organisation=organisation, harvest=harvest, source=source[:500], job_id=job_id)


def close_log(log, counts=None, error=None):
    log.finished_at = timezone.now()
    if error is not None:
        log.status, log.message = HarvestLog.Status.FAILED, str(error)
    else:
        log.status = HarvestLog.Status.SUCCEEDED
        log.created, log.updated = counts.created, counts.updated
        log.unchanged, log.withdrawn = counts.unchanged, counts.withdrawn
        log.message = counts.summary()
    log.save()
    return log


def next_run(harvest, now=None):
    """Return when `harvest` runs next, or None when it runs only on demand."""
    if not harvest.every_days:
        return None
    return (now or timezone.now()) + timedelta(days=harvest.every_days)


def due_harvests(now=None):
    """Return the scheduled harvests whose time has come."""
    now = now or timezone.now()
    return Harvest.objects.filter(every_days__gt=0, next_run_at__lte=now)
