"""What an import did or would do, said the same way for every importer.

An import first reads and checks every row (nothing is written), then writes
the accepted rows in one go. The report lists what is created, updated, left
unchanged and rejected, every value normalised (line, field, from → to) and
every warning; its first line says the outcome in French and `exit_code` gives
the command's status: 0 every row loaded (warnings allowed), 1 some rows
rejected, 2 the file could not be read. No Django import here.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Change:
    """A value rewritten to its canonical form."""

    line: int
    field: str
    before: str
    after: str

    def __str__(self):
        return f"ligne {self.line}, champ {self.field} : « {_short(self.before)} » → « {_short(self.after)} »"


@dataclass(frozen=True)
class Note:
    """A warning (the row loads) or an error (the row is rejected) about one field of one line."""

    line: int
    field: str
    message: str

    def __str__(self):
        where = f"ligne {self.line}" if self.line else "en-tête"
        return f"{where}, champ {self.field} : {self.message}" if self.field else f"{where} : {self.message}"


def _short(text, limit=80):
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class RowOutcome:
    """One row read: the fields it gives, or the errors that reject it."""

    line: int
    label: str
    fields: dict = field(default_factory=dict)
    changes: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    @property
    def rejected(self):
        return bool(self.errors)

    def change(self, column, before, after):
        if (before or "").strip() != (after or ""):
            self.changes.append(Change(self.line, column, before.strip(), after))

    def warn(self, column, message):
        self.warnings.append(Note(self.line, column, message))

    def reject(self, column, message):
        self.errors.append(Note(self.line, column, message))


@dataclass
class ImportReport:
    """The outcome of an import (or of its dry run)."""

    noun: str = "projet"  # what a row becomes, singular ("projet", "système")
    source: str = ""  # what was read: format, encoding, separator
    dry_run: bool = False
    fatal: str = ""  # the file could not be read
    created: list = field(default_factory=list)  # labels
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    rejected: list = field(default_factory=list)  # (line, label)
    changes: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    def add_row(self, outcome):
        self.changes.extend(outcome.changes)
        self.warnings.extend(outcome.warnings)
        if outcome.rejected:
            self.errors.extend(outcome.errors)
            self.rejected.append((outcome.line, outcome.label))

    @property
    def exit_code(self):
        if self.fatal:
            return 2
        return 1 if self.rejected else 0

    def counts(self):
        would = " seraient" if self.dry_run else ""
        return (f"{len(self.created)} {self.noun}(s){would} ajouté(s), {len(self.updated)}{would} mis à jour, "
                f"{len(self.unchanged)} inchangé(s)")

    def headline(self):
        """Return the first line: the outcome, in French."""
        if self.fatal:
            return f"Fichier illisible, rien n'a été importé : {self.fatal}"
        prefix = "Simulation, rien n'a été écrit. " if self.dry_run else ""
        tail = f"{len(self.changes)} valeur(s) normalisée(s), {len(self.warnings)} avertissement(s)."
        if self.rejected:
            return (f"{prefix}Import partiel : {len(self.rejected)} ligne(s) rejetée(s) ; {self.counts()} ; {tail}")
        return f"{prefix}Import complet : {self.counts()} ; {tail}"

    def lines(self):
        """Yield the headline, then every detail line."""
        yield self.headline()
        if self.fatal:
            return
        if self.source:
            yield f"Fichier lu : {self.source}."
        for label in self.created:
            yield f"{'à ajouter' if self.dry_run else 'ajouté'} : {label}"
        for label in self.updated:
            yield f"{'à mettre à jour' if self.dry_run else 'mis à jour'} : {label}"
        for label in self.unchanged:
            yield f"inchangé : {label}"
        for change in self.changes:
            yield f"normalisé, {change}"
        for warning in self.warnings:
            yield f"avertissement, {warning}"
        for error in self.errors:
            yield f"rejeté, {error}"
