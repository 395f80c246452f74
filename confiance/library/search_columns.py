"""The facet columns of the library's search index, and the SQL conditions on them, shared by both backends."""

from django.db import connection

from confiance.accounts.models import Organisation
from confiance.library.choices import Maturity, SizeBand
from confiance.register.choices import Domain, Technique

FTS_COLUMNS = {1: ["title", "t1"], 2: ["title", "t1", "t2"], 3: ["title", "t1", "t2", "t3"]}
INDEX_BATCH = 1000  # search entries written per statement

FACETS = {
    "domain": ("Domaine", dict(Domain.choices)),
    "technique": ("Technique", dict(Technique.choices)),
    "status": ("Maturité", dict(Maturity.choices)),
    "organisation_kind": ("Type d'organisation", dict(Organisation.Kind.choices)),
    "size_band": ("Taille", dict(SizeBand.choices)),
    "region": ("Région", None),
}
FACET_COLUMNS = ", ".join(FACETS)


def facet_values(project):
    return [getattr(project, name) or "" for name in FACETS]


def placeholders(values):
    return ", ".join(["%s"] * len(values))


def where(filters, skip=None):
    """SQL condition (and params) on the facet columns meeting every selected filter but `skip`'s."""
    parts, params = ["1 = 1"], []
    for name, values in filters.items():
        if name != skip:
            parts.append(f"{name} IN ({placeholders(values)})")
            params += values
    return " AND ".join(parts), params


def fetch_ids(sql, params):
    """Run `sql` and return the first column of its rows (the project ids of a page or a ranking)."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]
