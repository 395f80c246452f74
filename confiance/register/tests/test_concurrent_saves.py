"""Finding 1 of issue 15 with real concurrency: threads, each with its own PostgreSQL connection."""

import json
import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from confiance.accounts.models import ApiToken
from confiance.core.concurrency import form_data, version_of
from confiance.register.forms import AISystemForm
from confiance.register.models import AISystem

pytestmark = pytest.mark.django_db(transaction=True)


def _in_threads(count, work):
    barrier, results = threading.Barrier(count), [None] * count

    def run(i):
        try:
            barrier.wait()
            results[i] = work(i)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


@pytest.fixture(autouse=True)
def postgresql_only():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's in-memory test database does not share writes between threads")


def test_twelve_people_saving_at_once_lose_nothing_silently(cast):
    system = AISystem.objects.get(pk=cast.system.pk)
    read = form_data(AISystemForm(instance=system, organisations=[system.organisation_id]))
    read["_version"] = version_of(system)

    def save(i):
        client = Client()
        client.force_login(cast.steward)
        return client.post(reverse("register:edit", args=[system.pk]), {**read, "vendor": f"Éditeur {i}"}).status_code

    statuses = _in_threads(12, save)
    assert sorted(statuses) == [302] + [409] * 11
    system.refresh_from_db()
    assert system.vendor.startswith("Éditeur ") and system.history.count() == 2


def test_twenty_api_writers_on_different_fields_all_land_without_reverts(cast):
    fields = ["vendor", "product", "model_name", "hosting_provider", "datasets_used", "human_oversight",
              "citizen_benefit", "agent_support", "licence", "purpose"]
    tokens = [ApiToken.issue(cast.steward, f"t{i}")[1] for i in range(20)]

    def write(i):
        client, field = Client(), fields[i % len(fields)]
        auth = {"HTTP_AUTHORIZATION": f"Bearer {tokens[i]}"}
        for _ in range(200):
            etag = client.get(f"/api/systems/{cast.system.pk}", **auth)["ETag"]
            response = client.patch(f"/api/systems/{cast.system.pk}", json.dumps({field: f"valeur {i}"}),
                                    content_type="application/json", HTTP_IF_MATCH=etag, **auth)
            if response.status_code == 200:
                return (field, f"valeur {i}", int(response["ETag"].strip('"')))
            assert response.status_code == 412, response.content
        return None

    acks = _in_threads(20, write)
    assert all(acks)
    system = AISystem.objects.get(pk=cast.system.pk)
    history = {h.history_id: h for h in system.history.all()}
    for field, value, version in acks:
        assert getattr(history[version], field) == value  # each acknowledged write is in the history
    for field in fields:
        last = max((a for a in acks if a[0] == field), key=lambda a: a[2])
        assert getattr(system, field) == last[1]
    rows = [history[k] for k in sorted(history)]
    acknowledged = {a[2] for a in acks}
    for before, after in zip(rows, rows[1:], strict=False):
        changed = [f for f in fields if getattr(before, f) != getattr(after, f)]
        assert not changed or after.history_id in acknowledged  # no change, hence no revert, nobody made
