"""Walk the whole permission matrix: every role × every action × own/other organisation.

Each case is checked on every surface that exposes the action: the rule itself,
the screens, the API and the organisation export. They must all agree with the
table below, which is the matrix of rules/permissions.py written out by hand.
"""

import json

import pytest
from django.urls import reverse

from confiance.accounts.models import ApiToken
from confiance.accounts.permissions import Action, can, visible_filter
from confiance.register.models import AISystem
from tests.factories import make_organisation, make_person, make_service, make_system, system_form_data

ROLES = ["agent", "steward", "dpo", "internal_committee", "ethics_committee", "admin"]

# (role, relation to the record) -> {status: (view, edit)}; create and export depend on the role only.
RECORD_MATRIX = {
    ("agent", "owner"): {"draft": (True, True), "under_review": (True, False)},
    ("agent", "colleague"): {"draft": (True, False), "under_review": (True, False)},
    ("steward", "of_service"): {"draft": (True, True), "under_review": (True, True)},
    ("steward", "of_other_service"): {"draft": (True, False), "under_review": (True, False)},
    ("dpo", "-"): {"draft": (True, False), "under_review": (True, False)},
    ("internal_committee", "-"): {"draft": (True, False), "under_review": (True, False)},
    # Ethics members read only records referred to their committee (see test_ethics_visibility below).
    ("ethics_committee", "-"): {"draft": (False, False), "under_review": (False, False)},
    ("admin", "-"): {"draft": (True, True), "under_review": (True, True)},
}
CREATE = {"agent": True, "steward": True, "dpo": False, "internal_committee": False,
          "ethics_committee": False, "admin": True}
EXPORT = {role: role == "admin" for role in ROLES}

CASES = [
    (role, relation, status, own)
    for (role, relation) in RECORD_MATRIX
    for status in ("draft", "under_review")
    for own in (True, False)
]


@pytest.fixture
def world(db):
    org = make_organisation(slug="ma-collectivite")
    other = make_organisation(slug="autre-collectivite")
    return {
        True: (org, make_service(org), make_service(org)),
        False: (other, make_service(other), make_service(other)),
        "record_org": org,
    }


def _person_for(world, role, relation, own):
    org, service, other_service = world[own]
    steward_services = [service] if relation == "of_service" else [other_service]
    return make_person(org, [role], services=steward_services if role == "steward" else ())


def _record(world, status, owner):
    org, service, _ = world[True]
    return make_system(org, service=service, owner=owner, created_by=owner, status=status)


def _expected(role, relation, status, own):
    if not own:
        return {"view": False, "edit": False, "create": False, "export": False}
    view, edit = RECORD_MATRIX[(role, relation)][status]
    return {"view": view, "edit": edit, "create": CREATE[role], "export": EXPORT[role]}


@pytest.mark.parametrize("role,relation,status,own", CASES)
def test_it_applies_the_matrix_on_every_surface(client, world, role, relation, status, own):
    person = _person_for(world, role, relation, own)
    owner = person if relation == "owner" else make_person(world[True][0], ["agent"])
    system = _record(world, status, owner)
    org = world["record_org"]
    expected = _expected(role, relation, status, own)

    # The rule.
    assert can(person, Action.VIEW, org.pk, system) is expected["view"]
    assert can(person, Action.EDIT, org.pk, system) is expected["edit"]
    assert can(person, Action.CREATE, org.pk) is expected["create"]
    assert can(person, Action.EXPORT, org.pk) is expected["export"]
    # The list filter agrees with the rule.
    assert AISystem.objects.filter(visible_filter(person), pk=system.pk).exists() is expected["view"]

    # The screens.
    client.force_login(person)
    detail = client.get(reverse("register:detail", args=[system.pk]))
    assert detail.status_code == (200 if expected["view"] else 404)
    edit = client.get(reverse("register:edit", args=[system.pk]))
    assert edit.status_code == (200 if expected["edit"] else 403 if expected["view"] else 404)
    listing = client.get(reverse("register:list"))
    assert (system.name in listing.content.decode()) is expected["view"]
    created = client.post(reverse("register:create"), {**system_form_data(name="Créé"), "organisation": org.pk})
    assert (created.status_code == 302) is expected["create"]
    export = client.get(reverse("register:export", args=[org.slug]))
    assert export.status_code == (200 if expected["export"] else 403)

    # The API.
    _, raw = ApiToken.issue(person, "test")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    client.logout()
    got = client.get(f"/api/systems/{system.pk}", **headers)
    assert got.status_code == (200 if expected["view"] else 404)
    patched = client.patch(f"/api/systems/{system.pk}", json.dumps({"vendor": "Éditeur"}),
                           content_type="application/json", HTTP_IF_MATCH=got.get("ETag", '"0"'), **headers)
    assert patched.status_code == (200 if expected["edit"] else 403 if expected["view"] else 404)
    posted = client.post("/api/systems", json.dumps({
        "organisation": org.slug, "name": "Par l'API", "public_summary": "Résumé", "purpose": "But",
        "domain": "water", "technique": "rules"}), content_type="application/json", **headers)
    assert (posted.status_code == 201) is expected["create"]
    system.refresh_from_db()
    assert (system.vendor == "Éditeur") is expected["edit"]


def test_it_refuses_everything_to_anonymous_visitors(client, world):
    system = _record(world, "deployed", make_person(world[True][0], ["agent"]))
    assert client.get(reverse("register:detail", args=[system.pk])).status_code == 302
    assert client.get(f"/api/systems/{system.pk}").status_code == 401
    assert client.get(reverse("register:export", args=[system.organisation.slug])).status_code == 302


def test_it_lets_a_superuser_do_everything(client, world):
    boss = make_person(is_superuser=True, is_staff=True)
    system = _record(world, "draft", make_person(world[True][0], ["agent"]))
    for action in Action:
        assert can(boss, action, system.organisation_id, system)


def test_it_lets_ethics_members_read_only_the_records_referred_to_a_committee_they_sit_on(client, world):
    from confiance.review.models import Committee, CommitteeMember, Referral

    org = world["record_org"]
    member, outsider = make_person(org, ["ethics_committee"]), make_person(org, ["ethics_committee"])
    ethics = Committee.objects.create(organisation=org, kind="ethics", name="Comité éthique")
    internal = Committee.objects.create(organisation=org, kind="internal", name="Comité interne")
    CommitteeMember.objects.create(committee=ethics, person=member, constituency="citizen")
    CommitteeMember.objects.create(committee=internal, person=outsider)
    referred = _record(world, "under_review", make_person(org, ["agent"]))
    internal_only = _record(world, "under_review", make_person(org, ["agent"]))
    for system, committee in ((referred, ethics), (referred, internal), (internal_only, internal)):
        Referral.objects.create(system=system, committee=committee, question="Avis ?", deadline="2030-01-01")

    for person, system, expected in ((member, referred, True), (member, internal_only, False),
                                     (outsider, referred, False), (outsider, internal_only, False)):
        assert can(person, Action.VIEW, org.pk, system) is expected
        assert AISystem.objects.filter(visible_filter(person), pk=system.pk).exists() is expected
        client.force_login(person)
        assert client.get(reverse("register:detail", args=[system.pk])).status_code == (200 if expected else 404)
    assert AISystem.objects.filter(visible_filter(member)).count() == 1  # no duplicate rows from the joins
