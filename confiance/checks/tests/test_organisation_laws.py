"""Laws 7 to 9 read on the organisation wherever a record's principles are shown, counted or filtered (0020).

`law7` (conftest.py): `trained` meets law 7 (a staff count and an agents' training),
`untrained` does not (a staff count, no training); each has one deployed record.
"""

from html import unescape

import pytest
from django.urls import reverse

from confiance.checks.models import LawOutcome, TrainingEvent
from confiance.checks.organisation_laws import law_counts, law_outcomes_by_system, with_law_outcome
from confiance.register.models import AISystem
from confiance.review.tests.helpers import make_committee, make_referral

pytestmark = pytest.mark.django_db


def _names(response):
    return sorted(s.name for s in response.context["page"].object_list)


def test_it_keeps_storing_not_applicable_for_law_7_on_each_record(law7):
    assert {o.outcome for o in LawOutcome.objects.filter(number=7)} == {"not_applicable"}


def test_it_filters_the_register_on_law_7_as_the_records_page_reads_it(client, law7):
    client.force_login(law7.dpo)
    url = reverse("register:list")
    met = _names(client.get(url, {"law": "7:met"}))
    assert met == ["Collecte des déchets", "Tri du courrier entrant"]
    assert _names(client.get(url, {"law": "7:to_do"})) == ["Réponses aux usagers du stationnement"]
    assert _names(client.get(url, {"law": "7:violated"})) == []
    page = unescape(client.get(reverse("register:detail", args=[law7.untrained_system.pk])).content.decode())
    row = page[page.index("7. "):]
    assert 'class="badge to_do"' in row[:row.index("</tr>")]  # the record's page says the same


def test_it_still_filters_a_law_the_record_decides_on_the_stored_outcome(client, law7):
    stored = dict(LawOutcome.objects.filter(system=law7.trained_system).values_list("number", "outcome"))
    client.force_login(law7.dpo)
    names = _names(client.get(reverse("register:list"), {"law": f"1:{stored[1]}"}))
    assert "Tri du courrier entrant" in names


def test_it_moves_a_record_between_filters_when_its_organisation_holds_its_first_training(client, law7):
    TrainingEvent.objects.create(organisation=law7.untrained, audience="agents", title="Initiation à l'IA",
                                 held_on="2026-02-02", participants=12)
    client.force_login(law7.dpo)
    assert "Réponses aux usagers du stationnement" in _names(client.get(reverse("register:list"), {"law": "7:met"}))
    assert _names(client.get(reverse("register:list"), {"law": "7:to_do"})) == []


def test_it_counts_filters_and_reads_each_record_with_one_reading(law7):
    systems = AISystem.objects.filter(pk__in=[law7.trained_system.pk, law7.untrained_system.pk])
    assert law_counts(systems)[7] == {"met": 1, "to_do": 1}
    read = law_outcomes_by_system(systems)
    assert read[law7.trained_system.pk][7] == "met" and read[law7.untrained_system.pk][7] == "to_do"
    assert list(with_law_outcome(systems, 7, "met")) == [law7.trained_system]


def test_it_counts_law_7_on_the_charter_page_as_the_organisation_stands(client, law7):
    client.force_login(law7.dpo)
    rows = {r["principle"].number: r["counts"] for r in
            client.get(reverse("checks:charter", args=[law7.untrained.slug])).context["principles"]}
    assert rows[7] == {"to_do": 1}
    rows = {r["principle"].number: r["counts"] for r in
            client.get(reverse("checks:charter", args=[law7.trained.slug])).context["principles"]}
    assert rows[7] == {"met": 2}  # the draft and the deployed record


def test_it_lists_law_7_among_a_stewards_open_points_only_while_the_organisation_has_not_met_it(client, law7):
    client.force_login(law7.steward)

    def open_points():
        steward = client.get("/").context["steward"]
        return {s.name: s.n for s in steward["open_points"]}

    before = open_points().get("Collecte des déchets", 0)
    TrainingEvent.objects.filter(organisation=law7.trained).delete()
    assert open_points()["Collecte des déchets"] == before + 1


def test_it_reads_law_7_on_the_organisation_in_the_referrals_dossier(client, law7):
    internal = make_committee(law7.untrained, "internal", [law7.committee])
    referral = make_referral(law7.untrained_system, internal)
    from confiance.accounts.models import Membership

    Membership.objects.create(person=law7.committee, organisation=law7.untrained, role="internal_committee")
    client.force_login(law7.committee)
    html = unescape(client.get(reverse("review:referral", args=[referral.pk])).content.decode())
    assert "À l'échelle de la collectivité" in html
    row = html[html.index("7. "):]
    assert 'class="badge to_do"' in row[:row.index("</tr>")]


def test_it_evaluates_no_organisation_to_filter_on_a_law_the_record_decides(law7, django_assert_max_num_queries):
    systems = AISystem.objects.all()
    with django_assert_max_num_queries(1):
        narrowed = with_law_outcome(systems, 1, "to_do")
    with django_assert_max_num_queries(1):
        list(narrowed)
