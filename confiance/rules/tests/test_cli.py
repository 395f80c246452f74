"""Tests for confiance.rules.cli: `confiance check` text, --json, --schema and bad input."""

import json

import pytest

from confiance.rules.cli import EXIT_INVALID, main


def write(tmp_path, data, name="answers.json"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def test_it_prints_a_french_report(tmp_path, capsys):
    path = write(tmp_path, {"realtime_biometric_identification_law_enforcement": True})
    assert main([path]) == 0
    out = capsys.readouterr().out
    assert "Règlement sur l'IA : pratique interdite (prohibited)" in out
    assert "art. 5, § 1, h)" in out
    assert "Saisine du comité éthique : requise" in out
    assert "Charte — Les 10 lois de la data et de l'IA" in out


def test_it_prints_the_report_as_json(tmp_path, capsys):
    path = write(tmp_path, {"answers": {"interacts_directly_with_people": True, "citizen_facing": True},
                            "state": {"notice_published": True}, "carbon_threshold_kg": 100})
    assert main([path, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ai_act"]["risk_class"] == "transparency"
    assert report["ai_act"]["reasons"][0]["citation"]["reference"] == "art. 50, § 1"
    assert report["versions"]["ai_act"] == "ai-act-2026.1"
    assert report["charter"]["outcomes"][5]["outcome"] == "met"


def test_it_prints_the_schema(capsys):
    assert main(["--schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["social_scoring"]["anyOf"] == [{"type": "boolean"}, {"const": "unknown"}]


def test_it_reads_standard_input(monkeypatch, capsys):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO('{"recruitment": true}'))
    assert main(["-", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ai_act"]["risk_class"] == "high"


INVALID = [
    pytest.param('{"social_scoring": "oui"}', "social_scoring", id="wrong-type"),
    pytest.param('{"unknown_question": true}', "unknown_question", id="unknown-key"),
    pytest.param('{"domain": "space"}', "domain", id="bad-enum"),
    pytest.param('{"social_scoring": tru', "JSON valide", id="not-json"),
    pytest.param('[1, 2]', "objet JSON", id="not-an-object"),
    pytest.param('{"answers": {}, "state": {"dpia_recorded": "yes"}}', "state.dpia_recorded", id="bad-state"),
    pytest.param('{"answers": {}, "extra": 1}', "extra", id="bad-envelope"),
    pytest.param('{"answers": {}, "carbon_threshold_kg": "beaucoup"}', "carbon_threshold_kg", id="bad-threshold"),
]


@pytest.mark.parametrize("content, named", INVALID)
def test_it_rejects_invalid_input_in_french(tmp_path, capsys, content, named):
    assert main([write(tmp_path, content)]) == EXIT_INVALID
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("Erreur : ")
    assert named in captured.err


def test_it_rejects_a_missing_file(tmp_path, capsys):
    assert main([str(tmp_path / "absent.json")]) == EXIT_INVALID
    assert "impossible de lire" in capsys.readouterr().err


def test_it_requires_a_file_or_schema(capsys):
    assert main([]) == EXIT_INVALID
    assert "Erreur" in capsys.readouterr().err


def test_it_reports_open_points_and_implied_answers(tmp_path, capsys):
    path = write(tmp_path, {"recruitment": True, "profiling": "unknown"})
    assert main([path]) == 0
    out = capsys.readouterr().out
    assert "Règlement sur l'IA : au moins haut risque (high)" in out
    assert "Points ouverts" in out and "[profiling]" in out
    assert "déduit de votre réponse à recruitment" in out
    assert "(à demander au fournisseur)" in out


def test_it_reads_contested_implications_from_the_envelope(tmp_path, capsys):
    path = write(tmp_path, {"answers": {"worker_management": True}, "contested": ["vulnerable_from_concerns_agents"]})
    assert main([path, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["implications"]["contested"] == ["vulnerable_from_concerns_agents"]
    assert "vulnerable_people" not in {i["conclusion"] for i in report["implications"]["implied"]}
    bad = write(tmp_path, {"answers": {}, "contested": ["nope"]}, "bad.json")
    assert main([bad]) == EXIT_INVALID
    assert "« nope »" in capsys.readouterr().err
