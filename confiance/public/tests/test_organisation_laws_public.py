"""The public site, its exports and the annual report read laws 7 to 9 on the organisation (decision 0020).

`law7` (conftest.py): `trained` meets law 7, `untrained` does not; each has one deployed record.
"""

import json
from datetime import date

import pytest
from django.urls import reverse

from confiance.checks.models import TrainingEvent
from confiance.public.reports import charts, compute_figures

pytestmark = pytest.mark.django_db


def _law(laws, number):
    return next(law for law in laws if law["number"] == number)


def test_it_counts_law_7_in_the_annual_report_as_each_organisation_stands(law7):
    year = date.today().year
    trained = dict((n, counts) for n, _, counts in compute_figures(law7.trained, year)["laws"])
    untrained = dict((n, counts) for n, _, counts in compute_figures(law7.untrained, year)["laws"])
    assert trained[7] == {"met": 1} and untrained[7] == {"to_do": 1}
    chart = charts(compute_figures(law7.untrained, year))["laws"]
    assert "7. Accompagnement des métiers : 0 respectée, 1 à faire, 0 enfreinte, 0 sans objet" in chart


def test_it_reads_law_7_of_the_year_of_the_report(law7):
    year = date.today().year
    TrainingEvent.objects.create(organisation=law7.untrained, audience="citizens", title="Atelier IA",
                                 held_on=date(year - 1, 5, 1))
    last_year = dict((n, counts) for n, _, counts in compute_figures(law7.untrained, year - 1)["laws"])
    this_year = dict((n, counts) for n, _, counts in compute_figures(law7.untrained, year)["laws"])
    assert last_year[8] == {"met": 1} and this_year[8] == {"to_do": 1}


def test_it_exports_law_7_in_the_json_register_and_each_records_json(client, law7):
    for organisation, system, outcome in ((law7.trained, law7.trained_system, "met"),
                                          (law7.untrained, law7.untrained_system, "to_do")):
        body = json.loads(client.get(reverse("public:export", args=[organisation.slug, "json"])).content)
        law = _law(body["systems"][0]["laws"], 7)
        assert law["outcome"] == outcome, organisation.name
        one = client.get(reverse("public:system_json", args=[organisation.slug, system.pk])).json()
        assert _law(one["laws"], 7) == law


def test_it_shows_law_7_on_the_public_page_as_in_the_export(client, law7):
    html = client.get(reverse("public:system", args=[law7.untrained.slug, law7.untrained_system.pk])).content.decode()
    laws = html[html.index("Les principes de la charte pour ce système"):]
    item = laws[laws.index("<li>7. "):]
    assert 'class="badge to_do"' in item[:item.index("</li>")]


def test_it_keeps_no_new_public_version_when_only_the_organisations_laws_change(law7):
    system = law7.untrained_system
    assert system.public_versions.count() == 1
    TrainingEvent.objects.create(organisation=law7.untrained, audience="agents", title="Initiation à l'IA",
                                 held_on=date.today(), participants=12)
    system.team_size = 3  # not public, and the laws read on the organisation follow it, not the record
    system.save()
    assert system.public_versions.count() == 1
    system.public_summary = "Répond aux questions sur le stationnement résidentiel."
    system.save()
    latest = system.public_versions.order_by("-number").first()
    assert latest.number == 2 and _law(latest.content["laws"], 7)["outcome"] == "met"  # as read when kept


def test_it_counts_law_7_on_the_public_dashboard_as_each_organisation_stands(client, law7):
    for organisation, counts, indicator in ((law7.trained, {"met": 1}, "met"), (law7.untrained, {"to_do": 1}, "to_do")):
        laws = client.get(reverse("public:laws", args=[organisation.slug])).context["laws"]
        law = next(law for law in laws if law["principle"].number == 7)
        assert law["counts"] == counts and str(law["organisation_outcome"].outcome) == indicator, organisation.name
