"""Who sees which field of a shared project: the one tier rule of the library.

The bibliothèque IA territorialisée (seeds/003, "selon les besoins et les droits
d'accès") has three access tiers:

1. public: anyone, students and researchers included;
2. member authorities: people of an organisation that is a library member;
3. experts: people granted expert access one by one by the library's administrators.

Each field of a shared project belongs to exactly one tier (FIELD_TIERS). Every
page, search result, snippet, facet, export, feed and API answer is built from
`redact(fields, tier)`, so a field is shown to whoever may see it and to nobody
else. No Django import here.
"""

from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache


class Tier(IntEnum):
    PUBLIC = 1
    MEMBER = 2
    EXPERT = 3


TIER_LABELS = {
    Tier.PUBLIC: "Public",
    Tier.MEMBER: "Collectivités membres",
    Tier.EXPERT: "Experts",
}

# Tier 1, public: name, organisation, domain, summary, status, technique, dates,
# outcome in a sentence, risk class (issue #6), plus the public fields of the
# Interconnectés data model (partners, audience, information URL, SIRET...).
TIER_1 = (
    "name", "organisation_name", "organisation_kind", "size_band", "region",
    "domain", "theme", "sub_themes", "summary", "status", "technique",
    "start_date", "end_date", "outcome", "abandon_reason", "risk_class",
    "partners", "audience", "info_url", "sources", "public_extra", "origin_updated_at",
)
# Tier 2, member authorities: contacts, cost and funding, vendor and contract
# type, data used, lessons learned, evaluation results (and every "Restreint"
# field of the Interconnectés data model).
TIER_2 = (
    "contacts", "cost", "funding", "vendor", "contract_type", "hosting", "data_used",
    "lessons_worked", "lessons_failed", "success_factors", "evaluation", "member_extra",
)
# Tier 3, experts: source repository, licence, documentation, model card, data
# schemas, demonstrator (and the Interconnectés "URL ressource").
TIER_3 = (
    "repository_url", "licence", "documentation_url", "model_card", "data_schemas",
    "demonstrator_url", "resources_url",
)

FIELD_TIERS = {name: tier for tier, names in ((1, TIER_1), (2, TIER_2), (3, TIER_3)) for name in names}


@dataclass(frozen=True)
class LibraryViewer:
    """What the tier rule needs to know about a person."""

    authenticated: bool = False
    member: bool = False  # works in an organisation that is a library member
    expert: bool = False  # holds an active expert grant
    library_admin: bool = False  # superuser: administers the library


def tier_for(viewer):
    """Return the highest tier `viewer` may read.

    An expert grant is personal and opens tiers 2 and 3: an expert reads what a
    member reads and more. An authenticated person whose organisation is not a
    member reads the public tier only, like an anonymous visitor.
    """
    if viewer.library_admin or (viewer.authenticated and viewer.expert):
        return Tier.EXPERT
    if viewer.authenticated and viewer.member:
        return Tier.MEMBER
    return Tier.PUBLIC


@lru_cache(maxsize=8)
def fields_for(tier):
    """Return the names of the fields readable at `tier` (cached: a harvest asks for each project)."""
    return frozenset(name for name, field_tier in FIELD_TIERS.items() if field_tier <= int(tier))


def redact(fields, tier):
    """Return a copy of `fields` (a mapping) keeping only what `tier` may read.

    Keys that are not project fields (ids, dates of the copy) are kept only if
    they are listed in FIELD_TIERS: unknown keys are dropped, so a new field is
    private until it is given a tier.
    """
    allowed = fields_for(tier)
    return {key: value for key, value in fields.items() if key in allowed}


def tier_of(field_name):
    """Return the tier of a field; an unknown field is treated as expert-only."""
    return Tier(FIELD_TIERS.get(field_name, Tier.EXPERT))


def withheld_tiers(tier):
    """Return the tiers `tier` may not read, for the "reserved to..." notices."""
    return [t for t in Tier if t > int(tier)]
