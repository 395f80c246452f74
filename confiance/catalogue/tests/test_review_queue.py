"""The steward reviews what came in: accept, reject, or merge with a hand-made record; later harvests follow."""

from django.urls import reverse

from confiance.catalogue import harvesting
from confiance.catalogue.models import Dataset
from tests.factories import make_dataset


def pending(cast, **overrides):
    fields = {"title": "Tournées de collecte (portail)", "classification": "open", "review_status": "pending",
              "uri": "https://portail.example/dataset/1", "identifier": "1", "licence": "odbl",
              "landing_page": "https://portail.example/collecte"}
    fields.update(overrides)
    return make_dataset(cast.org, **fields)


def test_it_keeps_harvested_datasets_out_of_the_catalogue_until_accepted(client, cast):
    dataset = pending(cast)
    client.force_login(cast.admin)
    assert dataset.title not in client.get(reverse("catalogue:list")).content.decode()
    assert dataset.title in client.get(reverse("catalogue:review")).content.decode()
    client.post(reverse("catalogue:decide", args=[dataset.pk]), {"decision": "accept"})
    dataset.refresh_from_db()
    assert dataset.review_status == "accepted"
    assert dataset.title in client.get(reverse("catalogue:list")).content.decode()


def test_it_rejects_and_refuses_unknown_decisions(client, cast):
    dataset = pending(cast)
    client.force_login(cast.admin)
    client.post(reverse("catalogue:decide", args=[dataset.pk]), {"decision": "delete-everything"})
    dataset.refresh_from_db()
    assert dataset.review_status == "pending"
    client.post(reverse("catalogue:decide", args=[dataset.pk]), {"decision": "reject"})
    dataset.refresh_from_db()
    assert dataset.review_status == "rejected"


def test_it_merges_into_the_hand_made_record_which_later_harvests_update(client, cast):
    hand = make_dataset(cast.org, title="Collecte des déchets", description="Saisie par le pôle propreté.",
                        classification="open", steward=cast.steward, legal_basis="")
    harvested = pending(cast)
    client.force_login(cast.admin)
    client.post(reverse("catalogue:decide", args=[harvested.pk]), {"decision": "merge", "target": hand.pk})
    hand.refresh_from_db()
    harvested.refresh_from_db()
    assert (harvested.review_status, harvested.merged_into) == ("merged", hand)
    assert hand.uri == "https://portail.example/dataset/1" and hand.licence == "odbl"
    assert hand.description == "Saisie par le pôle propreté." and hand.steward == cast.steward
    # the next harvest finds the hand-made record by the source's URI and updates it
    counts = harvesting.apply_records(cast.org, [{**{k: getattr(harvested, k) for k in harvesting.RECORD_FIELDS},
                                                  "uri": "https://portail.example/dataset/1",
                                                  "title": "Collecte des déchets ménagers"}])
    assert (counts.created, counts.updated) == (0, 1)
    hand.refresh_from_db()
    assert hand.title == "Collecte des déchets ménagers" and Dataset.objects.count() == 2
