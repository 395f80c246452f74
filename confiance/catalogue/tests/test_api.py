"""The catalogue's API: CRUD with OpenAPI and tokens, the screens' rule and form, French refusals."""

import pytest

from confiance.accounts.models import ApiToken
from confiance.catalogue.models import Dataset, DatasetUse
from tests.factories import make_dataset

pytestmark = pytest.mark.django_db


def auth(person):
    _, raw = ApiToken.issue(person, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_it_documents_the_catalogue_in_openapi(client):
    paths = set(client.get("/api/openapi.json").json()["paths"])
    assert {"/api/catalogue/datasets", "/api/catalogue/datasets/{dataset_id}",
            "/api/catalogue/datasets/{dataset_id}/uses", "/api/catalogue/uses/{use_id}"} <= paths


def test_it_requires_a_token(client, cast):
    assert client.get("/api/catalogue/datasets").status_code == 401
    assert client.post("/api/catalogue/datasets", {}, content_type="application/json").status_code == 401


def test_it_lists_and_searches_only_readable_datasets(client, cast):
    make_dataset(cast.org, title="Fréquentation des déchèteries")
    make_dataset(cast.other_org, title="Déchèteries d'ailleurs")
    body = client.get("/api/catalogue/datasets", {"q": "dechet"}, **auth(cast.dpo)).json()
    assert [d["title"] for d in body["items"]] == ["Fréquentation des déchèteries"]


def test_it_creates_updates_and_deletes_with_history(client, cast):
    payload = {"organisation": cast.org.slug, "title": "Capteurs du réseau d'eau", "description": "Pression, débit.",
               "classification": "open", "licence": "lo-2.0", "frequency": "daily",
               "distributions": [{"url": "https://x.fr/capteurs.csv", "format": "csv"}],
               "fields": [{"name": "pression", "type": "number"}, {"name": "horodatage", "type": "datetime"}]}
    created = client.post("/api/catalogue/datasets", payload, content_type="application/json", **auth(cast.agent))
    assert created.status_code == 201, created.json()
    body = created.json()
    assert [f["name"] for f in body["fields"]] == ["pression", "horodatage"]
    assert body["distributions"][0]["url"] == "https://x.fr/capteurs.csv"
    patched = client.patch(f"/api/catalogue/datasets/{body['id']}", {"frequency": "hourly"},
                           content_type="application/json", **auth(cast.agent))
    assert patched.status_code == 200 and patched.json()["frequency"] == "hourly"
    assert patched.json()["title"] == "Capteurs du réseau d'eau"  # the rest kept its value
    dataset = Dataset.objects.get()
    assert dataset.history.count() == 2
    assert client.delete(f"/api/catalogue/datasets/{body['id']}", **auth(cast.agent)).status_code == 204
    assert not Dataset.objects.exists() and Dataset.history.filter(history_type="-").count() == 1


def test_it_refuses_with_the_forms_french_messages(client, cast):
    payload = {"organisation": cast.org.slug, "title": "X", "description": "Y", "classification": "open",
               "licence": "other"}
    response = client.post("/api/catalogue/datasets", payload, content_type="application/json", **auth(cast.agent))
    assert response.status_code == 422 and response.json()["errors"]["licence_other"] == ["Nommez la licence."]
    assert not Dataset.objects.exists()


def test_it_applies_the_permission_rule(client, cast):
    dataset = make_dataset(cast.org, owner=cast.other_agent)
    assert client.get(f"/api/catalogue/datasets/{dataset.pk}", **auth(cast.stranger)).status_code == 404
    response = client.patch(f"/api/catalogue/datasets/{dataset.pk}", {"title": "Piraté"},
                            content_type="application/json", **auth(cast.agent))
    assert response.status_code == 403
    dataset.refresh_from_db()
    assert dataset.title != "Piraté"


def test_it_links_a_dataset_to_a_system_and_unlinks_it(client, cast):
    dataset = make_dataset(cast.org)
    response = client.post(f"/api/catalogue/datasets/{dataset.pk}/uses", {"system_id": cast.system.pk,
                           "role": "training"}, content_type="application/json", **auth(cast.agent))
    assert response.status_code == 201 and response.json()["role"] == "training"
    foreign = make_dataset(cast.other_org)
    refused = client.post(f"/api/catalogue/datasets/{foreign.pk}/uses", {"system_id": cast.system.pk},
                          content_type="application/json", **auth(cast.stranger))
    assert refused.status_code == 403
    use = DatasetUse.objects.get()
    assert client.delete(f"/api/catalogue/uses/{use.pk}", **auth(cast.dpo)).status_code == 403
    assert client.delete(f"/api/catalogue/uses/{use.pk}", **auth(cast.agent)).status_code == 204
    assert not DatasetUse.objects.exists()
