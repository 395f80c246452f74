from html import unescape

import pytest
from django.urls import reverse

from confiance.public.records import is_published, public_systems
from confiance.public.reports import compute_figures
from confiance.rules.transparency import is_published as rule_is_published

pytestmark = pytest.mark.django_db


def test_it_never_publishes_a_retired_record_that_was_never_in_use(client, public):
    public.draft.set_status("retired")
    public.deployed.set_status("retired")
    assert list(public_systems(public.org)) == [public.deployed]
    assert not is_published(public.draft) and is_published(public.deployed)
    text = unescape(client.get(reverse("public:list", args=[public.org.slug])).content.decode())
    assert "Projet secret" not in text and "Prévision de fréquentation" in text
    assert client.get(reverse("public:system", args=[public.org.slug, public.draft.pk])).status_code == 404
    figures = compute_figures(public.org, 2026)
    assert figures["systems_total"] == 1 and figures["retired"] == 1  # the retired draft counts nowhere


def test_it_keeps_no_public_version_of_a_retired_draft(public):
    public.draft.set_status("retired")
    public.draft.save()
    assert not public.draft.public_versions.exists()


@pytest.mark.parametrize(("status", "reached", "expected"), [
    ("deployed", set(), True), ("experimenting", set(), True), ("draft", set(), False),
    ("retired", {"draft"}, False), ("retired", {"draft", "submitted", "under_review"}, False),
    ("retired", {"draft", "experimenting"}, True), ("under_review", {"draft"}, False),
])
def test_it_publishes_in_use_records_and_those_retired_after_use(status, reached, expected):
    assert rule_is_published(status, reached) is expected
