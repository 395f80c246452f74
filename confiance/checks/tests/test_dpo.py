"""The DPO's page, and the DPO writing and validating any DPIA of their organisation at any status."""

import pytest
from django.urls import reverse

from confiance.checks.models import DPIA, Questionnaire
from tests.factories import make_system

pytestmark = pytest.mark.django_db

DPIA_DATA = {
    "carried_out_on": "2026-03-02", "conclusion": "with_measures", "residual_risks": "Réidentification.",
    "measures": "Pseudonymisation.", "dpo_opinion": "Favorable sous réserve.",
}


def test_it_lists_systems_with_stated_or_implied_personal_data_dpias_and_open_points(client, cast):
    recruiting = make_system(cast.org, name="Tri des candidatures", domain="hr", technique="statistical_ml")
    Questionnaire.objects.create(system=recruiting, answers={"recruitment": True, "combines_datasets": "unknown"})
    stated = make_system(cast.org, name="Inscriptions cantine", personal_data=True)
    DPIA.objects.create(system=stated, **DPIA_DATA)
    make_system(cast.other_org, name="Ailleurs", personal_data=True)
    client.force_login(cast.dpo)
    response = client.get(reverse("checks:dpo"))
    assert response.status_code == 200
    names = [row.system.name for row in response.context["personal"]]
    assert names == ["Inscriptions cantine", "Tri des candidatures"]  # not "Collecte des déchets", not "Ailleurs"
    rows = {row.system.name: row for row in response.context["personal"]}
    assert rows["Tri des candidatures"].stated is False and rows["Tri des candidatures"].implied_from
    assert rows["Tri des candidatures"].dpia_state == "to_do"  # high risk + personal data
    assert rows["Inscriptions cantine"].dpia_state == "in_progress"
    assert [r.system.name for r in response.context["open_points"]] == ["Tri des candidatures"]
    assert "Déduites" in response.content.decode()


def test_it_is_for_the_dpo_only(client, cast):
    cast.system.personal_data = True
    cast.system.save()
    for person in (cast.agent, cast.steward, cast.committee, cast.ethics):
        client.force_login(person)
        assert client.get(reverse("checks:dpo")).status_code == 403
    client.force_login(cast.admin)
    assert "Collecte des déchets" in client.get(reverse("checks:dpo")).content.decode()
    client.force_login(cast.stranger)  # admin of another organisation: sees only their own
    assert "Collecte des déchets" not in client.get(reverse("checks:dpo")).content.decode()


def test_the_dpo_writes_and_validates_the_dpia_of_a_submitted_record(client, cast):
    system = make_system(cast.org, name="Soumis", personal_data=True, owner=cast.agent, created_by=cast.agent,
                         status="submitted")
    url = reverse("checks:dpia", args=[system.pk])
    client.force_login(cast.agent)
    assert client.get(url).status_code == 403  # the agent no longer edits a submitted record
    assert client.post(reverse("checks:dpia_validate", args=[system.pk])).status_code == 403
    client.force_login(cast.dpo)
    assert client.get(url).status_code == 200
    assert client.post(url, DPIA_DATA).status_code == 302
    dpia = DPIA.objects.get(system=system)
    assert dpia.validated_on is None
    assert client.post(reverse("checks:dpia_validate", args=[system.pk])).status_code == 302
    dpia.refresh_from_db()
    assert dpia.validated_by == cast.dpo and dpia.validated_on is not None
    client.post(url, {**DPIA_DATA, "measures": "Pseudonymisation et chiffrement."})
    dpia.refresh_from_db()
    assert dpia.validated_on is None  # a changed DPIA needs a new validation
    assert dpia.history.count() == 3


def test_the_steward_writes_but_does_not_validate(client, cast):
    cast.system.personal_data = True
    cast.system.save()
    client.force_login(cast.steward)
    assert client.post(reverse("checks:dpia", args=[cast.system.pk]), DPIA_DATA).status_code == 302
    assert client.post(reverse("checks:dpia_validate", args=[cast.system.pk])).status_code == 403
    assert DPIA.objects.get().validated_on is None
