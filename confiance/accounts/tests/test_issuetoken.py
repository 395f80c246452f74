import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from confiance.accounts.models import ApiToken
from tests.factories import make_person

pytestmark = pytest.mark.django_db


def test_it_prints_a_token_that_authenticates_the_person(capsys):
    person = make_person(username="claire")
    call_command("issuetoken", "claire", name="script")
    raw = capsys.readouterr().out.strip()
    assert ApiToken.person_for(raw) == person
    assert ApiToken.objects.get(person=person).name == "script"


def test_it_refuses_an_unknown_person_in_french():
    with pytest.raises(CommandError, match="Aucune personne"):
        call_command("issuetoken", "personne")
    assert not ApiToken.objects.exists()
