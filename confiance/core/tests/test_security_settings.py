"""Regression tests for findings 3, 5 and 6 of issue 15: policy headers, cookies, SQLite under load."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[3]


def _settings_with(**env):
    """Return some settings as computed from this environment, in a fresh interpreter."""
    code = ("import json, django; django.setup(); from django.conf import settings as s; "
            "print(json.dumps([s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS]))")
    environ = {k: v for k, v in os.environ.items() if k not in ("SECURE_COOKIES", "HSTS_SECONDS", "DEBUG")}
    environ.update(DJANGO_SETTINGS_MODULE="confiance.settings", **env)
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=environ, capture_output=True, text=True,
                         check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def test_it_makes_cookies_secure_and_sends_hsts_when_debug_is_off():
    assert _settings_with(DEBUG="False") == [True, True, 31_536_000]
    assert _settings_with(DEBUG="True") == [False, False, 0]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/connexion/", "/api/docs", "/bibliotheque/"])
def test_it_sends_a_content_security_policy_without_inline_script(client, path):
    response = client.get(path)
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "unsafe-inline" not in policy
    assert "<script>" not in response.content.decode() or path == "/api/docs"


@pytest.mark.django_db
def test_it_opens_sqlite_in_wal_mode_with_a_busy_timeout_and_immediate_writes():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    options = connection.settings_dict["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE" and options["timeout"] >= 5
    assert "journal_mode=WAL" in options["init_command"]
