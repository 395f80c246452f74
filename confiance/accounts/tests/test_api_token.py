import pytest

from confiance.accounts.models import ApiToken
from tests.factories import make_person


@pytest.mark.django_db
def test_it_stores_only_a_digest_and_finds_the_person():
    person = make_person()
    token, raw = ApiToken.issue(person, "script")
    assert raw not in token.digest and token.prefix == raw[:8]
    assert ApiToken.person_for(raw) == person
    assert ApiToken.person_for(raw + "x") is None


@pytest.mark.django_db
def test_it_refuses_the_token_of_a_deactivated_person():
    person = make_person()
    _, raw = ApiToken.issue(person, "script")
    person.is_active = False
    person.save()
    assert ApiToken.person_for(raw) is None
