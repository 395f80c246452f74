"""Typed readers for settings that come from the environment.

A malformed value stops start-up with ImproperlyConfigured instead of being
guessed at: a register of public decisions must not run half-configured.
"""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured


def env_str(name, default=""):
    """Return the variable as a string, or `default` when it is unset."""
    return os.environ.get(name, default)


def env_bool(name, default=False):
    """Return True or False; any value other than "True"/"False" is an error."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value in ("True", "true", "1"):
        return True
    if value in ("False", "false", "0"):
        return False
    raise ImproperlyConfigured(f"{name} must be True or False, not {value!r}")


def env_int(name, default):
    """Return the variable as an integer."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, not {value!r}") from None


def env_secret(name, default=""):
    """Return a secret from NAME, or from the file named by NAME_FILE."""
    path = os.environ.get(f"{name}_FILE")
    if path:
        try:
            return Path(path).read_text().strip()
        except OSError as exc:
            raise ImproperlyConfigured(f"{name}_FILE cannot be read: {exc}") from None
    return os.environ.get(name, default)


def env_list(name, default=()):
    """Return a comma-separated variable as a list of non-empty strings."""
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]
