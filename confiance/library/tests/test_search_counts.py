"""Facet counts and paging done in the database: they agree with a count made by hand, for every tier."""

import itertools
import random

import pytest

from confiance.library.models import SharedProject
from confiance.library.search import FACETS, search, search_page
from confiance.library.tests.conftest import make_shared_project
from confiance.rules.library_text import stems
from confiance.rules.library_tiers import Tier

WORDS = ["cantine", "déchets", "vélos", "fuites", "chatbot"]


@pytest.fixture
def library(db):
    rng = random.Random(14)
    for n in range(40):
        make_shared_project(
            name=f"Projet {n} {rng.choice(WORDS)}", summary=f"Un projet sur les {rng.choice(WORDS)}.",
            domain=rng.choice(["education", "waste", "water", "mobility"]),
            technique=rng.choice(["computer_vision", "statistical_ml", "optimisation", ""]),
            status=rng.choice(["exploration", "deployment", ""]), region=rng.choice(["Bretagne", "Occitanie", ""]),
            organisation_kind=rng.choice(["commune", "epci"]), size_band=rng.choice(["lt10k", "gte200k", ""]),
            vendor=f"Prestataire {rng.choice(WORDS)}",  # tier 2: found by members only
            withdrawn=n % 9 == 0,
        )


def _by_hand(word, tier, filters):
    """The total and facet counts, computed in Python from the projects a reader of `tier` finds by `word`."""
    wanted = set(stems(word))
    found = [p for p in SharedProject.objects.filter(withdrawn=False)
             if wanted & set(stems(" ".join([p.name, p.tier_texts()[1]] + ([p.tier_texts()[2]] if tier >= 2 else []))))]

    def passes(project, skip=None):
        return all(getattr(project, name) in values for name, values in filters.items() if name != skip)

    counts = {name: {} for name in FACETS}
    for project, name in itertools.product(found, FACETS):
        value = getattr(project, name)
        if value and passes(project, skip=name):
            counts[name][value] = counts[name].get(value, 0) + 1
    return sum(passes(p) for p in found), counts


@pytest.mark.parametrize("tier", [Tier.PUBLIC, Tier.MEMBER])
@pytest.mark.parametrize("filters", [{}, {"domain": ["waste"]}, {"region": ["Bretagne"], "technique": ["optimisation",
                                                                                                      "computer_vision"]}])
def test_it_counts_like_a_count_by_hand(library, tier, filters):
    for word in WORDS:
        result = search(word, tier, filters, semantic=False)
        total, counts = _by_hand(word, tier, filters)
        assert result.total == total, word
        assert {f.name: {v.value: v.count for v in f.values} for f in result.facets} == counts, word


def test_it_counts_a_tier_2_word_for_members_only(library):
    assert search("prestataire", Tier.PUBLIC, semantic=False).total == 0
    assert search("prestataire", Tier.MEMBER, semantic=False).total == SharedProject.objects.filter(withdrawn=False).count()


def test_it_pages_in_the_database_without_losing_or_repeating_a_result(library):
    everything = search("projet", Tier.PUBLIC, semantic=False, limit=100)
    assert everything.total == len(everything.ids) == SharedProject.objects.filter(withdrawn=False).count()
    pages = [search("projet", Tier.PUBLIC, semantic=False, offset=offset, limit=7).ids for offset in range(0, 40, 7)]
    assert list(itertools.chain(*pages)) == everything.ids


def test_it_browses_every_visible_project_by_name_when_there_are_no_words(library):
    result = search("", Tier.PUBLIC, {"domain": ["waste"]}, limit=100)
    expected = SharedProject.objects.filter(withdrawn=False, domain="waste").order_by("name", "pk")
    assert result.ids == list(expected.values_list("pk", flat=True)) and result.total == expected.count()


def test_it_gives_the_last_page_for_a_page_past_the_end(library):
    result, page = search_page("projet", Tier.PUBLIC, {}, "99", per_page=10)
    assert page.number == page.paginator.num_pages == 4
    assert list(page.object_list) == search("projet", Tier.PUBLIC, offset=30, limit=10).ids
    assert search_page("projet", Tier.PUBLIC, {}, "abc", per_page=10)[1].number == 1
    for typed, shown in (("99999999999999999999", 4), ("1e309", 1), ("-5", 1)):  # the address bar: no server error
        assert search_page("", Tier.PUBLIC, {}, typed, per_page=10)[1].number == shown
        assert search_page("projet", Tier.PUBLIC, {}, typed, per_page=10)[1].number == shown


def test_it_keeps_a_withdrawn_project_out_of_the_index(library):
    project = SharedProject.objects.filter(withdrawn=False).first()
    before = search("", Tier.PUBLIC).total
    project.withdrawn = True
    project.save()
    assert search("", Tier.PUBLIC).total == before - 1
    project.withdrawn = False
    project.save()
    assert search("", Tier.PUBLIC).total == before


@pytest.mark.parametrize("tier", [Tier.PUBLIC, Tier.MEMBER])
@pytest.mark.parametrize("filters", [{}, {"domain": ["waste"]}, {"region": ["Bretagne"], "technique": ["optimisation",
                                                                                                      "computer_vision"]}])
def test_it_flags_each_meaning_based_extra_and_counts_those_the_words_miss(library, tier, filters):
    from confiance.library.search import backend
    from confiance.rules.library_text import parse_query

    visible = list(SharedProject.objects.filter(withdrawn=False).order_by("pk"))
    for word in WORDS:
        wanted = set(stems(word))
        tiers = [1, 2] if tier >= 2 else [1]

        def matches(project, wanted=wanted, tiers=tiers):
            return bool(wanted & set(stems(" ".join([project.name] + [project.tier_texts()[t] for t in tiers]))))

        def passes(project, skip=None):
            return all(getattr(project, name) in values for name, values in filters.items() if name != skip)

        hits = [p for p in visible if matches(p)]
        misses = [p for p in visible if not matches(p)]
        extras = hits[:3] + misses[:5]  # what meaning-based search would add: some the words find, some they miss
        _, total, counts, flags = backend().run(parse_query(word), tier, filters, [p.pk for p in extras], 0, 100)
        assert flags == {p.pk: (passes(p), matches(p)) for p in extras}, word
        found = hits + misses[:5]  # a meaning-only match counts in the total and the facets, once
        assert total == sum(passes(p) for p in found), word
        by_hand = {name: {} for name in FACETS}
        for project, name in itertools.product(found, FACETS):
            value = getattr(project, name)
            if value and passes(project, skip=name):
                by_hand[name][value] = by_hand[name].get(value, 0) + 1
        assert counts == by_hand, word


def test_it_folds_a_cube_like_a_sum_by_hand():
    from confiance.library import facet_codes

    rng = random.Random(5)
    names = list(facet_codes.FACET_BITS)
    cube = [(sum(rng.choice([0, 1, 2, 3, 40]) % (1 << facet_codes.FACET_BITS[name]) << facet_codes.SHIFTS[name]
                 for name in names), rng.randint(1, 9)) for _ in range(300)]
    wanted = {"domain": {1, 2}, "region": {3, 40}}
    part = {name: lambda code, name=name: (code >> facet_codes.SHIFTS[name]) & ((1 << facet_codes.FACET_BITS[name]) - 1)
            for name in names}
    by_hand = {name: {} for name in names}
    for code, n in cube:
        for name in names:
            if part[name](code) and all(part[other](code) in kept for other, kept in wanted.items() if other != name):
                by_hand[name][part[name](code)] = by_hand[name].get(part[name](code), 0) + n
    total = sum(n for code, n in cube if all(part[name](code) in kept for name, kept in wanted.items()))
    assert facet_codes.fold(cube, wanted) == (total, by_hand)
    assert all(facet_codes.keeps(code, wanted) == all(part[name](code) in kept for name, kept in wanted.items())
               for code, _ in cube)
    assert facet_codes.fold([], wanted) == (0, {name: {} for name in names})
