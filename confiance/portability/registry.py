"""Which models belong to an organisation, and how to find them.

Each app declares its models in its AppConfig.ready() with the lookup from the
model to its organisation; the archive then exports and restores them, and
their history, without knowing the apps. Order does not matter: both SQLite
and PostgreSQL check foreign keys at commit, when everything is restored.
"""

PORTABLE_MODELS = {}


def register_portable(model, organisation_lookup):
    """Declare that `model`'s rows with `organisation_lookup` = the organisation belong to it.

    `organisation_lookup` is a query path such as "organisation" or
    "system__organisation"; "pk" for the Organisation model itself.
    """
    PORTABLE_MODELS[model] = organisation_lookup
