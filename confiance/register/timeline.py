"""The timeline of a record: who changed what, when, from which value to which."""

from dataclasses import dataclass, field

from django.db import models


@dataclass
class Change:
    label: str
    old: str
    new: str


@dataclass
class Entry:
    when: object
    who: object
    kind: str
    reason: str = ""
    changes: list = field(default_factory=list)


# Functions (record) -> list of Entry that other apps add to a record's timeline (the review's opinions and
# decisions); each registers in its AppConfig.ready(), so the register imports none of them.
TIMELINE_SOURCES = []


def register_timeline_source(function):
    TIMELINE_SOURCES.append(function)
    return function


def _display(model_field, value, related_names):
    if value in (None, ""):
        return "—"
    if isinstance(model_field, models.ForeignKey):
        return related_names.get((model_field.related_model, value), f"n° {value}")
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "oui" if value else "non"
    return str(value)


def timeline_for(record):
    """Return the record's history as Entries, most recent first."""
    history = list(record.history.select_related("history_user").order_by("history_date", "history_id"))
    model = type(record)
    fields = {f.attname: f for f in model._meta.concrete_fields}
    # Collect every foreign key value once so each is resolved in one query per model.
    wanted = {}
    for item in history:
        for attname, f in fields.items():
            if isinstance(f, models.ForeignKey) and getattr(item, attname) is not None:
                wanted.setdefault(f.related_model, set()).add(getattr(item, attname))
    related_names = {}
    for related_model, ids in wanted.items():
        for obj in related_model._default_manager.filter(pk__in=ids):
            related_names[(related_model, obj.pk)] = str(obj)

    entries, previous = [], None
    for item in history:
        entry = Entry(
            when=item.history_date,
            who=item.history_user,
            kind={"+": "Création", "~": "Modification", "-": "Suppression"}[item.history_type],
            reason=item.history_change_reason or "",
        )
        if previous is not None:
            delta = item.diff_against(previous)
            for change in delta.changes:
                f = fields.get(change.field) or model._meta.get_field(change.field)
                entry.changes.append(
                    Change(
                        label=str(f.verbose_name),
                        old=_display(f, change.old, related_names),
                        new=_display(f, change.new, related_names),
                    )
                )
            if not entry.changes and not entry.reason:
                previous = item
                continue
        entries.append(entry)
        previous = item
    for source in TIMELINE_SOURCES:
        entries.extend(source(record))
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries
