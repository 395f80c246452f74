"""The library's full-text search on PostgreSQL: French text search, facets counted with GROUPING SETS.

See confiance.library.search for the interface and decision 0014.
"""

from django.db import connection

from confiance.library.search_columns import FACET_COLUMNS, FACETS, INDEX_BATCH, facet_values
from confiance.library.search_columns import where as where_sql
from confiance.rules.library_text import tsquery_expression


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
                **dict(zip(FACETS, facet_values(project), strict=True))))
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
        where, params = where_sql(filters)
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
            where, where_params = where_sql(filters, skip=skip)
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
                where, where_params = where_sql(filters)
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
            where, where_params = where_sql(filters, skip=skip)
            aggregates.append(f"COUNT(*) FILTER (WHERE {where})")
            params += where_params
        where, where_params = where_sql(filters)
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
