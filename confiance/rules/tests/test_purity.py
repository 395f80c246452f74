"""Tests that no module of confiance.rules imports Django (DESIGN.md, STYLE.md rule 4)."""

import pkgutil
import subprocess
import sys

import pytest

import confiance.rules

MODULES = sorted(
    f"confiance.rules.{m.name}" for m in pkgutil.iter_modules(confiance.rules.__path__) if m.name != "tests"
)


def test_it_finds_the_rule_modules():
    assert {"confiance.rules.ai_act", "confiance.rules.gdpr", "confiance.rules.cli"} <= set(MODULES)


@pytest.mark.parametrize("module", MODULES)
def test_it_imports_no_django(module):
    code = (
        f"import {module}; import sys; "
        "assert not any(m == 'django' or m.startswith('django.') for m in sys.modules), 'django imported'"
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr
