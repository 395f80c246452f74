"""Keep the catalogue's signals up to date and tell the stewards: the rules decide, this module stores.

`refresh_signals(organisation)` gathers the facts of the organisation's catalogue, asks
`rules.catalogue.detect_signals`, creates the new signals, marks the vanished ones resolved,
and sends each steward one message in their inbox listing what is new for them.
"""

import csv
import io
from collections import defaultdict

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from confiance.accounts.models import Membership
from confiance.catalogue.choices import ReviewStatus
from confiance.catalogue.models import CatalogueProfile, Dataset, DatasetField, DatasetUse, Signal
from confiance.rules import catalogue as rules

FACT_FIELDS = ["id", "title", "organisation_id", "service_id", "owner_id", "steward_id", "classification",
               "legal_basis", "sensitive_condition", "retention_months", "oldest_record_on", "hosting_country",
               "transfer_basis", "frequency", "last_updated", "licence", "quality_label"]
KIND_LABELS = {
    rules.SignalKind.DUPLICATE_TITLE: "Doublons probables (titres)",
    rules.SignalKind.DUPLICATE_LAYOUT: "Doublons probables (mêmes champs)",
    rules.SignalKind.STALE: "Données périmées",
    rules.SignalKind.OWNERLESS: "Sans responsable",
    rules.SignalKind.NO_LEGAL_BASIS: "Données personnelles sans base légale",
    rules.SignalKind.RETENTION_PAST: "Durée de conservation dépassée",
    rules.SignalKind.OUTSIDE_EU: "Hébergées hors de l'UE",
    rules.SignalKind.OPEN_WITHOUT_LICENCE: "Données ouvertes sans licence",
    rules.SignalKind.BELOW_QUALITY_LABEL: "IA alimentée sous le label exigé",
}


def catalogue_datasets(organisation):
    """Return the datasets that count in the catalogue: accepted and still published."""
    return Dataset.objects.filter(organisation=organisation, review_status=ReviewStatus.ACCEPTED, withdrawn=False)


def gather_facts(organisation):
    datasets = catalogue_datasets(organisation)
    layouts = defaultdict(list)
    for dataset_id, name, kind in DatasetField.objects.filter(dataset__in=datasets).values_list(
            "dataset_id", "name", "type"):
        layouts[dataset_id].append((name, kind))
    facts = [rules.DatasetFacts(**row, layout=tuple(layouts.get(row["id"], ())))
             for row in datasets.values(*FACT_FIELDS).iterator(chunk_size=5000)]
    uses = [rules.UseFacts(dataset_id=d, system_id=s, role=r) for d, s, r in
            DatasetUse.objects.filter(dataset__in=datasets).values_list("dataset_id", "system_id", "role")]
    profile = CatalogueProfile.objects.filter(organisation=organisation).first()
    return facts, uses, profile.required_quality_label if profile else 0


def _responsible(datasets, stewards_by_service, admins):
    for d in datasets:
        if d.steward_id or d.owner_id:
            return d.steward if d.steward_id else d.owner
    for d in datasets:
        if stewards_by_service.get(d.service_id):
            return stewards_by_service[d.service_id][0]
    return admins[0] if admins else None


@transaction.atomic
def refresh_signals(organisation, today=None, notify_people=True):
    """Recompute the organisation's signals; return (new, resolved) counts."""
    facts, uses, required = gather_facts(organisation)
    findings = rules.detect_signals(facts, uses, required_label=required, today=today or timezone.localdate())
    existing = {s.key: s for s in Signal.objects.filter(organisation=organisation)}
    ids = {i for f in findings for i in f.dataset_ids}
    datasets = Dataset.objects.select_related("steward", "owner").in_bulk(list(ids)) if ids else {}
    stewards_by_service = defaultdict(list)
    for m in Membership.objects.filter(organisation=organisation, role="steward").select_related("person") \
            .prefetch_related("services"):
        for service in m.services.all():
            stewards_by_service[service.pk].append(m.person)
    admins = [m.person for m in Membership.objects.filter(organisation=organisation, role="admin")
              .select_related("person").order_by("pk")]
    now, created, found = timezone.now(), [], set()
    for finding in findings:
        found.add(finding.key)
        signal = existing.get(finding.key)
        if signal is not None:
            if signal.resolved_at is not None or signal.message != finding.reason.text:
                signal.resolved_at, signal.message = None, finding.reason.text
                signal.save(update_fields=["resolved_at", "message"])
            continue
        members = [datasets[i] for i in finding.dataset_ids if i in datasets]
        signal = Signal.objects.create(
            organisation=organisation, kind=finding.kind, key=finding.key[:300], message=finding.reason.text,
            citation=str(finding.reason.citation)[:300], system_id=finding.system_id,
            steward=_responsible(members, stewards_by_service, admins))
        signal.datasets.set(members)
        created.append(signal)
    resolved = [s for key, s in existing.items() if key not in found and s.resolved_at is None]
    Signal.objects.filter(pk__in=[s.pk for s in resolved]).update(resolved_at=now)
    if notify_people and created:
        transaction.on_commit(lambda: notify_stewards(organisation, created))
    return len(created), len(resolved)


def notify_stewards(organisation, signals):
    """Send each steward one inbox message listing the `signals` that are theirs."""
    from confiance.review.notifications import notify

    by_person = defaultdict(list)
    for signal in signals:
        if signal.steward_id:
            by_person[signal.steward].append(signal)
    stamp = timezone.now().strftime("%Y%m%d%H%M%S%f")
    for person, items in by_person.items():
        lines = [f"- {s.message} ({s.citation})" for s in items[:20]]
        if len(items) > 20:
            lines.append(f"… et {len(items) - 20} autre(s).")
        notify([person], "catalogue", f"Catalogue : {len(items)} nouveau(x) signal(aux) — {organisation.name}",
               "\n".join(lines), url=reverse("catalogue:dashboard") + f"?steward={person.pk}",
               key=f"catalogue:{organisation.pk}:{person.pk}:{stamp}")


CSV_COLUMNS = ["type", "constat", "source", "jeux_de_donnees", "urls", "referent", "systeme_ia", "detecte_le"]


def signals_csv(signals, base_url=""):
    """Return the open signals as CSV (UTF-8, comma-separated), one row per signal."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for s in signals:
        members = list(s.datasets.all())
        writer.writerow([KIND_LABELS.get(s.kind, s.kind), s.message, s.citation,
                         " ; ".join(d.title for d in members),
                         " ".join(base_url + d.get_absolute_url() for d in members),
                         s.steward.get_full_name() if s.steward else "", s.system.name if s.system else "",
                         s.detected_at.date().isoformat()])
    return out.getvalue()
