"""Build the public record of a system: the only door from the register to the public site.

Every public page, export and JSON answer is made from `public_record`, which
reads the record's fields through the whitelist of confiance.rules.transparency
and adds labels, the checks' public results and the review's public acts.
"""

import hashlib
import json
import uuid
from functools import lru_cache

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone

from confiance.checks.inputs import charter_for
from confiance.checks.organisation_laws import OrganisationLaws
from confiance.core.site import absolute_url, site_url
from confiance.public import review_bridge
from confiance.register.choices import (
    DataAccess,
    DataOrigin,
    DecisionRole,
    Domain,
    HostingCountry,
    HostingMode,
    Implementation,
    Magnitude,
    PeopleAffected,
    Status,
    Technique,
    UseType,
)
from confiance.register.models import AISystem
from confiance.rules import transparency

LABELS = {
    "domain": dict(Domain.choices),
    "technique": dict(Technique.choices),
    "status": dict(Status.choices),
    "people_affected": dict(PeopleAffected.choices),
    "people_magnitude": dict(Magnitude.choices),
    "decision_role": dict(DecisionRole.choices),
    "hosting_country": dict(HostingCountry.choices),
    "use_type": dict(UseType.choices),
    "implementation": dict(Implementation.choices),
    "hosting_mode": dict(HostingMode.choices),
    "data_origin": dict(DataOrigin.choices),
    "data_access": dict(DataAccess.choices),
}
# Keys that change without the page's content changing: left out of a version's digest.
# The absolute URLs follow the site's address (confiance.core.site), which is not the page's content either.
VOLATILE = ("updated_at", "updated_on", "url", "json_url", "request_url", "notice_json_url")


def published_q():
    """Return a Q on AISystem mirroring rules.transparency.is_published: in use, or retired after being in use."""
    was_in_use = AISystem.history.model.objects.filter(id=OuterRef("pk"), status__in=transparency.IN_USE_STATUSES)
    return Q(status__in=transparency.IN_USE_STATUSES) | Q(Exists(was_in_use), status="retired")


def left_draft_q():
    """Return a Q on AISystem selecting records that are not drafts and were not retired straight from draft."""
    moved_on = AISystem.history.model.objects.filter(id=OuterRef("pk")).exclude(status__in=("draft", "retired"))
    return ~Q(status="draft") & (~Q(status="retired") | Q(Exists(moved_on)))


def is_published(system):
    """Return True when the public site shows `system`."""
    reached = system.history.values_list("status", flat=True) if system.status == "retired" else ()
    return transparency.is_published(system.status, set(reached))


def public_systems(organisation=None):
    """Return the records the public site shows: experimenting, deployed, or retired after being in use."""
    systems = AISystem.objects.filter(published_q())
    if organisation is not None:
        systems = systems.filter(organisation=organisation)
    return systems


def absolute(path):
    return absolute_url(path)


URL_NAMES = {"url": "public:system", "json_url": "public:system_json", "request_url": "public:request",
             "notice_json_url": "public:notice_json"}
_PK_MARK = 987654321


@lru_cache(maxsize=256)
def _url_patterns(site_url, organisation_slug):
    """Return each system address of an organisation with a marker for the pk: reverse() once, not per record."""
    kwargs = {"slug": organisation_slug, "pk": _PK_MARK}
    return {key: absolute(reverse(name, kwargs=kwargs)) for key, name in URL_NAMES.items()}


def system_urls(organisation_slug, pk):
    urls = {key: pattern.replace(str(_PK_MARK), str(pk))
            for key, pattern in _url_patterns(site_url(), organisation_slug).items()}
    return {"url": urls["url"], "uuid": str(uuid.uuid5(uuid.NAMESPACE_URL, urls["url"])), "json_url": urls["json_url"],
            "request_url": urls["request_url"], "notice_json_url": urls["notice_json_url"]}


def _iso(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def public_record(system, review=True, laws=None):
    """Return the public record of `system` as a JSON-serialisable dict.

    Its principles read laws 7 to 9 on the organisation (decision 0020); pass one
    `checks.organisation_laws.OrganisationLaws` to read many records at once, or
    `laws=False` when the principles are not read at all (completeness): then "laws" is empty.
    """
    values = transparency.public_values({f.name: getattr(system, f.name) for f in AISystem._meta.concrete_fields
                                         if f.name in transparency.PUBLIC_FIELDS})  # never loads the people
    record = {"id": system.pk, **{k: _iso(v) for k, v in values.items()}}
    for name, labels in LABELS.items():
        record[f"{name}_label"] = labels.get(values.get(name), "") if values.get(name) else ""
    organisation = system.organisation
    record["organisation"] = organisation.name
    record["organisation_slug"] = organisation.slug
    record["service"] = system.service.name if system.service_id else ""
    profile = getattr(organisation, "public_profile", None)
    # The record's own contact first; else its service's, else the organisation's; the record says which (#17).
    own_contact = values.get("contact_email") or ""
    service_contact = system.service.contact_email if system.service_id else ""
    organisation_contact = profile.contact_email if profile else ""
    record["contact_email"] = own_contact or service_contact or organisation_contact
    record["contact_email_from"] = ("record" if own_contact else "service" if service_contact
                                    else "organisation" if organisation_contact else "")
    record["organisation_kind"] = organisation.kind
    record["organisation_siret"] = profile.siret if profile else ""
    record["organisation_logo_url"] = profile.logo_url if profile else ""
    record.update(system_urls(organisation.slug, system.pk))
    record["updated_on"] = timezone.localdate(system.updated_at).isoformat() if system.updated_at else None
    record["status_changed_on"] = timezone.localdate(system.status_changed_at).isoformat()
    record.update(_check_results(system, OrganisationLaws() if laws is None else laws))
    notice = getattr(system, "notice", None)
    record["notice_published"] = bool(notice and notice.is_published)
    if review:
        acts = review_bridge.public_review(system)
        record["review"] = {k: acts[k] for k in ("available", "opinions", "decisions", "experiments")}
        next_review_on = acts["next_review_on"]
    else:  # annotated by completeness.for_systems, which reads many records at once
        next_review_on = _iso(getattr(system, "next_review_on", None))
    if not record.get("revision_on") and next_review_on:
        record["revision_on"] = next_review_on
        record["revision_from"] = "yearly_review"
    record.setdefault("revision_from", "record" if record.get("revision_on") else "")
    if hasattr(system, "first_published_at"):
        first_at = system.first_published_at
    else:
        first = system.public_versions.order_by("number").first() if system.pk else None
        first_at = first.published_at if first else None
    record["first_published_on"] = timezone.localdate(first_at).isoformat() if first_at else None
    return record


class _AsStored:
    """Read a record's principles as it stores them (laws 7 to 9 "not applicable")."""

    def outcomes(self, system, outcomes):
        return outcomes


AS_STORED = _AsStored()


def _check_results(system, laws):
    result = getattr(system, "check_result", None)
    if result is None:
        return {"risk_class": "", "risk_class_label": "", "risk_reasons": [], "dpia_required": None,
                "dpia_recorded": False, "carbon_estimate_kg": None, "laws": []}
    report = result.report
    ai_act = report.get("ai_act", {})
    return {
        "risk_class": result.risk_class,
        "risk_class_label": ai_act.get("risk_class_label", ""),
        "risk_reasons": [f"{r['text']} ({r['cited']})" for r in ai_act.get("reasons", [])],
        "dpia_required": result.dpia_required,
        "dpia_recorded": bool(report.get("state", {}).get("dpia_recorded")),
        "carbon_estimate_kg": report.get("state", {}).get("carbon_estimate_kg"),
        "laws": [{"number": o["number"], "title": o["title"], "outcome": o["outcome"],
                  "outcome_label": o["outcome_label"]}
                 for o in (laws.outcomes(system, report.get("charter", {}).get("outcomes", [])) if laws else [])],
    }


def digest(record, system=None):
    """Return the fingerprint of what a public page says about its record, to tell a new version.

    Given `system`, its principles are compared as the record stores them: laws 7
    to 9, read on the organisation, change with the organisation's trainings and
    teams, not with the record (decision 0020), so they make no new version by
    themselves; the version's content still shows them as read when it was kept.
    """
    content = {k: v for k, v in record.items() if k not in VOLATILE and k != "first_published_on"}
    if system is not None and "laws" in content:
        content["laws"] = _check_results(system, AS_STORED)["laws"]
    return hashlib.sha256(json.dumps(content, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def laws_for(organisation):
    """Return the organisation's charter principles as (number, title, text)."""
    return [(p.number, p.title, p.text) for p in charter_for(organisation).principles]
