"""Which records are complete for each publication standard, as another app computes it.

The register does not build public records; the public app does, and
registers its function here in its AppConfig.ready() (like panels.py). The
function takes a list of records and the keys of the standards wanted (None
for all) and returns {record pk: {standard key: complete?}}; `standards()`
lists the (key, name) of the standards it knows. Without one, nothing is known.
"""

_PROVIDER = {}


def register_completeness(function, standards):
    """Register the function that says which records are complete, and the (key, name) of its standards."""
    _PROVIDER["function"] = function
    _PROVIDER["standards"] = list(standards)


def standards():
    """Return [(key, name)] of the standards a record can be checked against."""
    return list(_PROVIDER.get("standards", []))


def complete_flags(systems, keys=None):
    """Return {pk: {standard key: complete?}} for `systems` (records, or their pks)."""
    function = _PROVIDER.get("function")
    return function(list(systems), keys) if function else {}


def incomplete_pks(systems, key):
    """Return the pks of `systems` that lack at least one required field of standard `key`."""
    return [pk for pk, flags in complete_flags(systems, [key]).items() if not flags.get(key, True)]


def complete_counts(systems):
    """Return [(key, name, complete, total)]: how many of `systems` are complete for each standard."""
    flags = complete_flags(systems)
    return [(key, name, sum(1 for f in flags.values() if f.get(key)), len(flags)) for key, name in standards()]
