"""Regression tests for finding 6 of issue 15: login is throttled per account and per address."""

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from tests.factories import make_person

pytestmark = pytest.mark.django_db
PASSWORD = "un-mot-de-passe-solide"


def _login(client, username, password, address="192.0.2.10"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address)


@pytest.fixture
def person(cast):
    person = make_person(cast.org, ["agent"], username="cible")
    person.set_password(PASSWORD)
    person.save()
    return person


def test_it_locks_an_account_after_repeated_failures_even_with_the_right_password(client, person, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _login(client, "cible", "mauvais").status_code == 200
    assert _login(client, "cible", "mauvais").status_code == 429  # the attempt that reaches the limit
    locked = _login(client, "cible", PASSWORD)
    assert locked.status_code == 429
    assert "Connexion suspendue" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    # The lock holds from another address too: it is per account.
    assert _login(client, "cible", PASSWORD, address="198.51.100.7").status_code == 429


def test_it_locks_an_address_that_tries_many_accounts(client, person, settings):
    for i in range(settings.AXES_FAILURE_LIMIT):
        _login(client, f"inconnu{i}", "mauvais", address="203.0.113.5")
    assert _login(client, "cible", PASSWORD, address="203.0.113.5").status_code == 429
    assert _login(client, "cible", PASSWORD, address="192.0.2.99").status_code == 302


def test_it_shows_the_lock_to_the_platform_admin(client, person, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "cible", "mauvais")
    assert AccessAttempt.objects.filter(username="cible").exists()
    client.force_login(make_person(is_superuser=True, is_staff=True, username="exploitant"))
    page = client.get(reverse("admin:axes_accessattempt_changelist")).content.decode()
    assert "cible" in page


def test_a_successful_login_still_works(client, person):
    assert _login(client, "cible", PASSWORD).status_code == 302
