"""Facet values packed into one integer, for both search backends (decision 0014).

Each facet value gets a small code (`SearchFacetCode`, assigned once, never
reused); the six codes of a project are packed into one integer, and the FTS5
rowid of its search entry is that integer shifted left of the project's id.
A match then carries its facet values in its rowid: the database groups the
matches by `rowid >> PK_BITS` (no join, no lookup per match) and numpy sums
that cube into each facet's counts. On PostgreSQL the same integer is the `code`
column of `library_searchdocument`, grouped the same way.
"""

import logging

import numpy as np

FACET_BITS = {"domain": 6, "technique": 6, "status": 4, "organisation_kind": 4, "size_band": 4, "region": 12}
PK_BITS = 26  # project ids below 67 million; 36 + 26 bits fit SQLite's signed 64-bit rowid
PK_MASK = (1 << PK_BITS) - 1
SHIFTS = {}
_shift = 0
for _name in reversed(list(FACET_BITS)):
    SHIFTS[_name] = _shift
    _shift += FACET_BITS[_name]
logger = logging.getLogger(__name__)


class Codebook:
    """The codes of the facet values, read from the database; new values get the next free code."""

    def __init__(self):
        from confiance.library.models_search import SearchFacetCode

        self.codes, self.values = {}, {}
        for facet, value, code in SearchFacetCode.objects.values_list("facet", "value", "code"):
            self.codes[(facet, value)], self.values[(facet, code)] = code, value

    def code(self, facet, value, assign=True):
        """Return the code of `value` (0 for no value); None when unknown and `assign` is False."""
        if not value:
            return 0
        code = self.codes.get((facet, value))
        if code is None and assign:
            code = self._assign(facet, value)
        return code

    def _assign(self, facet, value):
        from confiance.library.models_search import SearchFacetCode

        code = 1 + max((c for (f, _), c in self.codes.items() if f == facet), default=0)
        if code >= 1 << FACET_BITS[facet]:
            logger.warning("Trop de valeurs pour la facette %s : « %s » n'y est pas comptée.", facet, value)
            return 0
        SearchFacetCode.objects.create(facet=facet, value=value, code=code)
        self.codes[(facet, value)], self.values[(facet, code)] = code, value
        return code

    def pack(self, values):
        """Return the packed code of a {facet: value} dict, assigning codes to new values."""
        return sum(self.code(name, values.get(name) or "") << SHIFTS[name] for name in FACET_BITS)


def rowid(code, pk):
    if pk > PK_MASK:
        raise ValueError(f"identifiant de projet trop grand pour l'index SQLite : {pk}")
    return (code << PK_BITS) | pk


def part_sql(name, column="rowid"):
    """SQL extracting the code of facet `name` from an FTS5 rowid."""
    return f"(({column} >> {PK_BITS + SHIFTS[name]}) & {(1 << FACET_BITS[name]) - 1})"


def keeps(code, wanted):
    """Return True when packed `code` meets every filter of `wanted` ({facet: set of codes kept})."""
    return all((code >> SHIFTS[name]) & ((1 << FACET_BITS[name]) - 1) in codes for name, codes in wanted.items())


def fold(cube, wanted):
    """Sum a cube of (packed code, count) rows into the total and each facet's counts under the other filters.

    `cube` is a sequence of rows or an (n, 2) integer array. `wanted` maps a filtered facet to
    the set of codes it keeps. Returns (total, {facet: {code: count}}).
    Every step is a NumPy operation over the cube (a few thousand rows at most): no Python loop per row.
    """
    if not len(cube):
        return 0, {name: {} for name in FACET_BITS}
    table = np.asarray(cube, dtype=np.int64).reshape(-1, 2)
    codes, counts = table[:, 0], table[:, 1]
    parts = {name: (codes >> SHIFTS[name]) & ((1 << bits) - 1) for name, bits in FACET_BITS.items()}
    passes = {}
    for name, kept in wanted.items():
        lookup = np.zeros(1 << FACET_BITS[name], dtype=bool)  # a table indexed by code: no np.isin sort
        lookup[[c for c in kept if 0 <= c < len(lookup)]] = True
        passes[name] = lookup[parts[name]]
    keep_all = np.ones(len(codes), dtype=bool)
    for mask in passes.values():
        keep_all &= mask
    total = int(counts[keep_all].sum())
    result = {}
    for name, bits in FACET_BITS.items():
        keep = keep_all
        if name in passes:  # its own filter does not apply to its counts
            keep = np.ones(len(codes), dtype=bool)
            for other, mask in passes.items():
                if other != name:
                    keep &= mask
        sums = np.bincount(parts[name][keep], weights=counts[keep], minlength=1 << bits)
        sums[0] = 0  # code 0: no value, not a facet value
        present = np.flatnonzero(sums)
        result[name] = dict(zip(present.tolist(), sums[present].astype(np.int64).tolist(), strict=True))
    return total, result


def wanted_codes(filters, book):
    """{facet: set of codes} of the selected values of `filters` (an unknown value keeps nothing)."""
    return {name: {book.code(name, v, assign=False) for v in values} - {None} or {-1}
            for name, values in filters.items()}


def counts_by_value(cube, wanted, book):
    """Fold a cube of (packed code, count) rows into the total and {facet: {value: count}} (see fold)."""
    total, by_code = fold(cube, wanted)
    return total, {name: {book.values.get((name, code), ""): n for code, n in values.items()}
                   for name, values in by_code.items()}
