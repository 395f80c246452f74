"""The search backend's one call, run(): counts from the packed facet codes, meaning-based extras, both databases."""

import pytest
from django.db import connection

from confiance.library.models import SharedProject
from confiance.library.models_search import SearchDocument, SearchFacetCode
from confiance.library.search import backend, search
from confiance.library.tests.conftest import make_shared_project
from confiance.library.tests.test_search_counts import WORDS, _by_hand, library  # noqa: F401 (fixture)
from confiance.rules.library_text import parse_query
from confiance.rules.library_tiers import Tier


def _counts(result):
    return {f.name: {v.value: v.count for v in f.values} for f in result.facets}


@pytest.mark.parametrize("tier", [Tier.PUBLIC, Tier.MEMBER])
def test_it_counts_meaning_based_extras_once_and_keeps_only_those_the_filters_keep(library, tier):  # noqa: F811
    filters = {"domain": ["waste"]}
    matched = set(backend().ranked_ids(parse_query("cantine"), tier, 100))
    others = list(SharedProject.objects.filter(withdrawn=False).exclude(pk__in=matched).order_by("pk"))
    extra = [others[0].pk, others[1].pk, next(iter(matched))]
    page, total, counts, extras = backend().run(parse_query("cantine"), tier, filters, extra, 0, 100)
    by_hand_total, by_hand = _by_hand("cantine", tier, filters)
    outside = others[:2]
    assert total == by_hand_total + sum(p.domain == "waste" for p in outside)
    for project in outside:  # an extra not found by the words is counted like a match, but never on the page
        assert extras[project.pk] == (project.domain == "waste", False)
        assert project.pk not in page
        if project.domain:  # the domain facet counts under every filter but its own
            by_hand["domain"][project.domain] = by_hand["domain"].get(project.domain, 0) + 1
    kept_match = SharedProject.objects.get(pk=extra[2])
    assert extras[extra[2]] == (kept_match.domain == "waste", True)
    assert counts["domain"] == by_hand["domain"]


def test_it_counts_a_new_facet_value_as_soon_as_it_is_indexed(library):  # noqa: F811
    project = SharedProject.objects.filter(withdrawn=False).first()
    project.region = "Corse"
    project.save()
    assert SearchFacetCode.objects.filter(facet="region", value="Corse").exists()
    result = search("", Tier.PUBLIC, {"region": ["Corse"]})
    assert result.ids == [project.pk] and result.total == 1
    assert _counts(search("", Tier.PUBLIC))["region"]["Corse"] == 1
    project.region = "Bretagne"
    project.save()
    assert "Corse" not in _counts(search("", Tier.PUBLIC))["region"]


@pytest.mark.parametrize("tier", [Tier.PUBLIC, Tier.MEMBER])
def test_it_counts_like_a_count_by_hand_with_filters_on_every_facet_at_once(library, tier):  # noqa: F811
    filters = {"domain": ["education", "waste"], "status": ["exploration", "deployment"], "organisation_kind": ["commune"],
               "region": ["Bretagne", "Occitanie"]}
    for word in WORDS:
        result = search(word, tier, filters, semantic=False)
        total, counts = _by_hand(word, tier, filters)
        assert (result.total, _counts(result)) == (total, counts), word


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner setting")
def test_it_gives_the_planner_back_its_table_scans_after_a_search(library):  # noqa: F811
    search("cantine", Tier.MEMBER, {"domain": ["waste"]}, semantic=False)
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('enable_seqscan'), current_setting('parallel_setup_cost'), "
                       "current_setting('parallel_tuple_cost'), current_setting('enable_sort'), current_setting('jit')")
        assert cursor.fetchone() == ("on", "1000", "0.1", "on", "on")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the PostgreSQL migration")
def test_it_packs_the_codes_of_entries_indexed_before_the_codes_existed(library):  # noqa: F811
    from importlib import import_module

    from django.apps import apps

    fill = import_module("confiance.library.migrations.0005_search_document_codes_postgres").fill
    expected = search("cantine", Tier.MEMBER, {"region": ["Bretagne"]}, semantic=False)
    SearchDocument.objects.update(code=0)
    SearchFacetCode.objects.all().delete()
    with connection.schema_editor(atomic=False) as editor:
        fill(apps, editor)
    again = search("cantine", Tier.MEMBER, {"region": ["Bretagne"]}, semantic=False)
    assert (again.total, _counts(again), again.ids) == (expected.total, _counts(expected), expected.ids)


def test_it_pages_through_matches_that_all_share_one_facet_combination(db):
    for n in range(12):
        make_shared_project(name=f"Cantine {n}", summary="Une cantine " + "cantine " * (n % 5))
    everything = search("cantine", Tier.PUBLIC, semantic=False, limit=100)
    assert everything.total == len(everything.ids) == 12
    pages = [search("cantine", Tier.PUBLIC, semantic=False, offset=offset, limit=5).ids for offset in (0, 5, 10)]
    assert pages[0] + pages[1] + pages[2] == everything.ids
