"""Full-text search of the library, on SQLite (FTS5) or PostgreSQL (French text search), behind one interface.

Each project is indexed as four texts: its title and the text of each tier. A
viewer's query only ever looks at the texts of the tiers they may read, so a
word that appears only in tier 2 finds nothing for an anonymous visitor: not a
result, not a snippet, not a facet count.

- SQLite: an FTS5 table `library_fts` holds the stems (rules.library_text) of
  each text; bm25 ranks, the title weighs most.
- PostgreSQL: `library_searchdocument` holds the raw texts and three stored
  tsvector columns (tiers 1, 1-2, 1-3) built with the `confiance_fr` text search
  configuration (unaccent, then the French Snowball stemmer); ts_rank_cd ranks.

`search()` fuses the text ranking with the meaning-based ranking (embeddings,
when available) by reciprocal rank fusion and counts the facets.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, Q
from django.db.models.expressions import RawSQL

from confiance.accounts.models import Organisation
from confiance.library import embeddings
from confiance.library.choices import Maturity, SizeBand
from confiance.library.models import SharedProject
from confiance.register.choices import Domain, Technique
from confiance.rules.library_rank import fuse
from confiance.rules.library_text import fts5_expression, index_text, parse_query, tsquery_expression
from confiance.rules.library_tiers import Tier

FTS_COLUMNS = {1: ["title", "t1"], 2: ["title", "t1", "t2"], 3: ["title", "t1", "t2", "t3"]}
TEXT_LIMIT = 1000  # results ranked and shown for one query
SEMANTIC_LIMIT = 8  # nearest projects by meaning added to a query's results

FACETS = {
    "domain": ("Domaine", dict(Domain.choices)),
    "technique": ("Technique", dict(Technique.choices)),
    "status": ("Maturité", dict(Maturity.choices)),
    "organisation_kind": ("Type d'organisation", dict(Organisation.Kind.choices)),
    "size_band": ("Taille", dict(SizeBand.choices)),
    "region": ("Région", None),
}


class SQLiteBackend:
    vendor = "sqlite"

    def index(self, project, texts):
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM library_fts WHERE rowid = %s", [project.pk])
            if not project.withdrawn:
                cursor.execute(
                    "INSERT INTO library_fts (rowid, title, t1, t2, t3) VALUES (%s, %s, %s, %s, %s)",
                    [project.pk, index_text(project.name), index_text(texts[1]), index_text(texts[2]),
                     index_text(texts[3])],
                )

    def remove(self, pk):
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM library_fts WHERE rowid = %s", [pk])

    def match_sql(self, groups, tier):
        expression = fts5_expression(groups, FTS_COLUMNS[int(tier)])
        return "SELECT rowid FROM library_fts WHERE library_fts MATCH %s", [expression]

    def ranked_ids(self, groups, tier, limit):
        expression = fts5_expression(groups, FTS_COLUMNS[int(tier)])
        if not expression:
            return []
        # bm25 weights: title, t1, t2, t3; lower is better.
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid FROM library_fts WHERE library_fts MATCH %s "
                "ORDER BY bm25(library_fts, 4.0, 1.0, 0.8, 0.6) LIMIT %s",
                [expression, limit],
            )
            return [row[0] for row in cursor.fetchall()]


class PostgresBackend:
    vendor = "postgresql"

    def index(self, project, texts):
        from confiance.library.models_search import SearchDocument

        if project.withdrawn:
            SearchDocument.objects.filter(project_id=project.pk).delete()
            return
        SearchDocument.objects.update_or_create(
            project_id=project.pk,
            defaults={"title": project.name, "text1": texts[1], "text2": texts[2], "text3": texts[3]},
        )

    def remove(self, pk):
        from confiance.library.models_search import SearchDocument

        SearchDocument.objects.filter(project_id=pk).delete()

    def match_sql(self, groups, tier):
        return (
            f"SELECT project_id FROM library_searchdocument WHERE tsv{int(tier)} @@ to_tsquery('confiance_fr', %s)",
            [tsquery_expression(groups)],
        )

    def ranked_ids(self, groups, tier, limit):
        expression = tsquery_expression(groups)
        if not expression:
            return []
        column = f"tsv{int(tier)}"
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT project_id FROM library_searchdocument, to_tsquery('confiance_fr', %s) query "
                f"WHERE {column} @@ query ORDER BY ts_rank_cd({column}, query, 1) DESC, project_id LIMIT %s",
                [expression, limit],
            )
            return [row[0] for row in cursor.fetchall()]


def backend():
    """Return the search backend of the default database."""
    return PostgresBackend() if connection.vendor == "postgresql" else SQLiteBackend()


def index_project(project):
    """Bring the project's search entry (and its embedding) up to date; withdrawn ones leave the index."""
    backend().index(project, project.tier_texts())


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    values: list = field(default_factory=list)


@dataclass
class SearchResult:
    ids: list  # every result, best first (at most TEXT_LIMIT + SEMANTIC_LIMIT when there is a query)
    total: int
    facets: list
    groups: list
    semantic_ids: set = field(default_factory=set)


def visible_projects():
    return SharedProject.objects.filter(withdrawn=False)


def _filter_q(filters, skip=None):
    condition = Q()
    for name in FACETS:
        values = [v for v in filters.get(name, []) if v]
        if values and name != skip:
            condition &= Q(**{f"{name}__in": values})
    return condition


def _passes(row, filters, skip=None):
    """True when a (pk, *facet values) row meets every selected filter but `skip`'s."""
    for position, name in enumerate(FACETS, start=1):
        wanted = [v for v in filters.get(name, []) if v]
        if wanted and name != skip and row[position] not in wanted:
            return False
    return True


def _count_rows(rows, filters):
    """Return the number of rows meeting every filter, and each facet's counts under the other filters."""
    total = sum(1 for row in rows if _passes(row, filters))
    counts = {}
    for position, name in enumerate(FACETS, start=1):
        counts[name] = dict(Counter(
            row[position] for row in rows if row[position] not in ("", None) and _passes(row, filters, skip=name)
        ))
    return total, counts


def search(query, tier, filters=None, semantic=True):
    """Search the library as a viewer of `tier`: results, total and facet counts.

    `filters` maps a facet name to the selected values. Facet counts apply every
    filter but the facet's own, so a visitor sees what each other choice gives.
    """
    filters = filters or {}
    tier = Tier(tier)
    groups = parse_query(query or "")
    base = visible_projects()
    if groups:
        sql, params = backend().match_sql(groups, tier)
        text_ids = backend().ranked_ids(groups, tier, TEXT_LIMIT)
        semantic_ids = []
        if semantic and embeddings.available():
            semantic_ids = embeddings.nearest(base, embeddings.embed_query(query), limit=SEMANTIC_LIMIT,
                                              min_score=embeddings.MIN_SCORE, margin=embeddings.MARGIN)
        matched = base.filter(Q(pk__in=RawSQL(sql, params)) | Q(pk__in=semantic_ids))
        ranking = fuse([text_ids, semantic_ids], weights=[1.0, 0.6]) if semantic_ids else text_ids
        # One pass over the matches gives the total and every facet count: running the
        # text match again for each facet is what made searches slow on large libraries.
        rows = list(matched.values_list("pk", *FACETS))
        total, counts = _count_rows(rows, filters)
        allowed = {row[0] for row in rows if _passes(row, filters)}
        ids = [pk for pk in ranking if pk in allowed]
        semantic_only = set(semantic_ids) - set(text_ids)
    else:
        ids = list(base.filter(_filter_q(filters)).order_by("name", "pk").values_list("pk", flat=True)[:TEXT_LIMIT])
        total = base.filter(_filter_q(filters)).count()
        counts = {
            name: {row[name]: row["n"] for row in base.filter(_filter_q(filters, skip=name)).exclude(**{name: ""})
                   .values(name).annotate(n=Count("pk"))}
            for name in FACETS
        }
        semantic_only = set()
    facets = []
    for name, (label, labels) in FACETS.items():
        selected = set(filters.get(name, []))
        ordered = sorted(counts[name].items(), key=lambda item: (-item[1], item[0]))
        values = [FacetValue(value, (labels or {}).get(value, value), n, value in selected) for value, n in ordered]
        facets.append(Facet(name, label, values))
    return SearchResult(ids=ids, total=total, facets=facets, groups=groups, semantic_ids=semantic_only)


def similar_projects(project, limit=5):
    """Return projects like `project`, judged on its tier 1 text only (meaning, then words)."""
    base = visible_projects().exclude(pk=project.pk)
    rankings = []
    if embeddings.available() and project.embedding:
        import numpy as np

        vector = np.frombuffer(bytes(project.embedding), dtype="float32")
        rankings.append(embeddings.nearest(base, vector, limit=limit * 2, exclude=project.pk))
    groups = parse_query(f"{project.name} {project.summary}", max_groups=16)
    text_ids = [pk for pk in backend().ranked_ids(groups, Tier.PUBLIC, limit * 3) if pk != project.pk]
    rankings.append(text_ids)
    rankings.append(list(base.filter(domain=project.domain).values_list("pk", flat=True)[: limit * 2]))
    ids = fuse(rankings, weights=[1.0] * len(rankings))[:limit]
    found = {p.pk: p for p in base.filter(pk__in=ids)}
    return [found[pk] for pk in ids if pk in found]
