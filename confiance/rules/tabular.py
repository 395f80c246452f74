"""Read and write the tables people keep: CSV, XLSX and ODS, as they really are.

A CSV is decoded as UTF-8 (with or without a byte order mark) or, failing that,
Windows-1252, the two encodings French office software writes. It is parsed as
RFC 4180 by the standard `csv` module (quoted fields with separators, doubled
quotes and line breaks inside), with the separator found on the header line,
never guessed from the body. XLSX is read with openpyxl and ODS with odfpy; no
zip or XML is parsed by hand. A cell over 128 KiB, an unknown encoding or a
broken spreadsheet raise `UnreadableFile` with a French message.

Every row carries the line (or spreadsheet row) where it starts, so reports can
say "ligne N". No Django import here.
"""

import csv
import datetime
import io
from dataclasses import dataclass, field

MAX_CELL = 128 * 1024  # characters; the csv module's default field limit
SEPARATORS = (";", ",", "\t", "|")
FORMATS = ("csv", "xlsx", "ods")
_MAX_REPEAT = 200  # ODS repeats trailing empty cells and rows by the thousand


class UnreadableFile(Exception):
    """The file cannot be read at all; `message` says why, in French."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass
class Table:
    """A table read from a file: its header and its non-empty rows with their line numbers."""

    columns: list
    rows: list = field(default_factory=list)  # [(line, {column: text})]
    format: str = "csv"
    encoding: str = ""
    separator: str = ""

    def describe(self):
        if self.format == "csv":
            names = {";": "point-virgule", ",": "virgule", "\t": "tabulation", "|": "barre verticale"}
            return f"CSV, encodage {self.encoding}, séparateur {names.get(self.separator, self.separator)}"
        return self.format.upper()


def decode(data):
    """Return (text, encoding name) of CSV bytes: UTF-8 with or without BOM, else Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "UTF-8 (avec BOM)"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError as exc:
        raise UnreadableFile(
            f"Encodage non reconnu (octet {data[exc.start]:#04x} à la position {exc.start}) : "
            "enregistrez le fichier en UTF-8 ou en Windows-1252."
        ) from None


def header_line(text):
    """Return the header: the text up to the first line break outside quotes."""
    quoted = False
    for i, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif char in "\r\n" and not quoted:
            return text[:i]
    return text


def header_separator(text):
    """Return the separator used on the header line (the most frequent outside quotes; "," if none)."""
    line = header_line(text)
    counts, quoted = dict.fromkeys(SEPARATORS, 0), False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char in counts and not quoted:
            counts[char] += 1
    best = max(SEPARATORS, key=lambda s: counts[s])
    return best if counts[best] else ","


class _Dialect(csv.excel):
    strict = False


def _too_large(line):
    return UnreadableFile(
        f"Ligne {line} : une cellule dépasse 128 Kio (131 072 caractères). Le fichier n'est pas chargé : "
        "vérifiez qu'un guillemet n'est pas resté ouvert."
    )


def _clean_header(columns):
    """Strip the header's names; a name seen twice gets " (2)", " (3)"… so that no column hides another."""
    names, seen = [], {}
    for column in columns:
        name = (column or "").strip().lstrip("\ufeff")
        if name:
            seen[name] = seen.get(name, 0) + 1
            if seen[name] > 1:
                name = f"{name} ({seen[name]})"
        names.append(name)
    return names


def _rows(columns, records):
    """Turn (line, [cells]) into (line, {column: text}), skipping empty rows and checking cell size."""
    rows = []
    for line, cells in records:
        if not any((c or "").strip() for c in cells):
            continue
        for cell in cells:
            if len(cell or "") > MAX_CELL:
                raise _too_large(line)
        cells = [(c or "").replace("\r\n", "\n").replace("\r", "\n") for c in cells]
        row = {}
        for i, column in enumerate(columns):
            if column and column not in row:
                row[column] = cells[i] if i < len(cells) else ""
        extra = [c for c in cells[len(columns):] if (c or "").strip()]
        if extra:
            row[None] = extra
        rows.append((line, row))
    return rows


def read_csv(data):
    """Return the Table of CSV bytes (RFC 4180, separator from the header line)."""
    text, encoding = decode(data)
    if "\x00" in text:
        raise UnreadableFile("Le fichier contient des octets nuls : ce n'est pas un CSV (un tableur enregistré sous un "
                             "autre format ?).")
    separator = header_separator(text)
    reader = csv.reader(io.StringIO(text, newline=""), dialect=_Dialect, delimiter=separator)
    records, line = [], 1
    try:
        header = next(reader, None)
        if header is None:
            raise UnreadableFile("Le fichier est vide : aucune ligne d'en-tête.")
        line = reader.line_num + 1
        for cells in reader:
            records.append((line, cells))
            line = reader.line_num + 1
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise _too_large(line) from None
        raise UnreadableFile(f"Ligne {line} : CSV illisible ({exc}).") from None
    columns = _clean_header(header)
    return Table(columns, _rows(columns, records), "csv", encoding, separator)


def _cell_text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0, 0):
            return value.strftime("%d/%m/%Y")
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def read_xlsx(data):
    """Return the Table of the first sheet of an XLSX workbook (read with openpyxl)."""
    import zipfile

    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise UnreadableFile(f"Classeur XLSX illisible ({exc.__class__.__name__}) : enregistrez-le à nouveau "
                             "depuis votre tableur.") from None
    sheet = book.worksheets[0]
    records = [(i, [_cell_text(v) for v in row]) for i, row in enumerate(sheet.iter_rows(values_only=True), start=1)]
    book.close()
    return _sheet_table(records, "xlsx")


def _sheet_table(records, fmt):
    # A title or a blank line often sits above the header: the header is the first row with two cells or more
    # (or the first non-empty row of a one-column sheet).
    filled = [sum(1 for c in cells if c.strip()) for _, cells in records]
    start = next((i for i, n in enumerate(filled) if n >= 2), next((i for i, n in enumerate(filled) if n), len(records)))
    records = records[start:]
    if not records:
        raise UnreadableFile("La feuille est vide : aucune ligne d'en-tête.")
    columns = _clean_header(records[0][1])
    while columns and not columns[-1]:
        columns.pop()
    return Table(columns, _rows(columns, records[1:]), fmt)


def read_ods(data):
    """Return the Table of the first sheet of an ODS spreadsheet (read with odfpy)."""
    import zipfile
    from xml.parsers.expat import ExpatError

    from odf import teletype
    from odf.opendocument import load
    from odf.table import Table as OdfTable
    from odf.table import TableCell, TableRow
    from odf.text import P

    try:
        document = load(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, ExpatError, OSError) as exc:
        raise UnreadableFile(f"Classeur ODS illisible ({exc.__class__.__name__}) : enregistrez-le à nouveau "
                             "depuis votre tableur.") from None
    sheets = document.spreadsheet.getElementsByType(OdfTable)
    if not sheets:
        raise UnreadableFile("Le classeur ODS ne contient aucune feuille.")
    records, line = [], 1
    for row in sheets[0].getElementsByType(TableRow):
        cells = []
        for cell in row.getElementsByType(TableCell):
            repeat = min(int(cell.getAttribute("numbercolumnsrepeated") or 1), _MAX_REPEAT)
            text = "\n".join(teletype.extractText(p) for p in cell.getElementsByType(P))
            if cell.getAttribute("valuetype") == "float" and not text:
                text = cell.getAttribute("value") or ""
            cells.extend([text] * repeat)
        repeat = int(row.getAttribute("numberrowsrepeated") or 1)
        for _ in range(min(repeat, _MAX_REPEAT)):
            records.append((line, list(cells)))
            line += 1
        line += max(0, repeat - _MAX_REPEAT)
    return _sheet_table(records, "ods")


def format_of(filename, data):
    """Return "csv", "xlsx" or "ods": a workbook is known by its content first (files get renamed), then its name."""
    name = (filename or "").lower()
    if data[:4] == b"PK\x03\x04":
        if b"application/vnd.oasis.opendocument.spreadsheet" in data[:200] or name.endswith(".ods"):
            return "ods"
        return "xlsx"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise UnreadableFile("Classeur Excel 97-2003 (.xls) : enregistrez-le au format XLSX, ODS ou CSV.")
    for fmt in FORMATS:
        if name.endswith("." + fmt):
            return fmt
    return "csv"


def read_table(data, filename=""):
    """Return the Table of a CSV, XLSX or ODS file given as bytes."""
    fmt = format_of(filename, data)
    if fmt == "xlsx":
        return read_xlsx(data)
    if fmt == "ods":
        return read_ods(data)
    return read_csv(data)


def write_csv(columns, rows):
    """Return CSV text (RFC 4180, comma, CRLF) of `rows` (dicts) under `columns`."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: "" if row.get(c) is None else row.get(c) for c in columns})
    return out.getvalue()


def _plain(value):
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return value
    return str(value)


def write_xlsx(columns, rows, title="Registre"):
    """Return the bytes of an XLSX workbook with one sheet: the header, then `rows`."""
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    sheet.append(list(columns))
    for row in rows:
        sheet.append([_plain(row.get(c)) for c in columns])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write_ods(columns, rows, title="Registre"):
    """Return the bytes of an ODS spreadsheet with one sheet: the header, then `rows`."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table as OdfTable
    from odf.table import TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    sheet = OdfTable(name=title)
    for values in [list(columns)] + [[_plain(row.get(c)) for c in columns] for row in rows]:
        tr = TableRow()
        for value in values:
            if isinstance(value, bool):
                value = "oui" if value else "non"
            if isinstance(value, int | float):
                cell = TableCell(valuetype="float", value=value)
                cell.addElement(P(text=str(value)))
            else:
                cell = TableCell(valuetype="string")
                for part in str(value).split("\n") if value != "" else []:
                    cell.addElement(P(text=part))
            tr.addElement(cell)
        sheet.addElement(tr)
    document.spreadsheet.addElement(sheet)
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()
