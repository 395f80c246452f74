"""Write many new rows fast, with their history: one prepared INSERT run by executemany.

Django's `bulk_create` compiles every value of every row in Python, and on
SQLite cuts the rows into statements of 999 parameters (19 projects each);
at 100,000 harvested projects that was most of a harvest's time (decision
0014). Here each row is a tuple, only the values that need it (dates, JSON,
bytes) are converted, and the primary keys are reserved up front so the rows
can be indexed and their history written without reading them back. Every
created row still gets its "+" version in the history (decision 0001); the
history rows are written as tuples, without building a model instance each
(at 100,000 harvested projects that was about a tenth of the harvest).
"""

from datetime import datetime

from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.utils import timezone
from simple_history.utils import get_change_reason_from_object, get_history_manager_for_model

PLAIN_TYPES = {"AutoField", "BigAutoField", "BigIntegerField", "BooleanField", "CharField", "EmailField", "ForeignKey",
               "IntegerField", "OneToOneField", "PositiveIntegerField", "PositiveSmallIntegerField", "SlugField",
               "SmallIntegerField", "TextField", "URLField"}


def reserve_ids(model, count):
    """Return `count` new primary keys for `model`; call inside a transaction, before inserting them."""
    table, pk = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                           [table, pk, count])
            return [row[0] for row in cursor.fetchall()]
        # SQLite: a write first takes the database's write lock, so no one else inserts until the commit.
        cursor.execute(f'UPDATE "{table}" SET "{pk}" = "{pk}" WHERE "{pk}" < 0')
        cursor.execute(f'SELECT MAX("{pk}") FROM "{table}"')
        highest = cursor.fetchone()[0] or 0
        cursor.execute("SELECT MAX(seq) FROM sqlite_sequence WHERE name = %s", [table])
        highest = max(highest, (cursor.fetchone() or [0])[0] or 0)
    return list(range(highest + 1, highest + 1 + count))


def _prepare(field):
    if field.get_internal_type() in PLAIN_TYPES:
        return None
    database = connections[DEFAULT_DB_ALIAS]  # the object itself: `connection` is a proxy, slow per value
    if field.get_internal_type() == "DateTimeField":
        # An aware datetime (every one the library writes) goes straight to the backend's adapter:
        # the field's own checks (naive values, dates) only change the others.
        adapt = database.ops.adapt_datetimefield_value

        def prepare_datetime(value):
            if value is None:
                return None
            if type(value) is datetime and value.tzinfo is not None:
                return adapt(value)
            return field.get_db_prep_save(value, database)

        return prepare_datetime
    return lambda value: field.get_db_prep_save(value, database)


def _insert_rows(model, fields, rows):
    """INSERT `rows` (one value per field of `fields`, in order, not yet prepared for the database)."""
    prepared = [_prepare(field) for field in fields]
    if any(prepared):
        rows = [[prep(value) if prep else value for prep, value in zip(prepared, row, strict=True)] for row in rows]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    sql = f"INSERT INTO {connection.ops.quote_name(model._meta.db_table)} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})"
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def insert(model, objs):
    """INSERT `objs` of `model` as they are (no signals, no save()); a pk left None is given by the database."""
    if not objs:
        return
    with_pk = objs[0].pk is not None
    fields = [f for f in model._meta.concrete_fields if with_pk or not f.primary_key]
    auto = [f for f in fields if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)]
    for obj in objs:
        for field in auto:
            field.pre_save(obj, True)
    names = [field.attname for field in fields]
    _insert_rows(model, fields, [[getattr(obj, name) for name in names] for obj in objs])
    for obj in objs:
        obj._state.adding, obj._state.db = False, connection.alias


def create_with_history(objs, model, default_change_reason=""):
    """Create `objs` (unsaved) with their "+" history rows, in the caller's transaction; return them with pks."""
    if not objs:
        return []
    for obj, pk in zip(objs, reserve_ids(model, len(objs)), strict=True):
        obj.pk = pk
    insert(model, objs)
    history = get_history_manager_for_model(model)
    historical, now = history.model, timezone.now()
    fields = [f for f in historical._meta.concrete_fields if not f.primary_key]
    tracked = {field.attname for field in historical.tracked_fields}
    unknown = [f.attname for f in fields if f.attname not in tracked and f.attname not in HISTORY_COLUMNS]
    if unknown:  # a history model with columns of its own: fail rather than leave them empty
        raise ValueError(f"colonnes d'historique inattendues pour {model.__name__} : {', '.join(unknown)}")
    rows = []
    for obj in objs:
        user = obj._history_user if hasattr(obj, "_history_user") else historical.get_default_history_user(obj)
        own = {
            "history_date": getattr(obj, "_history_date", now),
            "history_user_id": getattr(user, "pk", user),
            "history_change_reason": get_change_reason_from_object(obj) or default_change_reason,
            "history_type": "+",
        }
        rows.append([own[f.attname] if f.attname in own else getattr(obj, f.attname) for f in fields])
    _insert_rows(historical, fields, rows)
    return objs


HISTORY_COLUMNS = {"history_date", "history_user_id", "history_change_reason", "history_type"}
