"""Shadow AI: the approved tools, agents' declarations and the committee's view."""

import pytest
from django.urls import reverse

from confiance.review.models import ApprovedTool, Declaration
from confiance.review.tests.helpers import make_committee


@pytest.fixture
def tool(cast):
    make_committee(cast.org, "internal", [cast.committee])
    return ApprovedTool.objects.create(organisation=cast.org, name="Assistant souverain", vendor="Éditeur",
                                       hosting_country="FR", allowed_uses="Reformuler", forbidden_data="Personnelles")


def declare(client, cast, **overrides):
    data = {"organisation": cast.org.pk, "service": cast.service.pk, "use": "uses", "purpose": "Reformuler"}
    data.update(overrides)
    return client.post(reverse("review:declare"), data)


def test_it_records_an_approved_tool_used_within_its_conditions(client, cast, tool):
    client.force_login(cast.agent)
    assert declare(client, cast, tool=tool.pk, accepts_conditions="on").status_code == 302
    assert Declaration.objects.get().state == "recorded"
    assert not cast.committee.notifications.exists()


@pytest.mark.parametrize("extra", [{"personal_data": "on", "accepts_conditions": "on"}, {}])
def test_it_turns_a_use_outside_the_conditions_into_a_request(client, cast, tool, extra):
    client.force_login(cast.agent)
    declare(client, cast, tool=tool.pk, **extra)
    assert Declaration.objects.get().state == "requested"
    assert cast.committee.notifications.filter(kind="declaration").count() == 1


def test_it_turns_an_unlisted_tool_into_a_request_and_refuses_an_empty_one(client, cast, tool):
    client.force_login(cast.agent)
    response = declare(client, cast)
    assert response.status_code == 200 and "Choisissez un outil" in response.content.decode()
    assert not Declaration.objects.exists()
    declare(client, cast, other_tool="Transcripteur", use="wants")
    assert Declaration.objects.get().state == "requested"


def test_it_shows_the_committee_the_requests_the_most_asked_tools_and_services(client, cast, tool):
    client.force_login(cast.agent)
    declare(client, cast, other_tool="Transcripteur")
    declare(client, cast, other_tool="Transcripteur")
    declare(client, cast, tool=tool.pk, accepts_conditions="on")
    client.force_login(cast.committee)
    response = client.get(reverse("review:declarations"))
    assert [(t["other_tool"], t["n"]) for t in response.context["tools"]][0] == ("Transcripteur", 2)
    assert list(response.context["services"]) == [{"service__name": "Pôle Numérique", "n": 3}]
    assert len(response.context["requests"]) == 2


def test_it_keeps_the_committees_view_from_agents(client, cast, tool):
    client.force_login(cast.agent)
    assert client.get(reverse("review:declarations")).status_code == 403
    assert client.get(reverse("review:tool_create")).status_code == 403


def test_it_answers_a_request_and_tells_the_agent(client, cast, tool):
    client.force_login(cast.agent)
    declare(client, cast, other_tool="Transcripteur")
    declaration = Declaration.objects.get()
    client.force_login(cast.committee)
    url = reverse("review:declaration_answer", args=[declaration.pk])
    assert client.post(url, {"state": "accepted"}).status_code == 200  # the explanation is required
    declaration.refresh_from_db()
    assert declaration.state == "requested"
    client.post(url, {"state": "refused", "committee_note": "Hébergé hors de l'UE."})
    declaration.refresh_from_db()
    assert declaration.state == "refused" and declaration.history.first().history_user == cast.committee
    assert cast.agent.notifications.filter(kind="declaration").exists()
