"""Accent- and case-insensitive search over the register.

Each record keeps `search_text`, its searchable fields folded to lower case
without accents; a query is folded the same way and every word must appear.
That behaves identically on SQLite and PostgreSQL without an extension.
"""

import unicodedata

from django.db.models import Q


def fold(text):
    """Return `text` in lower case with accents removed ("Éducation" -> "education")."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def query_filter(query, field="search_text"):
    """Return a Q matching records whose folded text contains every word of `query`."""
    condition = Q()
    for word in fold(query).split():
        condition &= Q(**{f"{field}__contains": word})
    return condition
