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
PostgreSQL: the facet values sit beside the tsvectors and one GROUPING SETS
scan counts them. The page is one ranked query with LIMIT/OFFSET. The text
ranking is fused with the meaning-based ranking (embeddings, when available)
by reciprocal rank fusion.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.db import connection

from confiance.accounts.models import Organisation
from confiance.library import embeddings, facet_codes
from confiance.library.choices import Maturity, SizeBand
from confiance.library.models import SharedProject
from confiance.register.choices import Domain, Technique
from confiance.rules.library_rank import fuse
from confiance.rules.library_text import fts5_expression, parse_query, tsquery_expression
from confiance.rules.library_tiers import Tier

FTS_COLUMNS = {1: ["title", "t1"], 2: ["title", "t1", "t2"], 3: ["title", "t1", "t2", "t3"]}
PAGE_SIZE = 20  # results returned by search() unless asked otherwise
SEMANTIC_LIMIT = 8  # nearest projects by meaning added to a query's results
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


def _facet_values(project):
    return [getattr(project, name) or "" for name in FACETS]


def _placeholders(values):
    return ", ".join(["%s"] * len(values))


def _where(filters, skip=None):
    """SQL condition (and params) on the facet columns meeting every selected filter but `skip`'s."""
    parts, params = ["1 = 1"], []
    for name, values in filters.items():
        if name != skip:
            parts.append(f"{name} IN ({_placeholders(values)})")
            params += values
    return " AND ".join(parts), params


class SQLiteBackend:
    """FTS5, its rowid carrying the project's packed facet codes (confiance.library.facet_codes)."""

    vendor = "sqlite"
    RANK = "bm25(library_fts, 4.0, 1.0, 0.8, 0.6)"  # weights: title, t1, t2, t3; lower is better

    def index_many(self, projects):
        from confiance.rules.library_text import index_text

        book = facet_codes.Codebook()
        pks = [p.pk for p in projects]
        fts_rows, doc_rows = [], []
        for project in projects:
            if project.withdrawn:
                continue
            texts = project.tier_texts()
            code = book.pack({name: getattr(project, name) for name in FACETS})
            fts_rows.append((facet_codes.rowid(code, project.pk), index_text(project.name), index_text(texts[1]),
                             index_text(texts[2]), index_text(texts[3])))
            doc_rows.append((project.pk, project.pk, project.name, *_facet_values(project), code))
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT id, code FROM library_searchdocument WHERE id IN ({_placeholders(pks)})", pks)
            old = [(facet_codes.rowid(code, pk),) for pk, code in cursor.fetchall()]
            cursor.executemany("DELETE FROM library_fts WHERE rowid = %s", old)
            cursor.executemany("DELETE FROM library_searchdocument WHERE id = %s", [(pk,) for pk in pks])
            if fts_rows:
                cursor.executemany("INSERT INTO library_fts (rowid, title, t1, t2, t3) VALUES (%s, %s, %s, %s, %s)",
                                   fts_rows)
                cursor.executemany(
                    f"INSERT INTO library_searchdocument (id, project_id, title, text1, text2, text3, {FACET_COLUMNS},"
                    f" code) VALUES (%s, %s, %s, '', '', '', {_placeholders(FACETS)}, %s)", doc_rows)

    def remove(self, pk):
        with connection.cursor() as cursor:
            cursor.execute("SELECT code FROM library_searchdocument WHERE id = %s", [pk])
            for (code,) in cursor.fetchall():
                cursor.execute("DELETE FROM library_fts WHERE rowid = %s", [facet_codes.rowid(code, pk)])
            cursor.execute("DELETE FROM library_searchdocument WHERE id = %s", [pk])

    def _expression(self, groups, tier):
        return fts5_expression(groups, FTS_COLUMNS[int(tier)]) or '""'

    def bare_sql(self, groups, tier, limit):
        """The bare ranked query (match, bm25, top `limit`): what the benchmark compares search() with."""
        return (f"SELECT rowid & {facet_codes.PK_MASK} FROM library_fts WHERE library_fts MATCH %s "
                f"ORDER BY {self.RANK}, rowid LIMIT %s", [self._expression(groups, tier), limit])

    def _code_filters(self, filters, book):
        """{facet: set of codes} of the selected values (an unknown value keeps nothing)."""
        return {name: {book.code(name, v, assign=False) for v in values} - {None} or {-1}
                for name, values in filters.items()}

    def page(self, groups, tier, filters, offset, limit):
        wanted = self._code_filters(filters, facet_codes.Codebook()) if filters else {}
        if not groups:
            where, params = _where(filters)
            sql = f"SELECT id FROM library_searchdocument WHERE {where} ORDER BY title, id LIMIT %s OFFSET %s"
            return self._ids(sql, [*params, limit, offset])
        conditions = "".join(f" AND {facet_codes.part_sql(name)} IN ({', '.join(map(str, codes))})"
                             for name, codes in wanted.items())
        sql = (f"SELECT rowid & {facet_codes.PK_MASK} FROM library_fts WHERE library_fts MATCH %s{conditions} "
               f"ORDER BY {self.RANK}, rowid LIMIT %s OFFSET %s")
        return self._ids(sql, [self._expression(groups, tier), limit, offset])

    def facets(self, groups, tier, filters, extra_ids):
        """Return (total, {facet: {value: count}}, {extra id: (kept by the filters, a text match)})."""
        book = facet_codes.Codebook()  # a small table, read afresh: codes never change once committed
        wanted = self._code_filters(filters, book)
        with connection.cursor() as cursor:
            if groups:  # the cube: matches grouped by their packed facet codes, read from the rowid alone
                cursor.execute(f"SELECT rowid >> {facet_codes.PK_BITS}, COUNT(*) FROM library_fts "
                               "WHERE library_fts MATCH %s GROUP BY 1", [self._expression(groups, tier)])
            else:
                cursor.execute("SELECT code, COUNT(*) FROM library_searchdocument GROUP BY code")
            cube = cursor.fetchall()
            extras = {}
            if extra_ids:
                cursor.execute(f"SELECT id, code FROM library_searchdocument WHERE id IN ({_placeholders(extra_ids)})",
                               extra_ids)
                codes = dict(cursor.fetchall())
                rowids = [facet_codes.rowid(code, pk) for pk, code in codes.items()]
                cursor.execute(f"SELECT rowid & {facet_codes.PK_MASK} FROM library_fts WHERE library_fts MATCH %s "
                               f"AND rowid IN ({_placeholders(rowids)})", [self._expression(groups, tier), *rowids])
                text = {row[0] for row in cursor.fetchall()}
                for pk, code in codes.items():
                    kept = facet_codes.fold([(code, 1)], wanted)[0] == 1
                    extras[pk] = (kept, pk in text)
                    if pk not in text:
                        cube.append((code, 1))
        total, by_code = facet_codes.fold(cube, wanted)
        counts = {name: {book.values.get((name, code), ""): n for code, n in values.items()}
                  for name, values in by_code.items()}
        return total, counts, extras

    def ranked_ids(self, groups, tier, limit):
        if not fts5_expression(groups, FTS_COLUMNS[int(tier)]):
            return []
        return self._ids(*self.bare_sql(groups, tier, limit))

    def _ids(self, sql, params):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [row[0] for row in cursor.fetchall()]

    def run(self, groups, tier, filters, extra_ids, offset, limit):
        """Return (page of ranked text ids, total, counts, extras): the cube, then the page."""
        total, counts, extras = self.facets(groups, tier, filters, extra_ids)
        return self.page(groups, tier, filters, offset, limit), total, counts, extras


class PostgresBackend:
    """French text search on library_searchdocument; facets counted with GROUPING SETS in one scan."""

    vendor = "postgresql"

    def index_many(self, projects):
        from confiance.library.models_search import SearchDocument

        gone = [p.pk for p in projects if p.withdrawn]
        if gone:
            SearchDocument.objects.filter(project_id__in=gone).delete()
        documents = []
        for project in projects:
            if project.withdrawn:
                continue
            texts = project.tier_texts()
            documents.append(SearchDocument(
                project_id=project.pk, title=project.name, text1=texts[1], text2=texts[2], text3=texts[3],
                **dict(zip(FACETS, _facet_values(project), strict=True))))
        # One INSERT ... ON CONFLICT per batch; PostgreSQL computes the tsvector columns.
        SearchDocument.objects.bulk_create(
            documents, batch_size=INDEX_BATCH, update_conflicts=True, unique_fields=["project"],
            update_fields=["title", "text1", "text2", "text3", *FACETS])

    def remove(self, pk):
        from confiance.library.models_search import SearchDocument

        SearchDocument.objects.filter(project_id=pk).delete()

    def bare_sql(self, groups, tier, limit):
        column = f"tsv{int(tier)}"
        return (f"SELECT project_id FROM library_searchdocument, to_tsquery('confiance_fr', %s) query "
                f"WHERE {column} @@ query ORDER BY ts_rank_cd({column}, query, 1) DESC, project_id LIMIT %s",
                [tsquery_expression(groups), limit])

    def page(self, groups, tier, filters, offset, limit):
        where, params = _where(filters)
        if not groups:
            sql = (f"SELECT project_id FROM library_searchdocument WHERE {where} "
                   "ORDER BY title, project_id LIMIT %s OFFSET %s")
            return self._ids(sql, [*params, limit, offset])
        column = f"tsv{int(tier)}"
        sql = (f"SELECT project_id FROM library_searchdocument, to_tsquery('confiance_fr', %s) query "
               f"WHERE {column} @@ query AND {where} "
               f"ORDER BY ts_rank_cd({column}, query, 1) DESC, project_id LIMIT %s OFFSET %s")
        return self._ids(sql, [tsquery_expression(groups) or "''", *params, limit, offset])

    def facets(self, groups, tier, filters, extra_ids):
        column = f"tsv{int(tier)}"
        expression = tsquery_expression(groups) or "''"
        names = list(FACETS)
        aggregates, params = [], []
        for skip in [None, *names]:
            where, where_params = _where(filters, skip=skip)
            aggregates.append(f"COUNT(*) FILTER (WHERE {where})")
            params += where_params
        if groups:
            source = f"library_searchdocument, to_tsquery('confiance_fr', %s) query WHERE ({column} @@ query"
            source_params = [expression]
            if extra_ids:
                source += " OR project_id = ANY(%s)"
                source_params.append(list(extra_ids))
            source += ")"
        else:
            source, source_params = "library_searchdocument", []
        sets = ", ".join(["()", *[f"({name})" for name in names]])
        sql = (f"SELECT GROUPING({FACET_COLUMNS}), {FACET_COLUMNS}, {', '.join(aggregates)} FROM {source} "
               f"GROUP BY GROUPING SETS ({sets})")
        total, counts, extras = 0, {name: {} for name in names}, {}
        full = (1 << len(names)) - 1
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, *source_params])
            for row in cursor.fetchall():
                grouping, values, numbers = row[0], row[1:1 + len(names)], row[1 + len(names):]
                if grouping == full:
                    total = numbers[0]
                    continue
                position = next(i for i in range(len(names)) if not grouping & (1 << (len(names) - 1 - i)))
                if values[position] and numbers[1 + position]:
                    counts[names[position]][values[position]] = numbers[1 + position]
            if extra_ids:
                where, where_params = _where(filters)
                cursor.execute(
                    f"SELECT project_id, {where}, {column} @@ to_tsquery('confiance_fr', %s) "
                    f"FROM library_searchdocument WHERE project_id = ANY(%s)", [*where_params, expression, list(extra_ids)])
                extras = {pk: (kept, matched) for pk, kept, matched in cursor.fetchall()}
        return total, counts, extras

    def run(self, groups, tier, filters, extra_ids, offset, limit):
        """With words, ONE statement: the match (rank, facets) materialised once, read for the page,
        the meaning-based extras and the GROUPING SETS counts. Browsing: the counts, then the page by title."""
        if not groups:
            total, counts, extras = self.facets(groups, tier, filters, extra_ids)
            return self.page(groups, tier, filters, offset, limit), total, counts, extras
        column = f"tsv{int(tier)}"
        names = list(FACETS)
        aggregates, params = [], []
        for skip in [None, *names]:
            where, where_params = _where(filters, skip=skip)
            aggregates.append(f"COUNT(*) FILTER (WHERE {where})")
            params += where_params
        where, where_params = _where(filters)
        sets = ", ".join(["()", *[f"({name})" for name in names]])
        sql = (f"WITH matched AS MATERIALIZED (SELECT project_id AS id, ts_rank_cd({column}, query, 1) AS rank, "
               f"{column} @@ query AS text, {FACET_COLUMNS} FROM library_searchdocument, "
               f"to_tsquery('confiance_fr', %s) query WHERE {column} @@ query OR project_id = ANY(%s)) "
               f"SELECT GROUPING({FACET_COLUMNS}), {FACET_COLUMNS}, {', '.join(aggregates)}, "
               f"(SELECT array_agg(id ORDER BY rank DESC, id) FROM (SELECT id, rank FROM matched WHERE text AND {where} "
               f"ORDER BY rank DESC, id LIMIT %s OFFSET %s) AS page), "
               f"(SELECT array_agg(id) FROM matched WHERE id = ANY(%s) AND {where}), "
               f"(SELECT array_agg(id) FROM matched WHERE id = ANY(%s) AND text) "
               f"FROM matched GROUP BY GROUPING SETS ({sets})")
        extra = list(extra_ids)
        all_params = [tsquery_expression(groups) or "''", extra, *params, *where_params, limit, offset,
                      extra, *where_params, extra]
        total, counts, page, kept, text = 0, {name: {} for name in names}, [], [], []
        full = (1 << len(names)) - 1
        with connection.cursor() as cursor:
            cursor.execute(sql, all_params)
            for row in cursor.fetchall():
                grouping, values = row[0], row[1:1 + len(names)]
                numbers = row[1 + len(names):2 + 2 * len(names)]
                page, kept, text = row[-3] or [], row[-2] or [], row[-1] or []
                if grouping == full:
                    total = numbers[0]
                    continue
                position = next(i for i in range(len(names)) if not grouping & (1 << (len(names) - 1 - i)))
                if values[position] and numbers[1 + position]:
                    counts[names[position]][values[position]] = numbers[1 + position]
        extras = {pk: (pk in kept, pk in text) for pk in extra_ids}
        return page, total, counts, extras

    def ranked_ids(self, groups, tier, limit):
        if not tsquery_expression(groups):
            return []
        return self._ids(*self.bare_sql(groups, tier, limit))

    def _ids(self, sql, params):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [row[0] for row in cursor.fetchall()]


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
        wanted = max(1, int(number))
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
