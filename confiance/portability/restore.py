"""Restore an organisation's archive into an instance that may hold others (decision 0015).

Three rules keep a restore from handing anything to the wrong person:

1. Nothing is written until the whole archive validates against its JSON Schema
   (`archive_schema()`: the archive's kind and version, and every object's model
   and fields, with their types, lengths and choices).
2. People are matched by natural key, never by primary key: an archive person is
   the local person with the same username, or with the same e-mail; a person who
   exists with other details, or whose username and e-mail point to two people,
   is a conflict. Organisations are matched by SIREN and slug: one that exists is
   a conflict. Groups are matched by name. Conflicts stop the restore with a
   French report; `mapping` ({archive username: local username}) resolves them.
3. Every other object gets a fresh primary key: each model's keys are shifted
   past the highest key already in the database (by zero in an empty database,
   so a restore there keeps the archive's keys exactly), and every reference to
   it, history included, is shifted the same way.
"""

import hashlib
import json
from dataclasses import dataclass, field

from django.apps import apps
from django.db import connection, models
from jsonschema import Draft202012Validator

from confiance.accounts.models import Organisation, OrganisationGroup, Person
from confiance.portability.registry import PORTABLE_MODELS

FORMAT = "confiance-export"
FORMAT_VERSION = 1
MAX_REPORTED = 50


class RestoreRefused(Exception):
    """The archive cannot be restored as it is; `problems` lists why, in French."""

    def __init__(self, title, problems):
        self.title, self.problems = title, list(problems)
        shown = self.problems[:MAX_REPORTED]
        more = len(self.problems) - len(shown)
        text = title + "\n" + "\n".join(f"  - {p}" for p in shown)
        if more > 0:
            text += f"\n  … et {more} autre(s)."
        super().__init__(text)


# --- the JSON Schema ---------------------------------------------------------------------------

def archive_models():
    """Return the models an archive may hold: people, groups, the portable models, their history."""
    found = [Person, OrganisationGroup]
    for model in PORTABLE_MODELS:
        found.append(model)
        if hasattr(model, "history"):
            found.append(model.history.model)
        for m2m in model._meta.many_to_many:
            try:
                found.append(apps.get_model(model._meta.app_label, f"Historical{model.__name__}_{m2m.name}"))
            except LookupError:
                continue
    return list(dict.fromkeys(found))


PERSON_FIELDS = ["username", "first_name", "last_name", "email", "is_active", "is_staff", "date_joined"]


def _nullable(schema, nullable):
    if nullable:
        types = schema.get("type")
        if types:
            schema["type"] = [types, "null"] if isinstance(types, str) else [*types, "null"]
        if "enum" in schema:
            schema["enum"] = [*schema["enum"], None]
    return schema


def field_schema(f, history=False):
    """Return the JSON Schema of one model field as Django's JSON serialisation writes it."""
    if f.many_to_many:
        return {"type": "array", "items": {"type": ["integer", "string"]}}
    if f.is_relation:
        return _nullable({"type": ["integer", "string"]}, f.null)
    if isinstance(f, models.BooleanField):
        return _nullable({"type": "boolean"}, f.null)
    if isinstance(f, (models.IntegerField, models.AutoField)):
        return _nullable({"type": "integer"}, f.null)
    if isinstance(f, models.FloatField):
        return _nullable({"type": "number"}, f.null)
    if isinstance(f, models.DecimalField):
        return _nullable({"type": ["string", "number"]}, f.null)
    if isinstance(f, (models.DateTimeField, models.DateField, models.TimeField, models.DurationField)):
        return _nullable({"type": "string", "maxLength": 64}, f.null)
    if isinstance(f, models.JSONField):
        return {}
    if isinstance(f, (models.CharField, models.TextField, models.FileField)):
        schema = {"type": "string"}
        if getattr(f, "max_length", None) and not isinstance(f, models.TextField):
            schema["maxLength"] = f.max_length
        if isinstance(f, models.URLField):  # a link from an archive is a web link or nothing
            schema["pattern"] = r"^(|[Hh][Tt][Tt][Pp][Ss]?://.*)$"
        if f.choices and not history:  # a past version may hold a choice since retired
            schema["enum"] = [str(k) for k, _ in f.flatchoices] + ([""] if f.blank else [])
        return _nullable(schema, f.null)
    return {}


def model_schema(model):
    fields = {}
    for f in model._meta.concrete_fields + model._meta.many_to_many:
        if f.primary_key and not f.is_relation:
            continue
        fields[f.name] = field_schema(f, history=hasattr(model, "instance_type"))
    if model is Person:
        fields = {name: fields[name] for name in PERSON_FIELDS}
    return {
        "type": "object",
        "required": ["model", "pk", "fields"],
        "additionalProperties": False,
        "properties": {
            "model": {"const": model._meta.label_lower},
            "pk": {"type": ["integer", "string"]},
            "fields": {"type": "object", "properties": fields, "additionalProperties": False},
        },
    }


def archive_schema():
    """Return the JSON Schema an archive must satisfy (published by `confiance export --schema`)."""
    labels = {m._meta.label_lower: m for m in archive_models()}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Archive d'une organisation Confiance",
        "type": "object",
        "required": ["format", "format_version", "organisation", "objects"],
        "properties": {
            "format": {"const": FORMAT},
            "format_version": {"const": FORMAT_VERSION},
            "software_version": {"type": "string"},
            "exported_at": {"type": "string"},
            "organisation": {"type": "string", "minLength": 1, "maxLength": 100},
            "objects": {"type": "array", "items": {
                "type": "object",
                "required": ["model"],
                "properties": {"model": {"enum": sorted(labels)}},
                "allOf": [
                    {"if": {"properties": {"model": {"const": label}}}, "then": {"$ref": f"#/$defs/{label}"}}
                    for label in sorted(labels)
                ],
            }},
        },
        "$defs": {label: model_schema(model) for label, model in sorted(labels.items())},
    }


def _where(error, archive):
    parts = list(error.absolute_path)
    if len(parts) >= 2 and parts[0] == "objects":
        obj = archive["objects"][parts[1]]
        label = obj.get("model") if isinstance(obj, dict) else None
        return (f"objet n° {parts[1] + 1} ({label}, clé {obj.get('pk') if isinstance(obj, dict) else '?'})"
                + (f", champ « {'.'.join(map(str, parts[3:]))} »" if len(parts) > 3 else ""))
    return "archive" + (f", champ « {'.'.join(map(str, parts))} »" if parts else "")


def validate(archive):
    """Raise RestoreRefused listing every place where `archive` breaks the schema."""
    if not isinstance(archive, dict) or archive.get("format") != FORMAT:
        raise RestoreRefused("Ce fichier n'est pas une archive Confiance (champ « format » absent ou différent) :",
                             [f"« format » vaut {archive.get('format') if isinstance(archive, dict) else None!r},"
                              f" attendu « {FORMAT} »."])
    if archive.get("format_version") != FORMAT_VERSION:
        raise RestoreRefused(
            f"Version d'archive {archive.get('format_version')!r} non prise en charge "
            f"(cette version de Confiance lit la version {FORMAT_VERSION}) :",
            ["« format_version » : version inconnue."])
    validator = Draft202012Validator(archive_schema())
    problems = []
    for error in sorted(validator.iter_errors(archive), key=lambda e: list(map(str, e.absolute_path))):
        problems.append(f"{_where(error, archive)} : {_french(error)}")
    if problems:
        raise RestoreRefused("L'archive ne respecte pas son format (docs/export-format.md) ; rien n'a été écrit :",
                             problems)


def _french(error):
    kind = error.validator
    if kind == "enum" and list(error.absolute_path)[-1:] == ["model"]:
        return f"type d'objet inconnu {error.instance!r}"
    if kind == "pattern":
        return f"adresse refusée {str(error.instance)[:100]!r} (http:// ou https:// seulement)"
    if kind in ("enum", "const"):
        return f"valeur {error.instance!r} non admise"
    if kind == "type":
        return f"type attendu {error.validator_value}, reçu {type(error.instance).__name__}"
    if kind == "maxLength":
        return f"texte trop long ({len(error.instance)} caractères, {error.validator_value} au plus)"
    if kind == "required":
        return f"champ obligatoire manquant ({error.message.split(' ')[0]})"
    if kind == "additionalProperties":
        return f"champ inconnu ({error.message})"
    return error.message


# --- people and organisations by natural key ----------------------------------------------------

@dataclass
class Plan:
    people: dict = field(default_factory=dict)  # archive pk -> local Person, or None to create
    groups: dict = field(default_factory=dict)  # archive pk -> local group pk, or None to create
    problems: list = field(default_factory=list)


def _details(fields):
    return (fields.get("email", "").strip().lower(), fields.get("first_name", ""), fields.get("last_name", ""))


def plan(archive, mapping=None):
    """Match the archive's people, group and organisation to this database's by natural key."""
    mapping = dict(mapping or {})
    result = Plan()
    objects = archive["objects"]
    usernames = {o["fields"]["username"] for o in objects if o["model"] == "accounts.person"}
    for unknown in sorted(set(mapping) - usernames):
        result.problems.append(f"--map {unknown}=… : aucune personne « {unknown} » dans l'archive.")
    for obj in objects:
        label, fields = obj["model"], obj["fields"]
        if label == "accounts.person":
            _plan_person(obj, mapping, result)
        elif label == "accounts.organisationgroup":
            existing = OrganisationGroup.objects.filter(name=fields.get("name")).first()
            if existing is None and OrganisationGroup.objects.filter(slug=fields.get("slug")).exists():
                result.problems.append(f"Le groupement « {fields.get('name')} » : son identifiant "
                                       f"« {fields.get('slug')} » est pris par un autre groupement.")
            result.groups[obj["pk"]] = existing.pk if existing else None
        elif label == "accounts.organisation":
            _plan_organisation(fields, result)
    return result


def _plan_person(obj, mapping, result):
    fields = obj["fields"]
    username, email = fields["username"], fields.get("email", "").strip()
    if username in mapping:
        local = Person.objects.filter(username=mapping[username]).first()
        if local is None:
            result.problems.append(f"--map {username}={mapping[username]} : aucune personne « {mapping[username]} » "
                                   "dans cette base.")
        result.people[obj["pk"]] = local
        return
    by_name = Person.objects.filter(username=username).first()
    by_email = Person.objects.filter(email__iexact=email).exclude(email="").first() if email else None
    if by_name and by_email and by_name.pk != by_email.pk:
        result.problems.append(
            f"Personne « {username} » : ce nom d'utilisateur est celui de « {by_name.username} » et son e-mail "
            f"{email} celui de « {by_email.username} » (deux personnes différentes). "
            f"Précisez laquelle avec --map {username}=IDENTIFIANT.")
    elif by_name or by_email:
        local = by_name or by_email
        if _details({"email": local.email, "first_name": local.first_name, "last_name": local.last_name}) \
                != _details(fields):
            result.problems.append(
                f"Personne « {username} » : existe déjà ici (« {local.username} ») avec d'autres coordonnées "
                f"(archive : {fields.get('first_name', '')} {fields.get('last_name', '')} <{email}> ; ici : "
                f"{local.first_name} {local.last_name} <{local.email}>). Confirmez avec --map {username}="
                f"{local.username}.")
        result.people[obj["pk"]] = local
    else:
        result.people[obj["pk"]] = None


def _plan_organisation(fields, result):
    slug, siren = fields.get("slug"), (fields.get("siren") or "").strip()
    if siren:
        same = Organisation.objects.filter(siren=siren).first()
        if same is not None:
            result.problems.append(f"Organisation SIREN {siren} : elle existe déjà ici (« {same.slug} ») ; "
                                   "la restauration crée une organisation, elle n'en fusionne pas deux.")
    if Organisation.objects.filter(slug=slug).exists():
        result.problems.append(f"L'organisation « {slug} » existe déjà dans cette base : "
                               "la restauration se fait dans une base qui ne la contient pas.")


# --- writing, with fresh primary keys -----------------------------------------------------------

def _int_pk(model):
    return isinstance(model._meta.pk, (models.AutoField, models.BigAutoField, models.SmallAutoField,
                                       models.IntegerField))


def offsets_for(archive, the_plan):
    """Return {model: shift}: zero when none of the archive's keys for the model is taken here
    (a restore keeps its keys whenever it can), else past the highest key stored."""
    from django.db.models import Max

    used = {}
    for obj in archive["objects"]:
        model = apps.get_model(obj["model"])
        if model is Person and the_plan.people.get(obj["pk"]) is not None:
            continue  # matched to a local person: keeps that person's key
        if model is OrganisationGroup and the_plan.groups.get(obj["pk"]) is not None:
            continue
        used.setdefault(model, set()).add(obj["pk"])
        original = base_model(model)
        if original is not None:  # a version of a record, perhaps deleted since: its key counts too
            used.setdefault(original, set()).add(obj["fields"].get(original._meta.pk.attname))
    shifts = {}
    for model, keys in used.items():
        if not _int_pk(model):
            continue
        keys = [k for k in keys if isinstance(k, int)]
        taken = any(model._default_manager.filter(pk__in=keys[i:i + 500]).exists() for i in range(0, len(keys), 500))
        shifts[model] = (model._default_manager.aggregate(m=Max("pk"))["m"] or 0) if taken else 0
    return shifts


def base_model(model):
    """Return the model a history model keeps versions of, or None.

    A history of many-to-many rows points at rows of an automatic through table, which a
    restore writes anew: its ids are kept as they are, as before.
    """
    original = getattr(model, "instance_type", None)
    if original is None or original._meta.auto_created:
        return None
    return original


class Remapper:
    """Rewrite an archive's keys and references for this database."""

    def __init__(self, archive, the_plan):
        self.shifts = offsets_for(archive, the_plan)
        self.people = {}
        self.groups = {}
        self.to_create = set()  # archive keys of the people and groups this database lacks
        self.the_plan = the_plan
        self.missing = []
        self.resumed = False

    @classmethod
    def resume(cls, journal):
        """Return the Remapper of a restore that stopped part-way: the same keys as when it began."""
        remapper = cls.__new__(cls)
        remapper.shifts = {apps.get_model(label): shift for label, shift in journal.shifts.items()}
        remapper.people = {int(k): v for k, v in journal.people.items()}
        remapper.groups = {int(k): v for k, v in journal.groups.items()}
        remapper.to_create, remapper.the_plan, remapper.missing, remapper.resumed = set(), None, [], True
        return remapper

    def ref(self, target, value):
        if value is None:
            return None
        if target is Person:
            if value not in self.people:
                self.missing.append(f"référence à la personne n° {value}, absente de l'archive")
            return self.people.get(value, value)
        if target is OrganisationGroup:
            return self.groups.get(value, value)
        if target in self.shifts and isinstance(value, int):
            return value + self.shifts[target]
        return value

    def object(self, obj):
        model = apps.get_model(obj["model"])
        out = {"model": obj["model"], "pk": self.ref(model, obj["pk"]), "fields": dict(obj["fields"])}
        original = base_model(model)
        for name, value in obj["fields"].items():
            f = model._meta.get_field(name)
            if f.many_to_many:
                out["fields"][name] = [self.ref(f.related_model, v) for v in value]
            elif f.is_relation:
                out["fields"][name] = self.ref(f.related_model, value)
            elif original is not None and name == original._meta.pk.attname:
                out["fields"][name] = self.ref(original, value)
        return out

    def map_people_and_groups(self, archive):
        """Decide each archive person's and group's local key, writing nothing (a resumed restore knows them)."""
        if self.resumed:
            return
        for obj in archive["objects"]:
            if obj["model"] == "accounts.person":
                local = self.the_plan.people.get(obj["pk"])
                self.people[obj["pk"]] = local.pk if local is not None else obj["pk"] + self.shifts.get(Person, 0)
                if local is None:
                    self.to_create.add(("person", obj["pk"]))
            elif obj["model"] == "accounts.organisationgroup":
                local_pk = self.the_plan.groups.get(obj["pk"])
                self.groups[obj["pk"]] = (local_pk if local_pk is not None
                                          else obj["pk"] + self.shifts.get(OrganisationGroup, 0))
                if local_pk is None:
                    self.to_create.add(("group", obj["pk"]))

    def start_journal(self, archive, digest, batches_total):
        from confiance.portability.models import RestoreJournal

        name = next((o["fields"].get("name", "") for o in archive["objects"] if o["model"] == "accounts.organisation"), "")
        return RestoreJournal.objects.create(
            digest=digest, organisation_name=name[:300], people=self.people, groups=self.groups,
            shifts={m._meta.label_lower: shift for m, shift in self.shifts.items()}, batches_total=batches_total)

    def create_people_and_groups(self, archive):
        """Create the archive's people and groups that this database lacks, with the keys map_people_and_groups chose."""
        for obj in archive["objects"]:
            if obj["model"] == "accounts.person" and ("person", obj["pk"]) in self.to_create:
                local = Person(pk=self.people[obj["pk"]],
                               **{k: v for k, v in obj["fields"].items() if k in PERSON_FIELDS})
                local.set_unusable_password()
                local.save()
            elif obj["model"] == "accounts.organisationgroup" and ("group", obj["pk"]) in self.to_create:
                OrganisationGroup(pk=self.groups[obj["pk"]], **dict(obj["fields"].items())).save()


def dangling(rows, remapper):
    """Return, in French, each enforced reference of the mapped `rows` that points at nothing:
    neither a row of the archive nor a row of this database. Checked before any batch is
    written, since a batch is committed on its own."""
    keys = {Person: set(remapper.people.values()), OrganisationGroup: set(remapper.groups.values())}
    for row in rows:
        keys.setdefault(apps.get_model(row["model"]), set()).add(row["pk"])
    wanted = {}
    for row in rows:
        model = apps.get_model(row["model"])
        for name, value in row["fields"].items():
            f = model._meta.get_field(name)
            if not f.is_relation or value in (None, []) or not (f.many_to_many or getattr(f, "db_constraint", True)):
                continue
            target = f.related_model
            for key in (value if f.many_to_many else [value]):
                if key not in keys.get(target, ()):
                    wanted.setdefault(target, {}).setdefault(key, f"{model._meta.label_lower}.{name}")
    problems = []
    for target, refs in wanted.items():
        found = set()
        values = list(refs)
        for i in range(0, len(values), 500):
            found |= set(target._default_manager.filter(pk__in=values[i:i + 500]).values_list("pk", flat=True))
        problems += [f"{where} renvoie à {target._meta.verbose_name} n° {key}, ni dans l'archive ni ici"
                     for key, where in refs.items() if key not in found]
    return problems


def digest_of(archive):
    """Return the archive's fingerprint: the same archive, however it is spaced, has the same one."""
    text = json.dumps(archive, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _dependencies(model, present):
    """The models of `present` whose rows `model`'s rows must find at commit (enforced references)."""
    found = set()
    for f in model._meta.get_fields():
        if not getattr(f, "concrete", False) or not f.is_relation or f.related_model not in present:
            continue
        if f.many_to_many or getattr(f, "db_constraint", True):
            found.add(f.related_model)
    return found


def batches(rows, size):
    """Split mapped `rows` into batches a database accepts one at a time.

    Models come in the order of their enforced references (a row's targets are
    written in an earlier batch or its own); models that refer to each other, or to
    themselves, share one batch. Other models are cut into batches of `size` rows.
    """
    by_model = {}
    for row in rows:
        by_model.setdefault(apps.get_model(row["model"]), []).append(row)
    present = set(by_model)
    graph = {model: _dependencies(model, present) for model in by_model}
    result = []
    for group in _ordered_groups(graph):
        group_rows = [row for model in sorted(group, key=lambda m: m._meta.label) for row in by_model[model]]
        if len(group) == 1 and next(iter(group)) not in graph[next(iter(group))]:
            result.extend(group_rows[i:i + size] for i in range(0, len(group_rows), size))
        else:
            result.append(group_rows)
    return result


def _ordered_groups(graph):
    """Return the strongly connected groups of `graph` (model -> models it needs), needed ones first (Tarjan)."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node], key=lambda m: m._meta.label):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member is node:
                    break
            groups.append(group)

    for node in sorted(graph, key=lambda m: m._meta.label):
        if node not in index:
            visit(node)
    return groups  # Tarjan emits a group after every group it needs


def reserve_keys(rows, remapper):
    """Move each model's key counter past the keys this restore will write, before writing them:
    a person saving a new row during the restore then never takes a key the restore needs."""
    highest = {}
    for row in rows:
        if isinstance(row["pk"], int):
            model = apps.get_model(row["model"])
            highest[model] = max(highest.get(model, 0), row["pk"])
    for model, key in ((Person, max(remapper.people.values(), default=0)),
                       (OrganisationGroup, max(remapper.groups.values(), default=0))):
        highest[model] = max(highest.get(model, 0), key)
    with connection.cursor() as cursor:
        for model, key in highest.items():
            if not _int_pk(model) or not key:
                continue
            table, column = model._meta.db_table, model._meta.pk.column
            if connection.vendor == "postgresql":
                cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [connection.ops.quote_name(table), column])
                sequence = cursor.fetchone()[0]
                if sequence:
                    cursor.execute(f"SELECT last_value, is_called FROM {sequence}")
                    last, called = cursor.fetchone()
                    if key > (last if called else last - 1):
                        cursor.execute("SELECT setval(%s, %s, true)", [sequence, key])
            elif connection.vendor == "sqlite":
                cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
                found = cursor.fetchone()
                if found is None:
                    cursor.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, key])
                elif found[0] < key:
                    cursor.execute("UPDATE sqlite_sequence SET seq = %s WHERE name = %s", [key, table])
