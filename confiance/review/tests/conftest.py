import pytest


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """Hash the test cast's passwords cheaply: the default hasher costs seconds per fixture."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
