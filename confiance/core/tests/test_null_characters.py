"""Regression tests for finding 4 of issue 15: a null character in a query answers 400, never 500."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/bibliotheque/?q=a%00b", "/bibliotheque/api/projets?q=%00",
                                  "/public/?q=%00", "/registre/systemes/?q=%00"])
def test_it_refuses_a_null_character_in_the_query(client, cast, path):
    client.force_login(cast.dpo)
    response = client.get(path)
    assert response.status_code == 400
    assert "Requête invalide" in response.content.decode()


def test_it_answers_the_api_in_french_json(client):
    response = client.get("/api/systems?q=%00")
    assert response.status_code == 400 and "caractère nul" in response.json()["message"]
