"""The locust users of bench/load.py, run headless in their own process (locust patches with gevent).

Reads the configuration bench/load.py wrote, runs the load, writes the acknowledged
writes to a JSON file and prints a one-line JSON summary.
"""

import json
import random
import sys
import time

import gevent
from locust import FastHttpUser, between, events, task
from locust.env import Environment

CONFIG = json.loads(open(sys.argv[1]).read())
FIELDS = ["vendor", "product", "model_name", "hosting_provider", "licence"]
ACKS = []
CONFLICTS = [0]
STOPPING = [False]  # at the end, writers finish the edit under way and start no other
IN_FLIGHT = [0]  # PATCHes sent and not yet answered


class PublicReader(FastHttpUser):
    """An anonymous visitor of the transparency site and the library."""

    wait_time = between(0.5, 2)
    host = CONFIG["host"]

    @task(4)
    def organisation_home(self):
        slug, _ = random.choice(CONFIG["public"])
        self.client.get(f"/public/{slug}/", name="/public/[slug]/")

    @task(3)
    def system_list(self):
        slug, _ = random.choice(CONFIG["public"])
        self.client.get(f"/public/{slug}/systemes/", name="/public/[slug]/systemes/")

    @task(6)
    def system_page(self):
        slug, pk = random.choice(CONFIG["public"])
        self.client.get(f"/public/{slug}/systemes/{pk}/", name="/public/[slug]/systemes/[id]/")

    @task(1)
    def library(self):
        self.client.get("/bibliotheque/", name="/bibliotheque/")


class ApiWriter(FastHttpUser):
    """A person's tool editing records through the API: read, then PATCH with If-Match; retry on 412."""

    wait_time = between(0.2, 1)
    host = CONFIG["host"]
    counter = 0

    def on_start(self):
        ApiWriter.counter += 1
        self.number = ApiWriter.counter
        self.token = CONFIG["tokens"][(self.number - 1) % len(CONFIG["tokens"])]
        self.sequence = 0

    @task
    def edit(self):
        if STOPPING[0]:
            return
        headers = {"Authorization": f"Bearer {self.token}"}
        system = random.choice(CONFIG["systems"])
        field = random.choice(FIELDS)
        self.sequence += 1
        value = f"w{self.number}-{self.sequence}"
        for _ in range(20):
            if STOPPING[0]:
                return
            read = self.client.get(f"/api/systems/{system}", headers=headers, name="/api/systems/[id] GET")
            etag = read.headers.get("ETag")
            IN_FLIGHT[0] += 1
            with self.client.request("PATCH", f"/api/systems/{system}", json={field: value},
                                     headers={**headers, "If-Match": etag or ""}, catch_response=True,
                                     name="/api/systems/[id] PATCH") as response:
                IN_FLIGHT[0] -= 1
                if response.status_code == 200:
                    version = int(response.headers["ETag"].strip('"'))
                    ACKS.append({"system": system, "field": field, "value": value, "version": version})
                    response.success()
                    return
                if response.status_code == 412:
                    CONFLICTS[0] += 1
                    response.success()  # the concurrency control at work: read again and retry
                    continue
                response.failure(f"{response.status_code}: {response.text[:200]}")
                return


def main():
    readers, writers = CONFIG["readers"], CONFIG["writers"]
    PublicReader.fixed_count = readers
    ApiWriter.fixed_count = writers
    env = Environment(user_classes=[PublicReader, ApiWriter], events=events)
    runner = env.create_local_runner()
    started = time.perf_counter()
    runner.start(readers + writers, spawn_rate=50)
    gevent.sleep(CONFIG["seconds"])
    STOPPING[0] = True
    drain_until = time.perf_counter() + 120  # let every PATCH under way get its answer
    gevent.sleep(1)
    while IN_FLIGHT[0] and time.perf_counter() < drain_until:
        gevent.sleep(0.2)
    runner.quit()
    elapsed = time.perf_counter() - started
    time.sleep(0.5)
    total = env.stats.total
    errors = sum(e.occurrences for e in env.stats.errors.values())
    with open(CONFIG["acks"], "w") as fh:
        json.dump(ACKS, fh)
    print(json.dumps({
        "requests": total.num_requests, "rps": total.num_requests / elapsed,
        "p95_ms": total.get_response_time_percentile(0.95), "p50_ms": total.get_response_time_percentile(0.5),
        "errors": errors, "conflicts": CONFLICTS[0], "unanswered_patches": IN_FLIGHT[0],
        "errors_detail": {str(k): v.occurrences for k, v in list(env.stats.errors.items())[:5]},
    }))


if __name__ == "__main__":
    main()
