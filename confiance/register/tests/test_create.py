import pytest
from django.urls import reverse

from confiance.register.models import AISystem
from tests.factories import system_form_data

pytestmark = pytest.mark.django_db


def test_it_creates_a_draft_owned_by_its_author(client, cast):
    client.force_login(cast.agent)
    response = client.post(reverse("register:create"), {**system_form_data(), "organisation": cast.org.pk,
                                                         "service": cast.service.pk})
    system = AISystem.objects.get(name="Prévision de fréquentation des cantines")
    assert response.status_code == 302 and response["Location"] == reverse("register:detail", args=[system.pk])
    assert system.status == "draft"
    assert system.created_by == cast.agent and system.owner == cast.agent
    assert system.history.count() == 1
    assert system.history.first().history_user == cast.agent


def test_it_refuses_a_system_that_decides_alone_citing_its_sources(client, cast):
    client.force_login(cast.agent)
    before = AISystem.objects.count()
    response = client.post(reverse("register:create"), {**system_form_data(decision_role="decides_alone"),
                                                         "organisation": cast.org.pk})
    assert response.status_code == 200
    message = response.context["form"].errors["decision_role"][0]
    for citation in ("art. 22", "art. 15", "primauté humaine"):
        assert citation in message
    assert AISystem.objects.count() == before


@pytest.mark.parametrize("overrides,field,fragment", [
    ({"name": ""}, "name", "obligatoire"),
    ({"domain": "cooking"}, "domain", "valide"),
    ({"team_size": "3", "team_women": "5"}, "team_women", "taille de l'équipe"),
    ({"is_open_source": "on", "licence": ""}, "licence", "licence"),
])
def test_it_explains_each_error_in_french_and_saves_nothing(client, cast, overrides, field, fragment):
    client.force_login(cast.agent)
    before = AISystem.objects.count()
    response = client.post(reverse("register:create"), {**system_form_data(**overrides), "organisation": cast.org.pk})
    assert response.status_code == 200
    assert fragment in " ".join(response.context["form"].errors[field])
    assert "à corriger" in response.content.decode()
    assert AISystem.objects.count() == before


def test_it_refuses_a_service_of_another_organisation(client, cast):
    from tests.factories import make_service

    foreign = make_service(cast.other_org)
    client.force_login(cast.agent)
    response = client.post(reverse("register:create"), {**system_form_data(), "organisation": cast.org.pk,
                                                         "service": foreign.pk})
    assert response.status_code == 200 and "service" in response.context["form"].errors
    assert not AISystem.objects.filter(service=foreign).exists()


def test_it_refuses_creation_in_an_organisation_the_person_is_not_in(client, cast):
    client.force_login(cast.agent)
    response = client.post(reverse("register:create"), {**system_form_data(), "organisation": cast.other_org.pk})
    assert response.status_code == 200 and "organisation" in response.context["form"].errors
    assert not AISystem.objects.filter(organisation=cast.other_org).exists()
