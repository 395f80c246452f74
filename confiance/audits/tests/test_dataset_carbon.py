"""The footprint of storing a catalogue dataset: screen, dataset page, API, bad input, history."""

from html import unescape

import pytest

from confiance.accounts.models import ApiToken
from confiance.audits.models import DatasetCarbonEstimate
from tests.factories import PASSWORD, make_dataset

pytestmark = pytest.mark.django_db

URL = "/registre/audits/jeux/{}/carbone/"


@pytest.fixture
def dataset(cast):
    return make_dataset(cast.org, title="Relevés des compteurs", service=cast.service, steward=cast.steward)


def _form(**overrides):
    data = {"storage_terabytes": "2,5", "storage_medium": "hdd", "storage_copies": "3", "country": "FRA", "pue": ""}
    data.update(overrides)
    return data


def test_it_estimates_the_storage_footprint_and_shows_it_on_the_datasets_page(client, cast, dataset):
    client.login(username="referent", password=PASSWORD)
    assert "Aucune estimation de l'empreinte du stockage." in client.get(dataset.get_absolute_url()).content.decode()
    response = client.post(URL.format(dataset.pk), _form())
    assert response.status_code == 302
    estimate = DatasetCarbonEstimate.objects.get(dataset=dataset)
    # 2.5 TB × 3 copies × 8760 h × 0.65 Wh/TB·h × PUE 1.58 = 67.5 kWh a year, times France's grid intensity.
    kwh = estimate.result["parts"][0]["kwh_per_year"]
    assert kwh == pytest.approx(2.5 * 3 * 8760 * 0.65 * 1.58 / 1000, rel=1e-6)
    assert 0 < estimate.low_kg <= estimate.central_kg <= estimate.high_kg
    page = unescape(client.get(dataset.get_absolute_url()).content.decode())
    assert "Empreinte carbone du stockage" in page and "Modifier l'estimation du stockage" in page
    detail = unescape(client.get(URL.format(dataset.pk)).content.decode())
    assert "km en voiture thermique" in detail and "Impact CO2" in detail
    client.post(URL.format(dataset.pk), _form(storage_terabytes="5"))
    assert DatasetCarbonEstimate.objects.get().inputs["storage"]["terabytes"] == 5
    assert DatasetCarbonEstimate.history.count() == 2  # each change is kept


@pytest.mark.parametrize("fields, message", [
    ({"storage_terabytes": "0"}, "plus grand que zéro"),
    ({"storage_terabytes": "-1"}, "supérieure ou égale à 0"),
    ({"storage_terabytes": "beaucoup"}, "Saisissez un nombre"),
    ({"country": "XXX"}, "Sélectionnez un choix valide"),
])
def test_it_refuses_bad_assumptions_in_french_and_stores_nothing(client, cast, dataset, fields, message):
    client.login(username="referent", password=PASSWORD)
    response = client.post(URL.format(dataset.pk), _form(**fields))
    assert response.status_code == 200 and message in unescape(response.content.decode())
    assert not DatasetCarbonEstimate.objects.exists()


def test_it_lets_only_the_datasets_editors_change_it(client, cast, dataset):
    client.login(username="dpo", password=PASSWORD)
    assert client.get(URL.format(dataset.pk)).status_code == 200
    assert client.post(URL.format(dataset.pk), _form()).status_code == 403
    client.login(username="etranger", password=PASSWORD)
    assert client.get(URL.format(dataset.pk)).status_code == 404
    assert not DatasetCarbonEstimate.objects.exists()


def _auth(person):
    _, raw = ApiToken.issue(person, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_it_records_and_reads_the_storage_footprint_through_the_api(client, cast, dataset):
    url = f"/api/audits/datasets/{dataset.pk}/carbon"
    payload = {"storage": {"terabytes": 1, "medium": "ssd", "copies": 2}}
    assert client.get(url, **_auth(cast.dpo)).status_code == 404
    assert client.put(url, payload, content_type="application/json", **_auth(cast.dpo)).status_code == 403
    bad = client.put(url, {"storage": {"terabytes": 1, "cylinders": 4}}, content_type="application/json",
                     **_auth(cast.steward))
    assert bad.status_code == 422 and "Champ inconnu" in bad.json()["message"]
    response = client.put(url, payload, content_type="application/json", **_auth(cast.steward))
    assert response.status_code == 200 and response.json()["central_kg"] > 0
    assert client.get(url, **_auth(cast.dpo)).json()["central_kg"] == DatasetCarbonEstimate.objects.get().central_kg
    assert client.get(url, **_auth(cast.stranger)).status_code == 404
