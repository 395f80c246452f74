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
