"""How the register's list narrows records by a principle's outcome, as the checks app reads it.

The register does not judge principles; the checks app does, and registers its
function here in its AppConfig.ready() (like completeness.py). The function takes
a queryset of records, a principle's number and an outcome ("met", "to_do",
"violated") and returns the records whose principle reads that outcome — laws 7
to 9 read on each record's organisation, as the record's page shows them
(decision 0020). Without one, nothing matches.
"""

_PROVIDER = {}


def register_law_filter(function):
    """Register the function that narrows records to those whose principle reads an outcome."""
    _PROVIDER["function"] = function


def with_law_outcome(systems, number, outcome):
    """Return `systems` whose principle `number` reads `outcome`."""
    function = _PROVIDER.get("function")
    return function(systems, number, outcome) if function else systems.none()
