"""A whole instance's backup: a consistent copy of the database and the uploaded files, in one tar file.

The database is copied while the site runs: SQLite through its online backup API
(`sqlite3.Connection.backup`, a consistent snapshot even with writers), PostgreSQL with
`pg_dump --format=custom` (one transaction, hence one snapshot). Uploaded files
(MEDIA_ROOT) are only ever added, so copying them after the snapshot keeps every file the
database names. The archive holds `manifest.json`, `database.sqlite3` or
`database.pgdump`, and `media/`.

This is the operator's tool for disasters and moves between servers (docs/deploy.md);
`confiance export`/`import` move one organisation between instances (docs/export-format.md).
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connection, connections
from django.utils import timezone

FORMAT = 1


class BackupError(Exception):
    """A backup or restore that cannot be done; the message is French and says what to do."""


def _vendor():
    return connection.vendor


def _pg_args(db):
    """Return (arguments, environment) naming the PostgreSQL database of `db` (a DATABASES entry)."""
    args = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        args += ["--host", db["HOST"]]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return args, env


def _run(command, env):
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True)
    except FileNotFoundError:
        raise BackupError(f"La commande « {command[0]} » est introuvable : installez le client PostgreSQL "
                          "de la même version majeure que le serveur (paquet postgresql-client).") from None
    if result.returncode != 0:
        raise BackupError(f"« {command[0]} » a échoué : {result.stderr.strip()[-500:]}")
    return result


def _dump_database(folder):
    db = connections["default"].settings_dict
    if _vendor() == "sqlite":
        target = folder / "database.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        copy.close()
        return target.name
    if _vendor() == "postgresql":
        args, env = _pg_args(db)
        target = folder / "database.pgdump"
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(target), *args], env)
        return target.name
    raise BackupError(f"Les bases « {_vendor()} » ne sont pas prises en charge : SQLite ou PostgreSQL seulement.")


def _applied_migrations():
    with connection.cursor() as cursor:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        return [f"{app}.{name}" for app, name in cursor.fetchall()]


def backup(output=None):
    """Write the instance's backup to `output` (a .tar.gz path; a dated name in VAR_DIR/backups by default).

    Return the path written.
    """
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    output = Path(output) if output else Path(settings.VAR_DIR) / "backups" / f"confiance-{stamp}.tar.gz"
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        database = _dump_database(folder)
        media = Path(settings.MEDIA_ROOT)
        files = [p for p in media.rglob("*") if p.is_file()] if media.exists() else []
        manifest = {"format": FORMAT, "created_at": timezone.now().isoformat(), "vendor": _vendor(),
                    "database": database, "media_files": len(files), "migrations": _applied_migrations()}
        (folder / "manifest.json").write_text(json.dumps(manifest, indent=1))
        partial = output.with_name(output.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(folder / "manifest.json", "manifest.json")
            archive.add(folder / database, database)
            for path in files:
                archive.add(path, f"media/{path.relative_to(media).as_posix()}")
        partial.replace(output)  # a backup is either whole or absent
    return output, manifest


def is_empty():
    """Return True when the instance holds no organisation and no person (or has no tables yet)."""
    tables = connection.introspection.table_names()
    if "accounts_person" not in tables:
        return True
    from confiance.accounts.models import Organisation, Person

    return not Person.objects.exists() and not Organisation.objects.exists()


def _safe_members(archive):
    for member in archive.getmembers():
        name = Path(member.name)
        if name.is_absolute() or ".." in name.parts or not (member.isfile() or member.isdir()):
            raise BackupError(f"La sauvegarde contient un chemin refusé : « {member.name} ».")
        yield member


def restore(path, force=False):
    """Restore the backup at `path` into this instance (database and uploaded files); return its manifest.

    Refuse, changing nothing, when the instance is not empty (unless `force`), when the
    backup comes from another kind of database, or when the file is not a backup.
    """
    path = Path(path)
    try:
        archive = tarfile.open(path, "r:gz")
    except (OSError, tarfile.TarError) as error:
        raise BackupError(f"« {path} » n'est pas une sauvegarde de Confiance lisible ({error}).") from None
    with archive, tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        try:
            manifest = json.loads(archive.extractfile("manifest.json").read())
        except (KeyError, ValueError):
            raise BackupError(f"« {path} » n'est pas une sauvegarde de Confiance (manifest.json absent).") from None
        if manifest.get("format") != FORMAT:
            raise BackupError(f"Cette sauvegarde est au format {manifest.get('format')}, non pris en charge.")
        if manifest["vendor"] != _vendor():
            raise BackupError(f"Cette sauvegarde vient d'une base {manifest['vendor']} et cette instance utilise "
                              f"{_vendor()} : pour changer de base, utilisez confiance export / import.")
        if not force and not is_empty():
            raise BackupError("Cette instance contient déjà des données : la restauration les remplacerait. "
                              "Restaurez dans une instance vide, ou relancez avec --force.")
        archive.extractall(folder, members=_safe_members(archive), filter="data")
        _restore_database(folder / manifest["database"])
        media = Path(settings.MEDIA_ROOT)
        if (folder / "media").exists():
            media.mkdir(parents=True, exist_ok=True)
            shutil.copytree(folder / "media", media, dirs_exist_ok=True)
    return manifest


def _restore_database(dump):
    if _vendor() == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(dump) as source:
            source.backup(connection.connection)
        source.close()
        return
    args, env = _pg_args(connections["default"].settings_dict)
    connection.close()  # pg_restore drops and recreates the tables: no open transaction may hold them
    _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",
          *args, str(dump)], env)
