"""docs/checks.md lists every row of the implication table, so the page cannot drift from the rules."""

from pathlib import Path

from confiance.rules.implications import IMPLICATIONS

DOC = Path(__file__).resolve().parents[3] / "docs" / "checks.md"


def test_every_implication_is_in_the_docs():
    text = DOC.read_text(encoding="utf-8")
    missing = [i.code for i in IMPLICATIONS if f"`{i.code}`" not in text]
    assert not missing, f"docs/checks.md ne décrit pas : {missing}"
