import json

from confiance.__main__ import main


def test_the_confiance_command_runs_the_rules_without_a_database(tmp_path, capsys):
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"realtime_biometric_identification_law_enforcement": True}))
    assert main(["check", str(answers), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ai_act"]["risk_class"] == "prohibited"
    assert any("art. 5" in r["cited"] for r in report["ai_act"]["reasons"])


def test_it_explains_bad_answers_in_french(tmp_path, capsys):
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"profiling": "oui"}))
    assert main(["check", str(answers)]) == 2
    assert "profiling" in capsys.readouterr().err
