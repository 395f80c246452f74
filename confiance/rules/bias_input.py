"""Open a bias audit's data file in DuckDB, as French files really come, or refuse it in French.

A CSV may use `,`, `;` or a tab, be UTF-8 (with or without BOM) or Windows-1252, and
write decimals with a comma; a Parquet file is read as it is. The file is read in
place by DuckDB, never loaded row by row into Python. The one exception is a
Windows-1252 file: DuckDB reads only UTF-8 and Latin-1 and refuses the bytes
Windows-1252 adds (œ, €, ’...), so the file is transcoded in large blocks to a
temporary UTF-8 copy that is deleted when the audit ends (decision 0010).
"""

import codecs
import os
import re
import tempfile
from dataclasses import dataclass, field

SEPARATORS = {",": "virgule", ";": "point-virgule", "\t": "tabulation"}
SAMPLE_BYTES = 1 << 20
TRANSCODE_BLOCK = 16 << 20
# Markers people and tools write for a missing value, beside the empty field.
MISSING_MARKERS = ("", "NULL", "null", "NaN", "nan", "N/A", "n/a", "#N/A", "NA")
DEFAULT_MAX_BYTES = 20 * 1024**3


class BiasInputError(ValueError):
    """A file or a request the audit cannot use; `str()` is the French message shown to the user."""


@dataclass
class Source:
    """A file opened in DuckDB as the view `audit_source`, with what was detected about it."""

    path: str
    format: str  # "csv" or "parquet"
    size_bytes: int
    separator: str = ""
    encoding: str = ""
    decimal_comma: bool = False
    columns: tuple = ()
    types: dict = field(default_factory=dict)
    _temporary: str = ""

    def describe(self):
        """Return what was detected, as stored with the audit (no data)."""
        return {
            "format": self.format, "size_bytes": self.size_bytes,
            "separator": SEPARATORS.get(self.separator, ""), "encoding": self.encoding,
            "decimal_comma": self.decimal_comma, "columns": list(self.columns),
        }

    def close(self):
        if self._temporary and os.path.exists(self._temporary):
            os.unlink(self._temporary)
        self._temporary = ""


def quote_identifier(name):
    return '"' + name.replace('"', '""') + '"'


def _literal(text):
    return "'" + text.replace("'", "''") + "'"


def _is_parquet(path, head):
    return head[:4] == b"PAR1" or path.lower().endswith(".parquet")


def detect_encoding(sample):
    """Return "utf-8" when the sample decodes as UTF-8 (a cut last character is fine), else "cp1252"."""
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        return "cp1252"


def _header_fields(line, separator):
    """Split a header line on `separator`, outside double quotes."""
    fields, current, quoted = [], [], False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char == separator and not quoted:
            fields.append("".join(current))
            current = []
            continue
        current.append(char)
    fields.append("".join(current))
    return fields


def detect_separator(header):
    """Return the candidate separator that splits the header line into the most fields."""
    counts = {sep: len(_header_fields(header, sep)) for sep in SEPARATORS}
    best = max(counts, key=lambda sep: (counts[sep], sep == ";"))
    return best if counts[best] > 1 else ""


def detect_decimal_comma(lines, separator):
    """Return True when numbers in the sample are written with a decimal comma (0,75)."""
    if separator == ",":
        return False
    pattern = re.compile(r'^\s*"?-?\d+,\d+"?\s*$')
    return any(pattern.match(value) for line in lines[1:] for value in line.split(separator))


def _transcode(path, head_only=False):
    """Copy a Windows-1252 file (or its first lines) to a temporary UTF-8 file in large blocks; return its path."""
    decoder = codecs.getincrementaldecoder("cp1252")()
    handle, target = tempfile.mkstemp(prefix="confiance-audit-", suffix=".csv")
    try:
        with open(path, "rb") as source, os.fdopen(handle, "wb") as out:
            if head_only:
                head = source.read(SAMPLE_BYTES)
                out.write(decoder.decode(head[: head.rfind(b"\n") + 1] or head).encode("utf-8"))
                return target
            while block := source.read(TRANSCODE_BLOCK):
                out.write(decoder.decode(block).encode("utf-8"))
            out.write(decoder.decode(b"", final=True).encode("utf-8"))
    except UnicodeDecodeError:
        os.unlink(target)
        raise BiasInputError("L'encodage du fichier n'est ni UTF-8 ni Windows-1252 : enregistrez-le en UTF-8 "
                             "et recommencez.") from None
    return target


def open_source(connection, path, separator=None, max_bytes=DEFAULT_MAX_BYTES, head_only=False):
    """Open `path` in `connection` as the view `audit_source`; return the Source or raise BiasInputError.

    `separator` forces the CSV separator; by default it is detected from the header.
    `head_only` opens only the first lines of a file that needs transcoding (quick checks).
    """
    try:
        size = os.path.getsize(path)
    except OSError:
        raise BiasInputError("Le fichier est introuvable ou illisible.") from None
    if size == 0:
        raise BiasInputError("Le fichier est vide.")
    if max_bytes and size > max_bytes:
        raise BiasInputError(f"Le fichier pèse {size / 1024**3:.1f} Go, au-delà de la limite de "
                             f"{max_bytes / 1024**3:.1f} Go fixée pour les audits.")
    with open(path, "rb") as handle:
        head = handle.read(SAMPLE_BYTES)
    if _is_parquet(path, head):
        source = Source(path, "parquet", size)
        _create_view(connection, f"read_parquet({_literal(path)})", "Le fichier Parquet est illisible")
    else:
        source = _open_csv(connection, path, head, size, separator, head_only)
    described = connection.execute("DESCRIBE audit_source").fetchall()
    source.columns = tuple(row[0] for row in described)
    source.types = {row[0]: row[1] for row in described}
    return source


def _open_csv(connection, path, head, size, separator, head_only=False):
    encoding = detect_encoding(head)
    text = head.decode(encoding, errors="replace").lstrip("\ufeff")
    lines = [line for line in text.splitlines()[:200] if line.strip()]
    if not lines:
        raise BiasInputError("Le fichier est vide.")
    detected = detect_separator(lines[0])
    if separator:
        if separator not in SEPARATORS:
            raise BiasInputError("Séparateur inconnu : choisissez la virgule, le point-virgule ou la tabulation.")
        if len(_header_fields(lines[0], separator)) < 2:
            hint = f" ; il semble utiliser la {SEPARATORS[detected]}" if detected else ""
            raise BiasInputError(f"Le séparateur indiqué ({SEPARATORS[separator]}) ne découpe pas l'en-tête du "
                                 f"fichier en colonnes{hint}.")
    elif not detected:
        raise BiasInputError("Le fichier n'a qu'une colonne : son séparateur n'est ni la virgule, ni le "
                             "point-virgule, ni la tabulation.")
    separator = separator or detected
    source = Source(path, "csv", size, separator=separator, encoding=encoding,
                    decimal_comma=detect_decimal_comma(lines, separator))
    read_path = path
    if encoding == "cp1252":
        read_path = source._temporary = _transcode(path, head_only)
    options = (f"delim={_literal(separator)}, quote='\"', escape='\"', header=true, all_varchar=true, "
               "strict_mode=true, encoding='utf-8'")
    try:
        _create_view(connection, f"read_csv({_literal(read_path)}, {options})", "Le fichier CSV est illisible")
    except BiasInputError:
        source.close()
        raise
    return source


def _create_view(connection, reader, message):
    import duckdb

    try:
        connection.execute(f"CREATE OR REPLACE VIEW audit_source AS SELECT * FROM {reader}")
        connection.execute("DESCRIBE audit_source").fetchall()
    except duckdb.Error as exc:
        raise BiasInputError(f"{message} : {explain_duckdb_error(exc)}") from None


def explain_duckdb_error(exc):
    """Turn a DuckDB reading error into a short French explanation."""
    text = str(exc)
    line = re.search(r"[Ll]ine:? (\d+)", text)
    where = f" (vers la ligne {line.group(1)})" if line else ""
    if "quote" in text.lower() or "unterminated" in text.lower():
        return f"un guillemet n'est pas refermé{where}."
    if "columns" in text.lower() and "expected" in text.lower():
        return f"une ligne n'a pas le même nombre de colonnes que l'en-tête{where}."
    if "unicode" in text.lower() or "utf" in text.lower() or "encod" in text.lower():
        return f"des caractères ne sont pas encodés en UTF-8{where}."
    if "parquet" in text.lower() or "magic" in text.lower():
        return "ce n'est pas un fichier Parquet valide."
    return f"le format n'est pas reconnu{where}."


def resolve_column(source, name):
    """Return the file's column matching `name` (exact, then ignoring case), or raise BiasInputError."""
    name = (name or "").strip()
    if name in source.columns:
        return name
    folded = [c for c in source.columns if c.casefold() == name.casefold()]
    if len(folded) == 1:
        return folded[0]
    known = ", ".join(source.columns[:30])
    raise BiasInputError(f"La colonne « {name} » n'existe pas dans le fichier. Colonnes trouvées : {known}.")


def label_expression(source, column):
    """Return SQL giving `column` as trimmed text, NULL when missing."""
    text = f"trim(CAST({quote_identifier(column)} AS VARCHAR))"
    markers = ", ".join(_literal(m) for m in MISSING_MARKERS)
    return f"CASE WHEN {text} IN ({markers}) THEN NULL ELSE {text} END"


def _as_number(value):
    try:
        return float(str(value).strip().replace(",", "."))
    except ValueError:
        return None


def favourable_expression(source, column, favourable, threshold=None):
    """Return SQL giving 1 when `column` holds the favourable value, 0 when another value, NULL when missing.

    A number is compared as a number, so "1", "1.0" and "1,0" all match 1; with
    `threshold`, a score at or above it is favourable.
    """
    label = label_expression(source, column)
    number = f"TRY_CAST(replace({label}, ',', '.') AS DOUBLE)"
    if threshold is not None:
        return f"CASE WHEN {label} IS NULL THEN NULL WHEN {number} >= {float(threshold)!r} THEN 1 ELSE 0 END"
    target = _as_number(favourable)
    if target is not None:
        test = f"{number} = {target!r}"
    else:
        test = f"lower({label}) = {_literal(str(favourable).strip().lower())}"
    return f"CASE WHEN {label} IS NULL THEN NULL WHEN {test} THEN 1 ELSE 0 END"


def parse_reference(text):
    """Return {attribute: {group: share}} from lines like "sexe : F=0,52 ; H=0,48" (shares or percentages).

    Raise BiasInputError with a French message on a malformed line.
    """
    reference = {}
    for number, line in enumerate((text or "").splitlines(), start=1):
        if not line.strip():
            continue
        attribute, sep, rest = line.partition(":")
        if not sep or not attribute.strip():
            raise BiasInputError(f"Distribution de référence, ligne {number} : écrivez « attribut : groupe=part ; "
                                 "groupe=part ».")
        shares = {}
        for item in rest.split(";"):
            if not item.strip():
                continue
            group, eq, value = item.rpartition("=")
            try:
                shares[group.strip()] = float(value.strip().replace(",", ".").rstrip("%"))
            except ValueError:
                eq = ""
            if not eq or not group.strip():
                raise BiasInputError(f"Distribution de référence, ligne {number} : « {item.strip()} » n'est pas de "
                                     "la forme groupe=part.")
        if sum(shares.values()) > 1.5:  # written as percentages
            shares = {group: share / 100 for group, share in shares.items()}
        reference[attribute.strip()] = shares
    return reference
