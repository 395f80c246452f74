"""Reading and writing tables: encodings, the separator of the header line, RFC 4180, workbooks."""

import pytest

from confiance.rules.import_report import Change, ImportReport, Note
from confiance.rules.tabular import (
    UnreadableFile,
    decode,
    format_of,
    header_separator,
    read_csv,
    read_table,
    write_ods,
    write_xlsx,
)


@pytest.mark.parametrize("data,text,encoding", [
    ("Élu;Agent".encode(), "Élu;Agent", "UTF-8"),
    (b"\xef\xbb\xbf" + "Élu".encode(), "Élu", "UTF-8 (avec BOM)"),
    ("Élu’s €".encode("cp1252"), "Élu’s €", "Windows-1252"),
])
def test_it_decodes_utf8_with_or_without_bom_and_windows_1252(data, text, encoding):
    assert decode(data) == (text, encoding)


def test_it_refuses_bytes_no_encoding_explains():
    with pytest.raises(UnreadableFile, match="Encodage non reconnu"):
        decode(b"\x81\x8d\x8f")


@pytest.mark.parametrize("text,separator", [
    ("a;b;c\n1,5;2,5;3\n", ";"),
    ("a,b,c\n1;2;3;4;5;6\n", ","),  # the body's semicolons do not count
    ('"x;y",b,c\n', ","),  # nor those inside a quoted header
    ("a\tb\n", "\t"),
    ("seule\n", ","),
])
def test_it_takes_the_separator_from_the_header_line_only(text, separator):
    assert header_separator(text) == separator


def test_it_parses_rfc_4180_and_counts_lines_where_rows_start():
    data = b'nom;description\r\nA;"un, deux; ""trois""\r\nquatre"\r\n\r\nB;cinq\r\n'
    table = read_csv(data)
    assert table.rows == [(2, {"nom": "A", "description": 'un, deux; "trois"\nquatre'}), (5, {"nom": "B",
                                                                                              "description": "cinq"})]


def test_it_refuses_a_cell_over_128_kib_and_a_file_with_nul_bytes():
    with pytest.raises(UnreadableFile, match="Ligne 3 : une cellule dépasse 128 Kio"):
        read_csv(b"a,b\n1,2\n3,\"" + b"x" * 131_073 + b"\"\n")
    with pytest.raises(UnreadableFile, match="octets nuls"):
        read_csv(b"a,b\n1\x002\n")


@pytest.mark.parametrize("writer,fmt", [(write_xlsx, "xlsx"), (write_ods, "ods")])
def test_it_writes_workbooks_that_read_back_the_same(writer, fmt):
    rows = [{"nom": "Tri, « dit » \"TRI\"", "n": 3, "ok": True}, {"nom": "deux\nlignes", "n": None, "ok": False}]
    data = writer(["nom", "n", "ok"], rows)
    assert format_of("", data) == fmt
    table = read_table(data, f"f.{fmt}")
    assert table.columns == ["nom", "n", "ok"]
    assert [r for _, r in table.rows] == [{"nom": "Tri, « dit » \"TRI\"", "n": "3", "ok": "oui"},
                                          {"nom": "deux\nlignes", "n": "", "ok": "non"}]


@pytest.mark.parametrize("fmt", ["xlsx", "ods"])
def test_it_refuses_a_broken_workbook_in_french(fmt):
    with pytest.raises(UnreadableFile, match=f"Classeur {fmt.upper()} illisible"):
        read_table(b"PK\x03\x04 casse", f"f.{fmt}")


def test_it_says_the_outcome_on_the_first_line_with_the_exit_status():
    report = ImportReport(noun="projet", created=["A"], changes=[Change(2, "SIRET", "1 2", "12")])
    assert (report.exit_code, report.headline()) == (0, "Import complet : 1 projet(s) ajouté(s), 0 mis à jour, "
                                                        "0 inchangé(s) ; 1 valeur(s) normalisée(s), 0 avertissement(s).")
    report.rejected, report.errors = [(3, "B")], [Note(3, "Theme", "manquant")]
    assert report.exit_code == 1 and "rejeté, ligne 3, champ Theme : manquant" in list(report.lines())
    report.fatal = "encodage"
    assert (report.exit_code, list(report.lines())) == (2, ["Fichier illisible, rien n'a été importé : encodage"])


def test_it_knows_a_renamed_workbook_by_its_content_and_refuses_the_old_xls_format():
    data = write_xlsx(["nom"], [{"nom": "A"}])
    assert format_of("inventaire.csv", data) == "xlsx"
    assert read_table(data, "inventaire.csv").rows == [(2, {"nom": "A"})]
    with pytest.raises(UnreadableFile, match="Excel 97-2003"):
        read_table(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 50, "inventaire.xls")


def test_it_keeps_both_columns_when_a_name_is_repeated():
    table = read_csv(b"nom;note;note\nA;un;deux\n")
    assert table.rows == [(2, {"nom": "A", "note": "un", "note (2)": "deux"})]
