"""The documentation cannot drift: each test fails when something is undocumented."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.apps import apps

ROOT = Path(__file__).resolve().parent.parent


def test_every_setting_read_from_the_environment_is_documented():
    source = (ROOT / "confiance" / "settings.py").read_text()
    names = set(re.findall(r'env_\w+\(\s*"([A-Z_]+)"', source))
    documented = (ROOT / "docs" / "settings.md").read_text()
    missing = sorted(n for n in names if f"`{n}`" not in documented)
    assert names and not missing, f"docs/settings.md does not document: {missing}"


def test_the_cli_reference_is_generated_from_the_commands():
    result = subprocess.run([sys.executable, "scripts/cli_docs.py", "--check"], cwd=ROOT)
    assert result.returncode == 0, "docs/cli.md is stale: run .venv/bin/python scripts/cli_docs.py"


def test_every_model_is_in_the_glossary():
    glossary = (ROOT / "docs" / "glossary.md").read_text()
    models = [
        m.__name__ for m in apps.get_models()
        if m.__module__.startswith("confiance.") and not m.__name__.startswith("Historical")
    ]
    missing = sorted(name for name in models if f"`{name}`" not in glossary)
    assert models and not missing, f"docs/glossary.md does not name: {missing}"


@pytest.mark.parametrize("command", ["make run", "make test"])
def test_the_readme_starts_with_the_two_commands(command):
    readme = (ROOT / "README.md").read_text()
    assert command in readme[:800]


def test_the_deploy_check_refuses_the_demo_secret_key(settings):
    from confiance.core.checks import DEMO_SECRET_KEY, check_secret_key

    settings.DEBUG, settings.SECRET_KEY = False, DEMO_SECRET_KEY
    assert [e.id for e in check_secret_key(None)] == ["confiance.E001"]
    settings.SECRET_KEY = "a-real-secret"
    assert check_secret_key(None) == []
