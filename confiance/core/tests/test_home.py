import pytest
from django.urls import reverse

from confiance.review.models import Declaration
from confiance.review.tests.helpers import make_committee, make_referral
from tests.factories import make_person, make_system

pytestmark = pytest.mark.django_db


def test_it_shows_a_visitor_the_public_home_with_the_organisations_that_publish(client, cast):
    make_system(cast.org, name="Tri des courriers", status="deployed")
    make_system(cast.other_org, name="Brouillon secret")
    response = client.get("/")
    assert response.status_code == 200
    assert [o.pk for o in response.context["organisations"]] == [cast.org.pk]
    html = response.content.decode()
    assert reverse("public:home", args=[cast.org.slug]) in html
    assert reverse("library:home") in html and reverse("login") in html
    assert "Brouillon secret" not in html


def test_it_lists_an_agents_own_projects_with_what_each_waits_for(client, cast):
    make_system(cast.org, owner=cast.other_agent, created_by=cast.other_agent, name="Projet d'un collègue")
    client.force_login(cast.agent)
    response = client.get("/")
    rows = response.context["projects"]
    assert [r["system"] for r in rows] == [cast.system]
    assert rows[0]["yours"] and "soumettre" in rows[0]["step"].action
    assert "Projet d'un collègue" not in response.content.decode()
    assert response.context["committees"] is None and response.context["dpo"] is None


def test_it_gives_a_committee_member_the_referrals_by_deadline_and_the_next_session(client, cast):
    from datetime import date, timedelta

    internal = make_committee(cast.org, members=[cast.committee])
    late = make_referral(make_system(cast.org, name="Tardif"), internal, deadline=date(2020, 1, 1))
    soon = make_referral(cast.system, internal, deadline=date(2099, 1, 1))
    session = internal.sessions.create(held_on=date.today() + timedelta(days=3), place="Salle 1")
    soon.session = session
    soon.save()
    client.force_login(cast.committee)
    section = client.get("/").context["committees"][0]
    assert [row["referral"] for row in section["referrals"]] == [late, soon]
    assert section["referrals"][0]["overdue"]
    assert section["next_session"] == session and list(section["agenda"]) == [soon]


def test_it_never_shows_another_organisations_committee_work(client, cast):
    foreign = make_committee(cast.other_org, members=[cast.stranger])
    make_referral(make_system(cast.other_org, name="Projet d'ailleurs"), foreign)
    make_committee(cast.org, members=[cast.committee])
    client.force_login(cast.committee)
    assert "Projet d'ailleurs" not in client.get("/").content.decode()


def test_it_shows_the_dpo_personal_data_systems_and_the_dpias_due(client, cast):
    make_system(cast.org, name="Sans données", personal_data=False)
    health = make_system(cast.org, name="Dossiers de santé", personal_data=True, sensitive_data=True,
                         people_affected="citizens", people_magnitude="gte100k", domain="health")
    make_system(cast.other_org, name="Ailleurs", personal_data=True)
    client.force_login(cast.dpo)
    dpo = client.get("/").context["dpo"]
    assert [s.name for s in dpo["personal"]] == ["Dossiers de santé"]
    assert health.check_result.dpia_required and dpo["dpias_due"] == [health]


def test_it_shows_an_admin_the_people_without_roles_and_pending_declarations(client, cast):
    newcomer = make_person(username="nouveau")
    newcomer.requested_organisation = cast.org  # a first ProConnect sign-in with the organisation's SIRET
    newcomer.save()
    elsewhere = make_person(username="ailleurs")
    elsewhere.requested_organisation = cast.other_org
    elsewhere.save()
    Declaration.objects.create(organisation=cast.org, declared_by=cast.agent, other_tool="ChatGPT",
                               purpose="Rédiger des courriers", state=Declaration.State.REQUESTED)
    client.force_login(cast.admin)
    admin = client.get("/").context["admin"]
    assert newcomer in admin["without_roles"] and admin["pending"] == 1
    assert elsewhere not in admin["without_roles"]  # another collectivité's newcomer is not shown


def test_it_offers_no_create_link_to_who_cannot_create(client, cast):
    client.force_login(cast.dpo)
    assert reverse("register:create") not in client.get("/").content.decode()
    client.force_login(cast.agent)
    assert reverse("register:create") in client.get("/").content.decode()


def test_it_links_the_public_site_of_the_persons_own_organisation(client, cast):
    make_system(cast.other_org, status="deployed")
    make_system(cast.org, status="deployed")
    client.force_login(cast.stranger)
    html = client.get("/").content.decode()
    assert f'href="{reverse("public:home", args=[cast.other_org.slug])}">Site public' in html
    assert f'href="{reverse("public:home", args=[cast.org.slug])}">Site public' not in html
