"""The library's full-text search on SQLite: FTS5, its rowid carrying the project's packed facet codes.

See confiance.library.search for the interface and decision 0014 for why the codes ride on the rowid.
"""

import numpy as np
from django.db import connection

from confiance.library import facet_codes
from confiance.library.search_columns import FACET_COLUMNS, FACETS, FTS_COLUMNS, facet_values, fetch_ids, placeholders
from confiance.library.search_columns import where as where_sql
from confiance.rules.library_text import fts5_expression


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
            doc_rows.append((project.pk, project.pk, project.name, *facet_values(project), code))
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT id, code FROM library_searchdocument WHERE id IN ({placeholders(pks)})", pks)
            old = [(facet_codes.rowid(code, pk),) for pk, code in cursor.fetchall()]
            cursor.executemany("DELETE FROM library_fts WHERE rowid = %s", old)
            cursor.executemany("DELETE FROM library_searchdocument WHERE id = %s", [(pk,) for pk in pks])
            if fts_rows:
                cursor.executemany("INSERT INTO library_fts (rowid, title, t1, t2, t3) VALUES (%s, %s, %s, %s, %s)",
                                   fts_rows)
                cursor.executemany(
                    f"INSERT INTO library_searchdocument (id, project_id, title, text1, text2, text3, {FACET_COLUMNS},"
                    f" code) VALUES (%s, %s, %s, '', '', '', {placeholders(FACETS)}, %s)", doc_rows)

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

    def page(self, groups, tier, filters, offset, limit):
        wanted = facet_codes.wanted_codes(filters, facet_codes.Codebook()) if filters else {}
        if not groups:
            where, params = where_sql(filters)
            sql = f"SELECT id FROM library_searchdocument WHERE {where} ORDER BY title, id LIMIT %s OFFSET %s"
            return fetch_ids(sql, [*params, limit, offset])
        conditions = "".join(f" AND {facet_codes.part_sql(name)} IN ({', '.join(map(str, codes))})"
                             for name, codes in wanted.items())
        sql = (f"SELECT rowid & {facet_codes.PK_MASK} FROM library_fts WHERE library_fts MATCH %s{conditions} "
               f"ORDER BY {self.RANK}, rowid LIMIT %s OFFSET %s")
        return fetch_ids(sql, [self._expression(groups, tier), limit, offset])

    def facets(self, groups, tier, filters, extra_ids):
        """Return (total, {facet: {value: count}}, {extra id: (kept by the filters, a text match)}).

        The meaning-based extras are told apart inside the cube's own scan of the match: a
        second MATCH, even limited to their rowids, would merge every prefix's doclists again
        (about as long as the first), while checking each matching rowid against theirs costs
        a few per cent of the scan.
        """
        book = facet_codes.Codebook()  # a small table, read afresh: codes never change once committed
        wanted = facet_codes.wanted_codes(filters, book)
        codes = {}
        with connection.cursor() as cursor:
            if extra_ids:
                cursor.execute(f"SELECT id, code FROM library_searchdocument WHERE id IN ({placeholders(extra_ids)})",
                               extra_ids)
                codes = dict(cursor.fetchall())
            if groups:  # the cube: matches grouped by their packed facet codes, read from the rowid alone
                if codes:
                    rowids = ", ".join(str(facet_codes.rowid(code, pk)) for pk, code in codes.items())
                    cursor.execute(f"SELECT rowid >> {facet_codes.PK_BITS}, CASE WHEN rowid IN ({rowids}) THEN "
                                   f"rowid & {facet_codes.PK_MASK} ELSE 0 END, COUNT(*) FROM library_fts "
                                   "WHERE library_fts MATCH %s GROUP BY 1, 2", [self._expression(groups, tier)])
                    rows = np.array(cursor.fetchall(), dtype=np.int64).reshape(-1, 3)  # (code, extra id or 0, count)
                    text = set(rows[rows[:, 1] > 0, 1].tolist())
                    cube = rows[:, [0, 2]]
                else:  # no extras to tell apart: group on the code alone
                    cursor.execute(f"SELECT rowid >> {facet_codes.PK_BITS}, COUNT(*) FROM library_fts "
                                   "WHERE library_fts MATCH %s GROUP BY 1", [self._expression(groups, tier)])
                    cube, text = np.array(cursor.fetchall(), dtype=np.int64).reshape(-1, 2), set()
            else:
                cursor.execute("SELECT code, COUNT(*) FROM library_searchdocument GROUP BY code")
                cube, text = np.array(cursor.fetchall(), dtype=np.int64).reshape(-1, 2), set()
        extras = {pk: (facet_codes.keeps(code, wanted), pk in text) for pk, code in codes.items()}
        only = [(code, 1) for pk, code in codes.items() if pk not in text]  # meaning-only matches count too
        if only:
            cube = np.concatenate([cube, np.array(only, dtype=np.int64)])
        total, counts = facet_codes.counts_by_value(cube, wanted, book)
        return total, counts, extras

    def ranked_ids(self, groups, tier, limit):
        if not fts5_expression(groups, FTS_COLUMNS[int(tier)]):
            return []
        return fetch_ids(*self.bare_sql(groups, tier, limit))

    def run(self, groups, tier, filters, extra_ids, offset, limit):
        """Return (page of ranked text ids, total, counts, extras): the cube, then the page."""
        total, counts, extras = self.facets(groups, tier, filters, extra_ids)
        return self.page(groups, tier, filters, offset, limit), total, counts, extras
