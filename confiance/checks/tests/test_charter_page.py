import pytest
from django.urls import reverse

from confiance.checks.models import TrainingEvent
from tests.factories import make_system

pytestmark = pytest.mark.django_db


def test_it_counts_the_records_per_principle_and_measures_the_organisation(client, cast):
    make_system(cast.org, citizen_benefit="Des rues plus propres.", team_size=4, team_women=2)
    client.force_login(cast.dpo)
    response = client.get(reverse("checks:charter", args=[cast.org.slug]))
    rows = {row["principle"].number: row for row in response.context["principles"]}
    assert rows[1]["counts"] == {"to_do": 1, "met": 1}
    assert response.context["indicators"]["women_share_in_ai_teams"] == 0.5
    assert "50 %" in response.content.decode()
    assert "Les 10 lois" in response.content.decode()


def test_it_records_a_citizen_training_for_law_8(client, cast):
    client.force_login(cast.steward)
    url = reverse("checks:charter", args=[cast.org.slug])
    response = client.post(url, {"audience": "citizens", "title": "Atelier IA en médiathèque",
                                 "held_on": "2026-10-03", "participants": "25"})
    assert response.status_code == 302
    assert TrainingEvent.objects.get().organisation == cast.org


def test_it_refuses_bad_input_and_strangers(client, cast):
    client.force_login(cast.steward)
    url = reverse("checks:charter", args=[cast.org.slug])
    response = client.post(url, {"audience": "citizens", "title": "", "held_on": "pas une date"})
    assert response.status_code == 200 and set(response.context["form"].errors) >= {"title", "held_on"}
    client.force_login(cast.dpo)
    assert client.post(url, {"audience": "agents", "title": "x", "held_on": "2026-01-01"}).status_code == 403
    client.force_login(cast.stranger)
    assert client.get(url).status_code == 403
    assert not TrainingEvent.objects.exists()
