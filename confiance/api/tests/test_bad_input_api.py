"""Regression tests for finding 4 of issue 15 on the API: French 4xx naming the field, nothing written."""

import json
from pathlib import Path

import pytest

from confiance.accounts.models import ApiToken
from confiance.core.concurrency import version_of
from confiance.register.models import AISystem

pytestmark = pytest.mark.django_db


def _auth(person):
    _, raw = ApiToken.issue(person, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def _patch_raw(client, cast, body):
    return client.patch(f"/api/systems/{cast.system.pk}", body, content_type="application/json",
                        HTTP_IF_MATCH=f'"{version_of(cast.system)}"', **_auth(cast.steward))


def _unchanged(cast):
    history = cast.system.history.count()
    name = cast.system.name
    cast.system.refresh_from_db()
    return cast.system.name == name and cast.system.history.count() == history


def test_it_refuses_a_lone_surrogate_in_a_text_field(client, cast):
    response = _patch_raw(client, cast, '{"name": "x\\ud800y"}')
    assert response.status_code == 422
    assert "name" in response.json()["errors"]
    assert _unchanged(cast)
    create = client.post("/api/systems", '{"organisation": "metropole-test", "name": "A", "public_summary": "\\udfff",'
                         ' "purpose": "P", "domain": "waste", "technique": "optimisation"}',
                         content_type="application/json", **_auth(cast.agent))
    assert create.status_code == 422 and "public_summary" in create.json()["errors"]
    assert AISystem.objects.count() == 1


@pytest.mark.parametrize("body", ["null", "[]", '"str"', "12"])
def test_it_refuses_a_patch_body_that_is_not_an_object(client, cast, body):
    response = _patch_raw(client, cast, body)
    assert response.status_code == 422, response.content
    assert "objet JSON" in json.dumps(response.json(), ensure_ascii=False)
    assert _unchanged(cast)


def test_it_answers_unparsable_json_in_french(client, cast):
    response = _patch_raw(client, cast, '{"name": ')
    assert response.status_code == 400
    assert "n'est pas du JSON valide" in response.json()["message"]
    assert _unchanged(cast)


PAGED_LISTS = ["/api/systems", "/api/catalogue/datasets", "/api/review/referrals", "/api/review/sessions",
               "/api/review/declarations"]


def test_every_paged_list_keeps_its_numbers_within_the_database():
    """ninja's own LimitOffsetPagination lets `limit=10**20` reach the database (an OverflowError)."""
    sources = [path.read_text() for path in (Path(__file__).parents[2]).rglob("*.py") if "tests" not in path.parts]
    paginated = [line.strip() for text in sources for line in text.splitlines() if line.startswith("@paginate(")]
    assert len(paginated) == len(PAGED_LISTS)
    assert set(paginated) == {"@paginate(BoundedLimitOffset)"}


@pytest.mark.parametrize("path", PAGED_LISTS)
@pytest.mark.parametrize("query", [{"limit": "9" * 20}, {"offset": "9" * 20}, {"limit": "-1"}, {"offset": "-5"}])
def test_it_refuses_out_of_range_pagination_with_the_field_named(client, cast, query, path):
    response = client.get(path, query, **_auth(cast.dpo))
    assert response.status_code == 422
    assert set(query) <= set(response.json()["errors"])


def test_it_answers_an_over_size_body_in_french(client, cast, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = _patch_raw(client, cast, json.dumps({"purpose": "x" * 5000}))
    assert response.status_code == 413
    assert "trop volumineux" in response.json()["message"]
    assert _unchanged(cast)


def test_it_answers_unauthenticated_and_missing_in_french(client, cast):
    assert "Authentification requise" in client.get("/api/systems").json()["message"]
    assert "Aucun" in client.get("/api/systems/999999", **_auth(cast.dpo)).json()["message"]


def test_it_refuses_an_unknown_filter_instead_of_listing_everything(client, cast):
    response = client.get("/api/systems", {"domian": "water"}, **_auth(cast.dpo))
    assert response.status_code == 422
    assert response.json()["errors"] == {"domian": ["Paramètre inconnu."]}


def test_it_refuses_a_null_character_in_the_body_or_the_query(client, cast):
    response = _patch_raw(client, cast, '{"vendor": "a\\u0000b"}')
    assert response.status_code == 422 and "vendor" in response.json()["errors"]
    assert _unchanged(cast)
    response = client.get("/api/systems", {"q": "a\x00b"}, **_auth(cast.dpo))
    assert response.status_code == 400 and "caractère nul" in response.json()["message"]
