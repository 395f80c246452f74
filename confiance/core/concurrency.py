"""Optimistic concurrency for records edited by several people at once (decision 0015).

A record's *version* is the id of its latest history row (django-simple-history
writes one on every save), so every model with a history has a version without a
column of its own. A form carries the version it was read at; saving it:

1. locks the row (SELECT ... FOR UPDATE on PostgreSQL; SQLite's IMMEDIATE
   transactions already serialise writers),
2. works out which fields the person changed compared with the version they read
   (`mine`) and which fields others changed since (`theirs`),
3. refuses with a conflict when a field is in both with different values, and
   otherwise writes only the person's fields onto the current row.

So nothing is lost and the history never shows a revert nobody made. The fields
come from the form itself: a field added to a model's form is covered at once.
"""

from dataclasses import dataclass
from dataclasses import field as dataclass_field

from django import forms
from django.db import transaction
from django.forms.widgets import ChoiceWidget
from simple_history.utils import get_m2m_reverse_field_name

SAVED, UNCHANGED, INVALID, CONFLICT = "saved", "unchanged", "invalid", "conflict"


def version_of(obj):
    """Return `obj`'s version: the id of its latest history row (0 when it has none)."""
    if obj is None or obj.pk is None:
        return 0
    latest = obj.history.order_by("-history_id").values_list("history_id", flat=True).first()
    return latest or 0


def parse_version(value):
    """Return the version a client sent ("12", '"12"', 'W/"12"'), or None when absent or unreadable."""
    if value is None:
        return None
    text = str(value).strip()
    if text.startswith("W/"):
        text = text[2:]
    text = text.strip('"')
    if not text.isdigit() or len(text) > 18:
        return None
    return int(text)


def etag(version):
    """Return the HTTP entity tag of a version."""
    return f'"{version}"'


def instance_at(model, pk, version):
    """Return the record as it was at `version`, or None when that version is not one of its own."""
    row = model.history.filter(history_id=version, id=pk).first()
    if row is None:
        return None
    instance = row.instance
    instance._version_row = row  # its many-to-many values, when the history keeps them (m2m_fields)
    return instance


def comparable(value):
    """Return a value two versions can be compared by (a related object compares by its key)."""
    if hasattr(value, "pk"):
        return value.pk
    if isinstance(value, (list, tuple, set)) or hasattr(value, "all"):
        items = value.all() if hasattr(value, "all") else value
        return sorted(comparable(v) for v in items)
    return value


def model_value(obj, name):
    """Return the comparable value of `obj`'s model field `name`."""
    model_field = obj._meta.get_field(name)
    row = getattr(obj, "_version_row", None)
    if model_field.many_to_many and row is not None:
        if name not in {f.name for f in getattr(row, "_history_m2m_fields", ())}:
            return []  # a past version whose history keeps no many-to-many values
        target = get_m2m_reverse_field_name(model_field)
        return sorted(getattr(row, name).values_list(f"{target}_id", flat=True))
    if model_field.many_to_many:
        try:
            return comparable(getattr(obj, name).all())
        except (ValueError, AttributeError):  # a past version keeps no many-to-many values
            return []
    return comparable(model_field.value_from_object(obj))


@dataclass
class FieldConflict:
    """One field two people changed differently: what the person typed and what is stored now."""

    name: str
    label: str
    mine: object
    theirs: object


@dataclass
class EditResult:
    status: str
    form: object
    obj: object
    version: int
    conflicts: list = dataclass_field(default_factory=list)


def _display(form, name, value):
    """Return a value as the person reads it (a choice's label, a related object's name)."""
    form_field = form.fields[name]
    choices = getattr(form_field, "choices", None)
    if value in (None, ""):
        return "(vide)"
    if isinstance(value, bool):
        return "oui" if value else "non"
    if hasattr(form_field, "queryset"):
        values = value if isinstance(value, list) else [value]
        objects = form_field.queryset.model._default_manager.filter(pk__in=values)
        return ", ".join(str(o) for o in objects) or "(vide)"
    if choices:
        labels = {str(k): v for k, v in choices}
        return labels.get(str(value), value)
    return value


def save_edit(obj, make_form, data, files=None, version=None, before_save=None, keep_current=()):
    """Save the person's changes to `obj`, read at `version`, without losing anyone else's.

    `make_form(data, files, instance)` builds the model form. `version` None means the
    client did not say (an old client): the current row is then taken as the one read.
    `before_save(obj)` may set the history's author or reason; `keep_current` names the
    fields whose stored value the person chose on the conflict page. Return an EditResult
    whose status is SAVED, UNCHANGED, INVALID (form errors) or CONFLICT.
    """
    model = type(obj)
    with transaction.atomic():
        current = model._default_manager.select_for_update().get(pk=obj.pk)
        current_version = version_of(current)
        base = current if version in (None, current_version) else instance_at(model, obj.pk, version)
        stale = base is not current
        if keep_current:
            pristine = make_form(None, None, current)
            data = data.copy()
            for name in keep_current:
                if name in pristine.fields:
                    _set_raw(data, pristine[name])
        if base is None:  # an unknown version: compare with nothing, every typed field counts
            base = model._default_manager.get(pk=obj.pk)
            base_known = False
        else:
            base_known = True
        form = make_form(data, files, base if stale else current)
        # Read the base's values before validation writes the typed ones onto it.
        names = [n for n in form.fields if _is_model_field(model, n)]
        base_values = {n: model_value(base, n) for n in names}
        if not form.is_valid():
            return EditResult(INVALID, form, current, current_version)
        mine = [n for n in form.changed_data if n in names]
        if stale:
            typed = {n: comparable(form.cleaned_data.get(n)) for n in names}
            theirs = {n for n in names if not base_known or model_value(current, n) != base_values[n]}
            if not base_known:
                mine = [n for n in names if typed[n] != model_value(current, n)]
            clashing = [n for n in mine if n in theirs and typed[n] != model_value(current, n)]
            if clashing:
                conflict_form = make_form(data, files, current)
                conflicts = [
                    FieldConflict(n, form.fields[n].label or n, _display(form, n, typed[n]),
                                  _display(form, n, model_value(current, n)))
                    for n in clashing
                ]
                return EditResult(CONFLICT, conflict_form, current, current_version, conflicts)
        if not mine:
            return EditResult(UNCHANGED, form, current, current_version)
        merged = _merge(make_form, form, current, mine)
        if not merged.is_valid():
            return EditResult(INVALID, merged, current, current_version)
        saved = merged.save(commit=False)
        if before_save:
            before_save(saved)
        saved.save()
        merged.save_m2m()
        return EditResult(SAVED, merged, saved, version_of(saved))


def _is_model_field(model, name):
    try:
        model._meta.get_field(name)
    except Exception:  # noqa: BLE001 - FieldDoesNotExist; a form-only field
        return False
    return True


def _merge(make_form, form, current, mine):
    """Return a bound form holding the current row with only the person's fields changed.

    The form's own widgets render the current values, so the merged data has exactly
    the shape the person's browser would have sent.
    """
    pristine = make_form(None, None, current)
    data = form.data.copy() if hasattr(form.data, "copy") else dict(form.data)
    for name in pristine.fields:
        if name not in mine:
            _set_raw(data, pristine[name])
    return make_form(data, form.files, current)


def _set_raw(data, bound_field):
    """Put a bound field's initial value in `data` as a browser would send it."""
    key, value, widget = bound_field.html_name, bound_field.value(), bound_field.field.widget
    if hasattr(data, "setlist"):
        data.setlist(key, [])
    data.pop(key, None)
    if isinstance(widget, forms.CheckboxInput):
        if value:
            _assign(data, key, ["on"])
        return
    if isinstance(widget, ChoiceWidget):
        values = value if isinstance(value, (list, tuple)) else [value]
        values = ["" if v is None else str(v) for v in values]
        if widget.allow_multiple_selected:
            _assign(data, key, values, many=True)
        else:
            _assign(data, key, values[:1] or [""])
        return
    formatted = widget.format_value(value) if value is not None else ""
    _assign(data, key, ["" if formatted is None else str(formatted)])


def _assign(data, key, values, many=False):
    if hasattr(data, "setlist"):
        data.setlist(key, values)
    else:
        data[key] = values if many else values[0]


VERSION_FIELD = "_version"
KEEP_PREFIX = "_garder_"


def save_edit_from_request(request, obj, make_form, before_save=None):
    """Run save_edit with the version and the conflict page's choices a screen's form posted."""
    keep = [key[len(KEEP_PREFIX):] for key, value in request.POST.items()
            if key.startswith(KEEP_PREFIX) and value == "enregistree"]
    data = request.POST.copy()
    for key in [VERSION_FIELD, *(k for k in data if k.startswith(KEEP_PREFIX))]:
        data.pop(key, None)
    return save_edit(obj, make_form, data, request.FILES or None,
                     version=parse_version(request.POST.get(VERSION_FIELD)), keep_current=keep,
                     before_save=before_save)


def conflict_context(result):
    """Return what the conflict page shows: both versions side by side and who wrote the stored one."""
    latest = result.obj.history.order_by("-history_id").select_related("history_user").first()
    return {
        "conflicts": result.conflicts,
        "version": result.version,
        "stored_by": getattr(latest, "history_user", None),
        "stored_at": getattr(latest, "history_date", None),
    }


def page_context(result):
    """Return what a screen renders after an edit it did not save, and its status (409 on a conflict).

    The context holds the bound form, the version it now carries and, on a conflict,
    both versions side by side (core/_conflict.html).
    """
    context = {"form": result.form, "version": result.version}
    if result.status == CONFLICT:
        context.update(conflict_context(result))
    return context, (409 if result.conflicts else 200)


def form_data(form):
    """Return the data an unbound form's browser would post unchanged (tests, API overlays)."""
    data = {}
    for name in form.fields:
        _set_raw(data, form[name])
    return data


def rows_version(parent, model, fk_name):
    """Return the version of `parent`'s rows of `model` (an inline formset's): the latest history row among them.

    Deleting a row writes a history row too, so a deletion moves the version on.
    """
    latest = (model.history.filter(**{f"{fk_name}_id": parent.pk}).order_by("-history_id")
              .values_list("history_id", flat=True).first())
    return latest or 0


def _row_summary(form, values):
    return " ; ".join(f"{form.fields[n].label or n} : {_display(form, n, v)}" for n, v in values.items()
                      if not isinstance(form.fields[n].widget, forms.HiddenInput))


def save_formset_edit_from_request(request, parent, make_formset):
    """Save an inline formset of `parent`'s rows without losing rows others changed since the version read.

    A row the person left as they read it is not written, even when others changed it since;
    a row both changed (or one deleted, the other changed) is a conflict, shown side by side,
    row by row; the person's typing stays in the form. Returns an EditResult whose `form` is
    the formset.
    """
    keep = {key[len(KEEP_PREFIX):] for key, value in request.POST.items()
            if key.startswith(KEEP_PREFIX) and value == "enregistree"}
    version = parse_version(request.POST.get(VERSION_FIELD))
    with transaction.atomic():
        type(parent)._default_manager.select_for_update().get(pk=parent.pk)
        formset = make_formset(request.POST, parent)
        model, fk_name = formset.model, formset.fk.name
        current_version = rows_version(parent, model, fk_name)
        if not formset.is_valid():
            return EditResult(INVALID, formset, parent, current_version)
        others = set()
        if version is not None and version != current_version:
            others = set(model.history.filter(**{f"{fk_name}_id": parent.pk}, history_id__gt=version)
                         .values_list("id", flat=True))
        untouched, conflicts = set(), []
        for form in formset.initial_forms:
            if form.prefix in keep:
                untouched.add(form.prefix)
                continue
            if form.instance.pk not in others:
                continue
            read = model.history.filter(id=form.instance.pk, history_id__lte=version).order_by("-history_id").first()
            names = [n for n in form.fields if _is_model_field(model, n) and n != fk_name]
            typed = {n: comparable(form.cleaned_data.get(n)) for n in names}
            then = {n: model_value(read.instance, n) for n in names} if read else None
            deleting = form in formset.deleted_forms
            if then == typed and not deleting:
                untouched.add(form.prefix)  # left as read: the newer stored row stays
                continue
            # Validation wrote the typed values onto form.instance: read the stored row again.
            stored_row = model._default_manager.get(pk=form.instance.pk)
            stored = {n: model_value(stored_row, n) for n in names}
            conflicts.append(FieldConflict(form.prefix, f"Ligne « {stored.get('name') or form.prefix} »",
                                           "(supprimer la ligne)" if deleting else _row_summary(form, typed),
                                           _row_summary(form, stored)))
        if conflicts:
            data = request.POST.copy()
            for form in formset.initial_forms:
                if form.prefix in untouched:  # show what is stored, so a second save does not write it back
                    stored_row = model._default_manager.get(pk=form.instance.pk)
                    for bound in formset.form(instance=stored_row, prefix=form.prefix):
                        _set_raw(data, bound)
            return EditResult(CONFLICT, make_formset(data, parent), parent, current_version, conflicts)
        changed = False
        for form in formset.forms:
            if form.prefix in untouched or not form.has_changed():
                continue
            changed = True
            if form in formset.deleted_forms:
                if form.instance.pk:
                    form.instance.delete()
                continue
            row = form.save(commit=False)
            setattr(row, fk_name, parent)
            row._history_user = request.user
            row.save()
        return EditResult(SAVED if changed else UNCHANGED, formset, parent, rows_version(parent, model, fk_name))
