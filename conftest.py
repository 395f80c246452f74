"""Shared test cast: two organisations and one person per role in the first."""

import pytest

from tests.factories import make_organisation, make_person, make_service, make_system


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    """Hash test passwords with MD5: the default hasher costs seconds per test for nothing."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def harvests_may_use_loopback(settings):
    """Tests serve feeds and portals on loopback; production refuses private addresses (core.weblinks)."""
    settings.OUTBOUND_ALLOWED_NETWORKS = ["127.0.0.0/8", "::1/128"]


class Cast:
    """Montpellier-like organisation `org` with one person per role; `other_org` is a stranger."""


@pytest.fixture
def cast(db):
    c = Cast()
    c.org = make_organisation(name="Métropole Test", slug="metropole-test", kind="epci")
    c.other_org = make_organisation(name="Autre Ville", slug="autre-ville")
    c.service = make_service(c.org, name="Pôle Numérique")
    c.other_service = make_service(c.org, name="Pôle Eau")
    c.agent = make_person(c.org, ["agent"], username="agent")
    c.other_agent = make_person(c.org, ["agent"], username="agent2")
    c.steward = make_person(c.org, ["steward"], services=[c.service], username="referent")
    c.dpo = make_person(c.org, ["dpo"], username="dpo")
    c.committee = make_person(c.org, ["internal_committee"], username="comite")
    c.ethics = make_person(c.org, ["ethics_committee"], username="ethique")
    c.admin = make_person(c.org, ["admin"], username="admin")
    c.stranger = make_person(c.other_org, ["admin"], username="etranger")
    from confiance.checks.charters import adopt_charter

    adopt_charter(c.org)  # the Montpellier-like organisation has adopted the 10 laws; other_org has no charter
    c.system = make_system(c.org, service=c.service, owner=c.agent, created_by=c.agent, name="Collecte des déchets")
    return c


@pytest.fixture
def law7(cast):
    """Two organisations under the 10 laws, one deployed record each: `trained` meets law 7, `untrained` does not.

    Law 7 (agents trained to AI) is judged on the organisation: a staff count and an
    agents' training held make it met; a staff count and no training leave it to do.
    `dpo` is the DPO of both.
    """
    from datetime import date

    from confiance.accounts.models import Membership
    from confiance.checks.charters import adopt_charter
    from confiance.checks.models import OrganisationPolicy, TrainingEvent

    c = cast
    c.trained, c.untrained = c.org, make_organisation(name="Ville Sans Formation", slug="ville-sans-formation")
    adopt_charter(c.untrained)
    OrganisationPolicy.objects.create(organisation=c.trained, staff_count=1200)
    OrganisationPolicy.objects.create(organisation=c.untrained, staff_count=300)
    TrainingEvent.objects.create(organisation=c.trained, audience="agents", title="Acculturation à l'IA générative",
                                 held_on=date(date.today().year, 3, 14), participants=45)
    c.trained_system = make_system(c.trained, name="Tri du courrier entrant", status="deployed")
    c.untrained_system = make_system(c.untrained, name="Réponses aux usagers du stationnement", status="deployed")
    Membership.objects.create(person=c.dpo, organisation=c.untrained, role="dpo")
    return c
