"""How complete a record is for each publication standard, as other apps compute it.

The register does not build public records; the public app does, and
registers its function here in its AppConfig.ready() (like panels.py). A
provider takes a list of records and returns {record pk: [Completeness, ...]}
(confiance.rules.publication_standards.Completeness); `standards()` lists the
(key, name) of the standards it knows. Without a provider, nothing is known.
"""

_PROVIDER = {}


def register_completeness(function, standards):
    """Register the function that computes completeness, and the (key, name) of its standards."""
    _PROVIDER["function"] = function
    _PROVIDER["standards"] = list(standards)


def standards():
    """Return [(key, name)] of the standards a record can be checked against."""
    return list(_PROVIDER.get("standards", []))


def completeness_for(systems):
    """Return {pk: [Completeness, ...]} for `systems` (an iterable of AISystem)."""
    function = _PROVIDER.get("function")
    return function(list(systems)) if function else {}


def incomplete_pks(systems, key):
    """Return the pks of `systems` that lack at least one required field of standard `key`."""
    return [pk for pk, results in completeness_for(systems).items()
            if any(r.key == key and not r.complete for r in results)]


def complete_counts(systems):
    """Return [(key, name, complete, total)]: how many of `systems` are complete for each standard."""
    results = completeness_for(systems)
    counts = []
    for key, name in standards():
        complete = sum(1 for items in results.values() for r in items if r.key == key and r.complete)
        counts.append((key, name, complete, len(results)))
    return counts
