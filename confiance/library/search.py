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

Facets are counted and pages cut in the database (decision 0014). SQLite: the
FTS5 rowid carries the project's packed facet codes (facet_codes), so one
GROUP BY over the match's rowids gives the cube NumPy sums into the counts.
PostgreSQL: the same packed code is a column beside the tsvectors, and one
GROUP BY code over the match (through the GIN index) gives the cube. The page is one ranked query with LIMIT/OFFSET. The text
ranking is fused with the meaning-based ranking (embeddings, when available)
by reciprocal rank fusion.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.db import connection

from confiance.library import embeddings
from confiance.library.models import SharedProject
from confiance.library.search_columns import FACETS, FTS_COLUMNS, INDEX_BATCH  # noqa: F401 (re-exported)
from confiance.library.search_postgres import PostgresBackend
from confiance.library.search_sqlite import SQLiteBackend
from confiance.rules.library_rank import fuse
from confiance.rules.library_text import parse_query
from confiance.rules.library_tiers import Tier

PAGE_SIZE = 20  # results returned by search() unless asked otherwise
SEMANTIC_LIMIT = 8  # nearest projects by meaning added to a query's results
LAST_PAGE_ASKED = 1_000_000  # a larger ?page= is read as this one (beyond any library: the last page is shown)


def backend():
    """Return the search backend of the default database."""
    return PostgresBackend() if connection.vendor == "postgresql" else SQLiteBackend()


def index_projects(projects):
    """Bring the search entries of `projects` up to date, in batches; withdrawn ones leave the index."""
    projects = list(projects)
    for start in range(0, len(projects), INDEX_BATCH):
        backend().index_many(projects[start:start + INDEX_BATCH])


_deferred = ContextVar("library_deferred_index", default=None)


def index_project(project):
    """Bring the project's search entry up to date; a withdrawn one leaves the index.

    Inside `deferred_indexing()` the project is only noted, and indexed in a batch at the end.
    """
    pending = _deferred.get()
    if pending is None:
        index_projects([project])
    else:
        pending[project.pk] = project


@contextmanager
def deferred_indexing():
    """Index the projects saved inside the block in batches when it ends (imports of many projects)."""
    if _deferred.get() is not None:  # already deferring: the outer block indexes
        yield
        return
    pending = {}
    token = _deferred.set(pending)
    try:
        yield
    finally:
        _deferred.reset(token)
    index_projects(pending.values())


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
    ids: list  # the requested page of results, best first
    total: int
    facets: list
    groups: list
    semantic_ids: set = field(default_factory=set)
    offset: int = 0


class ResultWindow:
    """The `total` results of a search as a sequence for Paginator; only the page already read is in memory.

    Slicing another page (Paginator.get_page falls back to the last page) reads it with `fetch(offset, limit)`.
    """

    def __init__(self, result, fetch):
        self.result, self.fetch = result, fetch

    def __len__(self):
        return self.result.total

    def __getitem__(self, key):
        start, stop = key.start or 0, min(key.stop if key.stop is not None else self.result.total, self.result.total)
        loaded = self.result.offset
        if loaded <= start and stop <= loaded + len(self.result.ids):
            return self.result.ids[start - loaded:stop - loaded]
        return self.fetch(start, stop - start)


def visible_projects():
    return SharedProject.objects.filter(withdrawn=False)


def search(query, tier, filters=None, semantic=True, offset=0, limit=PAGE_SIZE):
    """Search the library as a viewer of `tier`: the page of results at `offset`, the total and facet counts.

    `filters` maps a facet name to the selected values. Facet counts apply every
    filter but the facet's own, so a visitor sees what each other choice gives.
    Counting and paging happen in the database (decision 0014).
    """
    filters = {name: [v for v in (filters or {}).get(name, []) if v] for name in FACETS}
    filters = {name: values for name, values in filters.items() if values}
    tier = Tier(tier)
    groups = parse_query(query or "")
    semantic_ids = []
    if groups and semantic and embeddings.available():
        semantic_ids = embeddings.nearest(visible_projects(), embeddings.embed_query(query), limit=SEMANTIC_LIMIT,
                                          min_score=embeddings.MIN_SCORE, margin=embeddings.MARGIN)
    # With meaning-based matches the page is cut after fusion: its first offset + limit
    # results are among the text's first offset + limit and the meaning-based ones kept.
    text_offset, text_limit = (0, offset + limit) if semantic_ids else (offset, limit)
    text_ids, total, counts, extras = backend().run(groups, tier, filters, semantic_ids, text_offset, text_limit)
    ids = text_ids
    if semantic_ids:
        kept = [pk for pk in semantic_ids if extras.get(pk, (False, False))[0]]
        ids = fuse([text_ids, kept], weights=[1.0, 0.6])[offset:offset + limit] if kept else text_ids[offset:]
    semantic_only = {pk for pk, (kept, text) in extras.items() if kept and not text}
    facets = []
    for name, (label, labels) in FACETS.items():
        selected = set(filters.get(name, []))
        ordered = sorted(counts[name].items(), key=lambda item: (-item[1], item[0]))
        values = [FacetValue(value, (labels or {}).get(value, value), n, value in selected) for value, n in ordered]
        facets.append(Facet(name, label, values))
    return SearchResult(ids=ids, total=total, facets=facets, groups=groups, semantic_ids=semantic_only & set(ids),
                        offset=offset)


def search_page(query, tier, filters, number, per_page=PAGE_SIZE):
    """Return (SearchResult, Paginator page) for page `number` of a search (a bad number gives page 1, one past
    the end the last page, as Paginator.get_page)."""
    from django.core.paginator import Paginator

    try:
        # Past the last page Paginator shows the last one; the bound keeps the offset a database integer.
        wanted = min(max(1, int(number)), LAST_PAGE_ASKED)
    except (TypeError, ValueError):
        wanted = 1
    result = search(query, tier, filters, offset=(wanted - 1) * per_page, limit=per_page)
    window = ResultWindow(result, lambda offset, limit: search(query, tier, filters, offset=offset, limit=limit).ids)
    return result, Paginator(window, per_page).get_page(wanted)


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
