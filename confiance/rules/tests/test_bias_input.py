"""Files as French services really write them are read; bad ones are refused with a French message."""

import pytest

from confiance.rules import bias_law
from confiance.rules.bias import AuditSpec, run_audit
from confiance.rules.bias_input import BiasInputError

HEADER = "sexe;quartier;décision;score"
ROWS = ["F;Cœur de ville;oui;0,7", "H;Mosson;non;0,2", "F;Mosson;oui;0,4", "H;Cœur de ville;non;0,9"] * 5


def write(tmp_path, text, encoding="utf-8", name="fichier.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def spec(**overrides):
    values = {"protected": ("sexe", "quartier"), "outcome": "décision", "outcome_favourable": "oui",
              "min_group_size": 1}
    values.update(overrides)
    return AuditSpec(**values)


@pytest.mark.parametrize("separator", [";", ",", "\t"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_it_reads_each_separator_and_encoding(tmp_path, separator, encoding):
    text = "\n".join(line.replace(";", separator).replace("0,", "0.") if separator == "," else
                     line.replace(";", separator) for line in [HEADER, *ROWS]) + "\n"
    report = run_audit(write(tmp_path, text, encoding), spec())
    assert report.rows == 20
    quartiers = {g.labels[0] for g in report.attributes[1].groups}
    assert quartiers == {"Cœur de ville", "Mosson"}
    assert report.source["encoding"] == ("cp1252" if encoding == "cp1252" else "utf-8")


def test_it_reads_a_decimal_comma_score_against_a_threshold(tmp_path):
    path = write(tmp_path, "\n".join([HEADER, *ROWS]) + "\n", "cp1252")
    report = run_audit(path, spec(prediction="score", prediction_threshold=0.5))
    assert report.source["decimal_comma"] is True
    women = report.attributes[0].groups[0]
    assert women.labels == ("F",) and women.prediction_rate == 0.5  # 0,7 and 0,4


def test_it_matches_a_numeric_favourable_value_whatever_its_writing(tmp_path):
    text = "sexe;accord\n" + "\n".join(["F;1", "F;1,0", "H;0", "H;1.0"] * 3) + "\n"
    report = run_audit(write(tmp_path, text), AuditSpec(protected=("sexe",), outcome="accord",
                                                        outcome_favourable="1", min_group_size=1))
    rates = {g.labels[0]: g.outcome_rate for g in report.attributes[0].groups}
    assert rates == {"F": 1.0, "H": 0.5}


@pytest.mark.parametrize("text, separator, message", [
    ("sexe|quartier|décision\nF|Mosson|oui\n", "", "séparateur"),
    ("\n".join([HEADER, *ROWS]) + "\n", ",", "ne découpe pas"),
    (HEADER + '\nF;"Mosson;oui;0,4\nH;Mosson;non;0,2\n', "", "guillemet"),
    ("", "", "vide"),
    (HEADER + "\n", "", "aucune ligne"),
])
def test_it_refuses_a_bad_file_in_french(tmp_path, text, separator, message):
    with pytest.raises(BiasInputError, match=message):
        run_audit(write(tmp_path, text), spec(separator=separator))


def test_it_refuses_a_column_named_in_the_form_but_missing(tmp_path):
    path = write(tmp_path, "\n".join([HEADER, *ROWS]) + "\n")
    with pytest.raises(BiasInputError, match="« tranche_age » n'existe pas"):
        run_audit(path, spec(protected=("sexe", "tranche_age")))


def test_it_refuses_a_protected_attribute_with_one_value(tmp_path):
    path = write(tmp_path, "sexe;quartier;décision\n" + "F;Mosson;oui\nF;Cœur;non\n" * 5)
    with pytest.raises(BiasInputError, match="« sexe » n'a qu'une valeur"):
        run_audit(path, spec())


def test_it_refuses_a_file_over_the_size_limit(tmp_path):
    path = write(tmp_path, "\n".join([HEADER, *ROWS]) + "\n")
    with pytest.raises(BiasInputError, match="au-delà de la limite"):
        run_audit(path, spec(), max_bytes=100)


def test_it_asks_for_the_legal_basis_when_a_column_suggests_religion(tmp_path):
    text = "sexe;religion;décision\n" + "F;catholique;oui\nH;musulman;non\n" * 6
    path = write(tmp_path, text)
    with pytest.raises(bias_law.LegalBasisRequired) as refused:
        run_audit(path, spec(protected=("sexe",)))
    assert [(f.column, f.category) for f in refused.value.flags] == [("religion", "religion")]
    assert "base légale" in str(refused.value)
    report = run_audit(path, spec(protected=("sexe",), legal_basis="RGPD art. 9.2 g), délibération du 3 mars"))
    cited = {r.citation.reference for r in report.reasons}
    assert "art. 6" in cited and any("2007-557" in c for c in cited)
    assert any("nationalité" in r.text for r in report.reasons)  # the proxies are explained


@pytest.mark.parametrize("columns, values, expected", [
    (["origine_ethnique"], {}, [("origine_ethnique", "ethnic_origin", "name")]),
    (["Orientation sexuelle"], {}, [("Orientation sexuelle", "sexual_orientation", "name")]),
    (["groupe"], {"groupe": ["Maghrébin", "Européen", "Asiatique"]}, [("groupe", "ethnic_origin", "values")]),
    (["statut"], {"statut": ["Hétérosexuel", "Homosexuel"]}, [("statut", "sexual_orientation", "values")]),
    (["origine_demande", "nationalite", "orientation_scolaire", "qpv"], {"qpv": ["oui", "non"]}, []),
])
def test_it_flags_columns_suggesting_sensitive_data(columns, values, expected):
    flags = bias_law.sensitive_columns(columns, values)
    assert [(f.column, f.category, f.evidence) for f in flags] == expected


def test_it_reads_reference_shares_as_people_write_them():
    from confiance.rules.bias_input import parse_reference

    text = "sexe : F=51,6 %; H=48,4 %\nqpv: oui=0.22 ; non=0.78\n\n"
    assert parse_reference(text) == {"sexe": {"F": pytest.approx(0.516), "H": pytest.approx(0.484)},
                                     "qpv": {"oui": 0.22, "non": 0.78}}
    with pytest.raises(BiasInputError, match="ligne 1"):
        parse_reference("sexe F=0,5")
