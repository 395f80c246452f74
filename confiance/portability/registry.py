"""Which models belong to an organisation, and how to find them.

Each app declares its models in its AppConfig.ready() with the lookup from the
model to its organisation; the archive then exports and restores them, and
their history, without knowing the apps. Order does not matter: both SQLite
and PostgreSQL check foreign keys at commit, when everything is restored.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Portable:
    organisation_lookup: str
    after_restore: object = None  # callable(list of restored objects), e.g. to rebuild an index


PORTABLE_MODELS = {}


def register_portable(model, organisation_lookup, after_restore=None):
    """Declare that `model`'s rows with `organisation_lookup` = the organisation's id belong to it.

    `organisation_lookup` is a query path such as "organisation" or
    "system__organisation"; "id" for the Organisation model itself. The same
    path must work on the model's history table, which copies its fields.
    """
    PORTABLE_MODELS[model] = Portable(organisation_lookup, after_restore)
