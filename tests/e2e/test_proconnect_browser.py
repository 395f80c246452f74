"""Sign-in through a real OpenID Connect provider (oidc-provider-mock) started by the test, in Chromium."""

import pytest
from oidc_provider_mock import User, run_server_in_thread

from confiance.accounts.models import Person
from tests.factories import make_organisation, make_person

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIRET_KNOWN = "24340001700016"  # SIREN 243400017 + establishment number
SIRET_UNKNOWN = "21750001600019"


@pytest.fixture
def provider(settings, monkeypatch, live_server):
    monkeypatch.setenv("AUTHLIB_INSECURE_TRANSPORT", "1")  # the test provider speaks plain http on localhost
    users = [
        User(sub="agent-claire", claims={"email": "claire.martin@montpellier3m.fr", "given_name": "Claire",
                                         "usual_name": "Martin", "siret": SIRET_KNOWN, "uid": "42"}),
        User(sub="agent-paris", claims={"email": "paul@paris.fr", "usual_name": "Durand", "siret": SIRET_UNKNOWN}),
    ]
    with run_server_in_thread(user_claims=users) as server:
        settings.OIDC_DISCOVERY_URL = f"http://localhost:{server.server_port}"
        settings.OIDC_CLIENT_ID = "confiance-test"
        settings.OIDC_CLIENT_SECRET = "secret-de-test"
        settings.SITE_URL = live_server.url  # the redirect URIs are built on the public address
        yield server


def _sign_in_with_provider(page, live_server, sub=None, deny=False):
    page.goto(f"{live_server.url}/connexion/")
    page.get_by_role("button", name="S'identifier avec ProConnect").click()
    page.wait_for_url("**/oauth2/authorize**")
    if deny:
        page.get_by_role("button", name="Deny").click()
    else:
        page.get_by_role("button", name=sub).click()


def _wait_for_todo_home(page, live_server):
    """A signed-in person lands on their "À faire" (LOGIN_REDIRECT_URL, #12); a visitor's "/" is the public home."""
    page.wait_for_url(f"{live_server.url}/")
    assert page.get_by_role("heading", level=1).inner_text() == "À faire"


def test_it_signs_an_agent_in_and_out_through_the_provider(page, live_server, provider, assert_accessible):
    org = make_organisation(name="Montpellier Méditerranée Métropole", slug="m3m", siren="243400017")
    assert_accessible(page.goto(f"{live_server.url}/connexion/") and page)
    _sign_in_with_provider(page, live_server, "agent-claire")
    _wait_for_todo_home(page, live_server)
    person = Person.objects.get(oidc_subject="agent-claire")
    assert (person.email, person.last_name, person.requested_organisation) == (
        "claire.martin@montpellier3m.fr", "Martin", org)
    assert not person.memberships.exists() and not person.has_usable_password()  # no role until an admin grants one

    page.get_by_role("button", name="Se déconnecter").click()
    page.wait_for_url("**/oauth2/end_session**")  # signed out at the provider too
    assert "id_token_hint=" in page.url
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(f"{live_server.url}/connexion/**")

    _sign_in_with_provider(page, live_server, "agent-claire")  # a second sign-in finds the same person
    _wait_for_todo_home(page, live_server)
    assert Person.objects.filter(oidc_subject="agent-claire").count() == 1


def test_it_shows_a_french_page_when_the_sign_in_is_refused(page, live_server, provider, assert_accessible):
    _sign_in_with_provider(page, live_server, deny=True)
    page.wait_for_url(f"{live_server.url}/connexion/proconnect/retour/**")
    assert page.get_by_role("heading", level=1).inner_text() == "Connexion annulée"
    assert_accessible(page)
    assert not Person.objects.exists()


def test_it_shows_a_french_page_for_an_organisation_not_on_the_instance(page, live_server, provider,
                                                                       assert_accessible):
    make_organisation(siren="243400017")
    _sign_in_with_provider(page, live_server, "agent-paris")
    page.wait_for_url(f"{live_server.url}/connexion/proconnect/retour/**")
    assert "n'utilise pas encore Confiance" in page.get_by_role("heading", level=1).inner_text()
    assert SIRET_UNKNOWN in page.content()
    assert_accessible(page)
    assert not Person.objects.exists()


def test_it_keeps_only_proconnect_when_local_accounts_are_off(page, live_server, provider, settings, client):
    settings.LOCAL_ACCOUNTS = False
    make_person(username="locale")
    page.goto(f"{live_server.url}/connexion/")
    assert page.get_by_role("button", name="S'identifier avec ProConnect").is_visible()
    assert page.get_by_label("Mot de passe").count() == 0
    response = client.post("/connexion/", {"username": "locale", "password": "test-password-123"})
    assert response.status_code == 403 and "_auth_user_id" not in client.session
