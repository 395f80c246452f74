"""The claims → Person rule of the ProConnect sign-in (the browser flow is in tests/e2e/test_proconnect_browser.py)."""

import pytest

from confiance.accounts.models import Membership, Person
from confiance.accounts.oidc import SignInRefused, awaiting_role, person_for
from tests.factories import make_organisation, make_person

pytestmark = pytest.mark.django_db

SIRET = "24340001700016"


def claims(**overrides):
    return {"sub": "sub-1", "email": "claire@m3m.fr", "given_name": "Claire", "usual_name": "Martin",
            "siret": SIRET, "uid": "42", **overrides}


def test_it_creates_a_person_with_no_role_attached_to_the_organisation_by_siren():
    org = make_organisation(siren="243400017")
    person = person_for(claims())
    assert (person.username, person.first_name, person.last_name) == ("claire@m3m.fr", "Claire", "Martin")
    assert person.requested_organisation == org and not person.memberships.exists()
    assert list(awaiting_role([org.pk])) == [person]
    Membership.objects.create(person=person, organisation=org, role="agent")
    assert list(awaiting_role([org.pk])) == []
    assert person.history.first().history_change_reason == "Connexion ProConnect"


def test_it_links_an_existing_local_account_by_e_mail_and_keeps_its_roles():
    org = make_organisation(siren="243400017")
    local = make_person(org, ["steward"], username="referent", email="Claire@M3M.fr")
    person = person_for(claims())
    assert person == local and person.oidc_subject == "sub-1" and person.has_usable_password()
    person.refresh_from_db()
    assert person.requested_organisation is None  # they already hold a role there
    assert person_for(claims(email="nouvelle@m3m.fr")) == local  # later, the subject decides


@pytest.mark.parametrize("siret", ["", "123", "21750001600019"])
def test_it_refuses_an_unknown_or_malformed_siret_and_creates_nobody(siret):
    make_organisation(siren="243400017")
    with pytest.raises(SignInRefused) as refusal:
        person_for(claims(siret=siret))
    assert refusal.value.kind == "unknown_organisation"
    assert not Person.objects.exists()


def test_it_refuses_a_deactivated_person():
    make_organisation(siren="243400017")
    person_for(claims())
    Person.objects.update(is_active=False)
    with pytest.raises(SignInRefused) as refusal:
        person_for(claims())
    assert refusal.value.kind == "inactive"
