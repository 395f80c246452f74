"""The library's full-text search on PostgreSQL: French text search, facets counted as a cube of packed codes.

See confiance.library.search for the interface and decision 0014.
"""

from django.db import connection, transaction

from confiance.library import facet_codes
from confiance.library.search_columns import FACETS, INDEX_BATCH, facet_values, fetch_ids
from confiance.library.search_columns import where as where_sql
from confiance.rules.library_text import tsquery_expression

PLANNER = {"enable_seqscan": "off", "parallel_setup_cost": "0", "parallel_tuple_cost": "0",
           "enable_sort": "off", "jit": "off"}  # see run(); only these statements, set back after them
CODEBOOK_LOCK = 140014  # pg_advisory_xact_lock key: one indexer at a time gives codes to new facet values


class PostgresBackend:
    """French text search on library_searchdocument; facet counts from one GROUP BY of the packed facet codes."""

    vendor = "postgresql"

    def index_many(self, projects):
        from confiance.library.models_search import SearchDocument

        gone = [p.pk for p in projects if p.withdrawn]
        if gone:
            SearchDocument.objects.filter(project_id__in=gone).delete()
        kept = [p for p in projects if not p.withdrawn]
        with transaction.atomic():
            book = facet_codes.Codebook()
            if any(book.code(name, value, assign=False) is None for p in kept
                   for name, value in zip(FACETS, facet_values(p), strict=True)):
                # A new facet value gets the next free code: one indexer at a time, reading the codes afresh.
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_xact_lock(%s)", [CODEBOOK_LOCK])
                book = facet_codes.Codebook()
            documents = []
            for project in kept:
                texts = project.tier_texts()
                values = dict(zip(FACETS, facet_values(project), strict=True))
                documents.append(SearchDocument(
                    project_id=project.pk, title=project.name, text1=texts[1], text2=texts[2], text3=texts[3],
                    code=book.pack(values), **values))
            # One INSERT ... ON CONFLICT per batch; PostgreSQL computes the tsvector columns.
            SearchDocument.objects.bulk_create(
                documents, batch_size=INDEX_BATCH, update_conflicts=True, unique_fields=["project"],
                update_fields=["title", "text1", "text2", "text3", *FACETS, "code"])

    def remove(self, pk):
        from confiance.library.models_search import SearchDocument

        SearchDocument.objects.filter(project_id=pk).delete()

    def bare_sql(self, groups, tier, limit):
        column = f"tsv{int(tier)}"
        return (f"SELECT project_id FROM library_searchdocument, to_tsquery('confiance_fr', %s) query "
                f"WHERE {column} @@ query ORDER BY ts_rank_cd({column}, query, 1) DESC, project_id LIMIT %s",
                [tsquery_expression(groups), limit])

    def page(self, groups, tier, filters, offset, limit):
        where, params = where_sql(filters)
        if not groups:
            sql = (f"SELECT project_id FROM library_searchdocument WHERE {where} "
                   "ORDER BY title, project_id LIMIT %s OFFSET %s")
            return fetch_ids(sql, [*params, limit, offset])
        column = f"tsv{int(tier)}"
        sql = (f"SELECT project_id FROM library_searchdocument, to_tsquery('confiance_fr', %s) query "
               f"WHERE {where} AND {column} @@ query "
               f"ORDER BY ts_rank_cd({column}, query, 1) DESC, project_id LIMIT %s OFFSET %s")
        return fetch_ids(sql, [tsquery_expression(groups) or "''", *params, limit, offset])

    def run(self, groups, tier, filters, extra_ids, offset, limit):
        """Return (page of ranked text ids, total, counts, extras): the cube and the page in two statements.

        1. The match grouped by packed facet code (the cube NumPy folds into the counts, as on
           SQLite), with each code's best rank among the rows the filters keep: the rank is
           computed once per kept match, as the bare query does, and never for a dropped one.
        2. The page: the `offset + limit` best rows are all in the codes whose best rank is at
           least the (offset + limit)-th best of the codes' best ranks, so only the matches of
           those few codes are ranked again, `ORDER BY rank DESC, id LIMIT … OFFSET …`.
        """
        book = facet_codes.Codebook()  # a small table, read afresh: codes never change once committed
        wanted = facet_codes.wanted_codes(filters, book)
        column = f"tsv{int(tier)}"
        expression = tsquery_expression(groups) or "''"
        where, where_params = where_sql(filters)
        with connection.cursor() as cursor, transaction.atomic():
            if groups:
                # The planner costs `tsv @@ query` as cheap and, for a broad query, scans the whole table,
                # reading (detoasting) every tsvector to test it, even for rows the filters then drop.
                # Through the GIN index (bitmap scan) a match needs no recheck: a row the filters drop
                # is counted from its code alone, its tsvector never read (decision 0014).
                # ts_rank_cd is costed as cheap too: without these, the planner never shares the ranking of
                # 100,000 matches among parallel workers, as it does for the bare query's table scan, and
                # groups by sorting whole rows, tsvectors included, spilling them to disk (a hash of the
                # codes fits in memory). The page's top-N sort has no other plan and stays; the cost added
                # to it would otherwise start JIT compilation, slower than the whole statement.
                before = self._set_locally(cursor, PLANNER)
                cursor.execute(
                    f"SELECT code, COUNT(*), MAX(CASE WHEN {where} THEN ts_rank_cd({column}, query, 1) END) "
                    f"FROM library_searchdocument, to_tsquery('confiance_fr', %s) query WHERE {column} @@ query "
                    "GROUP BY code", [*where_params, expression])
                rows = cursor.fetchall()
                cube = [(code, count) for code, count, _ in rows]
                best = sorted((rank for _, _, rank in rows if rank is not None), reverse=True)
                page = []
                if best:  # fewer codes than offset + limit: every code may hold a row of the page
                    bar = best[min(offset + limit, len(best)) - 1]
                    codes = [code for code, _, rank in rows if rank is not None and rank >= bar]
                    cursor.execute(
                        f"SELECT project_id FROM library_searchdocument, to_tsquery('confiance_fr', %s) query "
                        f"WHERE code = ANY(%s) AND {where} AND {column} @@ query "
                        f"ORDER BY ts_rank_cd({column}, query, 1) DESC, project_id LIMIT %s OFFSET %s",
                        [expression, codes, *where_params, limit, offset])
                    page = [row[0] for row in cursor.fetchall()]
                self._set_locally(cursor, before)
            else:
                cursor.execute("SELECT code, COUNT(*) FROM library_searchdocument GROUP BY code")
                cube = cursor.fetchall()
                page = self.page(groups, tier, filters, offset, limit)
            extras = {}
            if groups and extra_ids:
                cursor.execute(
                    f"SELECT project_id, code, {where}, {column} @@ to_tsquery('confiance_fr', %s) "
                    f"FROM library_searchdocument WHERE project_id = ANY(%s)", [*where_params, expression, list(extra_ids)])
                for pk, code, kept, text in cursor.fetchall():
                    extras[pk] = (kept, text)
                    if not text:  # counted with the matches, as on SQLite
                        cube.append((code, 1))
        total, counts = facet_codes.counts_by_value(cube, wanted, book)
        return page, total, counts, extras

    def _set_locally(self, cursor, settings):
        """Set planner settings for the rest of the transaction; return their values before."""
        names = list(settings)
        cursor.execute("SELECT " + ", ".join(["current_setting(%s), set_config(%s, %s, true)"] * len(names)),
                       [value for name in names for value in (name, name, settings[name])])
        row = cursor.fetchone()
        return {name: row[2 * i] for i, name in enumerate(names)}

    def ranked_ids(self, groups, tier, limit):
        if not tsquery_expression(groups):
            return []
        return fetch_ids(*self.bare_sql(groups, tier, limit))
