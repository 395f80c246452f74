"""Federation: the paged JSON feed of this instance's share, and the hub's harvest of other feeds.

Feed format "confiance-library-feed/1": `instance`, `tier`, `page`, `pages`,
`count`, `next` and `projects`, each with `origin_id`, `updated_at`, `withdrawn`
and `fields` (redacted to the token's tier by the tier rule; empty when withdrawn).
"""

import json
import logging
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from simple_history.utils import bulk_update_with_history

from confiance.accounts.models import Organisation
from confiance.core.site import site_url
from confiance.core.weblinks import check_harvest_url, is_web_url
from confiance.library import bulk, embeddings
from confiance.library.choices import Maturity, RiskClass, SizeBand
from confiance.library.models import LOCAL_ORIGIN, HarvestSource, SharedProject
from confiance.library.search import index_projects
from confiance.register.choices import Domain, Technique
from confiance.rules.library_tiers import FIELD_TIERS, Tier, redact

FEED_FORMAT = "confiance-library-feed/1"
URL_FIELDS = {"info_url", "repository_url", "documentation_url", "demonstrator_url", "resources_url"}
MAX_PAGE_SIZE = 1000
# What a harvest writes on a project it already holds.
UPDATED_FIELDS = [name for name in FIELD_TIERS if name != "origin_updated_at"] + [
    "origin_updated_at", "updated_at", "withdrawn", "withdrawn_at", "harvest_source", "embedding", "embedded_at"]
logger = logging.getLogger(__name__)

CHOICES = {
    "domain": set(Domain.values), "technique": set(Technique.values) | {""},
    "status": set(Maturity.values) | {""}, "risk_class": set(RiskClass.values) | {""},
    "organisation_kind": set(Organisation.Kind.values) | {""}, "size_band": set(SizeBand.values) | {""},
}


def feed_origin_id(project):
    return project.origin_id if project.is_local else f"{project.origin_instance}/{project.origin_id}"


def _json_value(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def feed_page(tier, page=1, page_size=100, base_url=""):
    """Return one page of the feed, as a viewer of `tier` (anonymous harvest: tier 1)."""
    page_size = max(1, min(int(page_size), MAX_PAGE_SIZE))
    projects = SharedProject.objects.filter(harvest_source__isnull=True).order_by("pk")
    count = projects.count()
    pages = max(1, -(-count // page_size))
    page = max(1, int(page))
    items = []
    for project in projects[(page - 1) * page_size: page * page_size]:
        fields = {} if project.withdrawn else {
            k: _json_value(v) for k, v in project.fields_for_tier(tier).items()
        }
        items.append({
            "origin_id": feed_origin_id(project), "updated_at": project.updated_at.isoformat(),
            "withdrawn": project.withdrawn, "fields": fields,
        })
    next_url = None
    if page < pages:
        next_url = f"{base_url}?{urllib.parse.urlencode({'page': page + 1, 'page_size': page_size})}"
    return {
        "format": FEED_FORMAT, "instance": site_url(), "tier": int(tier),
        "page": page, "pages": pages, "count": count, "next": next_url, "projects": items,
    }


@dataclass
class HarvestReport:
    source: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    withdrawn: int = 0
    ok: bool = True
    errors: list = field(default_factory=list)

    def summary(self):
        text = (f"{self.source} : {self.created} ajouté(s), {self.updated} mis à jour, "
                f"{self.unchanged} inchangé(s), {self.withdrawn} retiré(s)")
        if not self.ok:
            text += f" — ÉCHEC : {'; '.join(self.errors)} (les projets déjà moissonnés sont conservés)"
        return text


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only to an address a harvest may fetch (core.weblinks)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        check_harvest_url(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch_json(url, token="", timeout=30):
    """Return the JSON document at `url`, sending `token` as a bearer token; private addresses are refused."""
    check_harvest_url(url)
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    opener = urllib.request.build_opener(_CheckedRedirects)
    with opener.open(request, timeout=timeout) as response:
        return json.loads(response.read().decode("utf-8"))


# Read once: a harvest cleans the fields of every project it reads.
_MAX_LENGTHS = {f.name: f.max_length for f in SharedProject._meta.concrete_fields if getattr(f, "max_length", None)}


def clean_fields(fields, tier):
    """Keep the fields a feed of `tier` may carry, with values the models accept."""
    fields = redact(fields or {}, tier)
    cleaned = {}
    for name, value in fields.items():
        if name == "origin_updated_at":
            continue
        if name in ("public_extra", "member_extra"):
            cleaned[name] = value if isinstance(value, dict) else {}
            continue
        value = "" if value is None else str(value)
        if name in URL_FIELDS and value and not is_web_url(value):
            value = ""  # a `javascript:` or `file:` link from another instance is never kept
        if name in CHOICES and value not in CHOICES[name]:
            value = "other" if name == "domain" else ""
        max_length = _MAX_LENGTHS.get(name)
        cleaned[name] = value[:max_length] if max_length else value
    cleaned.setdefault("domain", "other")
    return cleaned


def _apply(project, fields, updated_at):
    old_text = embeddings.project_text(project)
    for name in FIELD_TIERS:
        if name == "origin_updated_at":
            continue
        default = {} if name in ("public_extra", "member_extra") else ""
        setattr(project, name, fields.get(name, default))
    project.origin_updated_at = updated_at
    project.updated_at = timezone.now()
    project.withdrawn = False
    project.withdrawn_at = None
    # No embedding here (about 25 ms a project): the embedding task, queued after the harvest, does it.
    embeddings.mark_stale(project, old_text)


def _harvest_page(source, data, report, seen):
    instance = str(data.get("instance") or source.url)[:300]
    tier = Tier(min(max(int(data.get("tier", 1)), 1), 3))
    items = data.get("projects")
    if not isinstance(items, list):
        raise ValueError("le flux ne contient pas de liste « projects »")
    by_id = {str(item.get("origin_id")): item for item in items if item.get("origin_id")}
    existing = {p.origin_id: p for p in SharedProject.objects.filter(origin_instance=instance, origin_id__in=by_id)}
    new, changed = [], []
    for origin_id, item in by_id.items():
        seen.add((instance, origin_id))
        updated_at = parse_datetime(str(item.get("updated_at") or "")) or timezone.now()
        project = existing.get(origin_id)
        if item.get("withdrawn"):
            if project is not None and not project.withdrawn:
                project.withdrawn, project.withdrawn_at = True, timezone.now()
                project.updated_at = timezone.now()
                project._change_reason = f"Retiré à la source ({source.name})"
                changed.append(project)
                report.withdrawn += 1
            continue
        if project is not None and not project.withdrawn and project.origin_updated_at == updated_at:
            report.unchanged += 1
            continue
        fields = clean_fields(item.get("fields"), tier)
        if not fields.get("name") or not fields.get("summary"):
            report.errors.append(f"projet {origin_id} ignoré : nom ou résumé manquant")
            continue
        if project is None:
            project = SharedProject(origin_instance=instance, origin_id=origin_id, harvest_source=source)
            _apply(project, fields, updated_at)
            project._change_reason = f"Moissonné depuis {source.name}"
            new.append(project)
        else:
            _apply(project, fields, updated_at)
            project.harvest_source = source
            project._change_reason = f"Mis à jour par moisson ({source.name})"
            changed.append(project)
            report.updated += 1
    # Written in bulk, each change with its version in the history; then indexed in batches.
    with transaction.atomic():
        if changed:
            bulk_update_with_history(changed, SharedProject, UPDATED_FIELDS, batch_size=500)
        created = []
        if new:
            created = bulk.create_with_history(new, SharedProject, f"Moissonné depuis {source.name}")
            report.created += len(created)
        index_projects([*changed, *created])
    return instance


def harvest(source, page_size=500, fetch=fetch_json, progress=None):
    """Harvest every page of `source`; on failure keep what was harvested and report it.

    `progress(done, total, message)`, if given, is called after each page is written (one
    transaction per page). An exception it raises that is not an Exception (a cancelled job) stops
    the harvest there: the pages written stay, nothing is withdrawn, and the source keeps its last report.
    """
    report = HarvestReport(source=source.name)
    seen, instances = set(), set()
    separator = "&" if "?" in source.url else "?"
    url = f"{source.url}{separator}{urllib.parse.urlencode({'page': 1, 'page_size': page_size})}"
    try:
        pages = 0
        while url:
            check_harvest_url(url, resolve=False)  # http(s) only, whoever fetches
            data = fetch(url, source.token)
            if not isinstance(data, dict) or data.get("format") != FEED_FORMAT:
                raise ValueError("ce n'est pas un flux de bibliothèque Confiance")
            instances.add(_harvest_page(source, data, report, seen))
            pages += 1
            if progress:
                progress(len(seen), max(int(data.get("count") or 0), len(seen)),
                         f"Page {pages} sur {data.get('pages', '?')} : {len(seen)} projet(s) lu(s), "
                         f"{report.created} ajouté(s), {report.updated} mis à jour")
            next_url = data.get("next")
            url = urllib.parse.urljoin(url, next_url) if next_url else None
            if pages > 100_000:
                raise ValueError("trop de pages")
        # A complete harvest: what the source no longer lists is withdrawn here too.
        listed = SharedProject.objects.filter(harvest_source=source, withdrawn=False)
        gone = [pk for pk, instance, origin_id in listed.values_list("pk", "origin_instance", "origin_id")
                if (instance, origin_id) not in seen]
        for project in SharedProject.objects.filter(pk__in=gone):
            project.withdrawn, project.withdrawn_at = True, timezone.now()
            project._change_reason = f"N'est plus publié par {source.name}"
            project.save()
            report.withdrawn += 1
    except (urllib.error.URLError, OSError, ValueError, TypeError, KeyError) as exc:
        report.ok = False
        report.errors.append(str(getattr(exc, "reason", exc)))
        logger.warning("Moisson de %s en échec : %s", source.url, exc)
    if report.created or report.updated:
        from confiance.library.tasks import queue_embedding

        queue_embedding(reason=f"moisson de {source.name}")
    source.last_harvest_at = timezone.now()
    source.last_ok = report.ok
    source.last_report = report.summary()
    source.save()
    return report


def configured_sources():
    """Create or update the HarvestSource rows listed in LIBRARY_HUB_SOURCES and return the active ones."""
    for entry in (settings.LIBRARY_HUB_SOURCES or "").replace("\n", ",").split(","):
        entry = entry.strip()
        if not entry:
            continue
        url, _, token = entry.partition("|")
        HarvestSource.objects.update_or_create(
            url=url.strip(), defaults={"name": urllib.parse.urlsplit(url).netloc or url, "token": token.strip()}
        )
    return list(HarvestSource.objects.filter(active=True).order_by("pk"))


__all__ = ["LOCAL_ORIGIN", "configured_sources", "feed_page", "harvest"]
