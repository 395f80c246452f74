"""The catalogue's rules: freshness, the sprawl and risk signals, and the reasons the checks read from datasets."""

from datetime import date

import pytest

from confiance.rules.catalogue import (
    DatasetFacts,
    Freshness,
    LinkedDataset,
    SystemDataFacts,
    UseFacts,
    dataset_reasons,
    detect_signals,
    freshness,
    retention_ends,
    title_key,
)

TODAY = date(2026, 6, 15)


@pytest.mark.parametrize(("frequency", "last_updated", "expected"), [
    ("daily", date(2026, 6, 14), Freshness.FRESH),
    ("daily", date(2026, 6, 12), Freshness.STALE),
    ("monthly", date(2026, 5, 10), Freshness.FRESH),
    ("monthly", date(2026, 4, 1), Freshness.STALE),
    ("annual", date(2025, 6, 1), Freshness.FRESH),
    ("annual", date(2024, 12, 31), Freshness.STALE),
    ("irregular", date(2010, 1, 1), Freshness.UNKNOWN),
    ("punctual", date(2010, 1, 1), Freshness.UNKNOWN),
    ("weekly", None, Freshness.UNKNOWN),
])
def test_it_judges_freshness_against_the_announced_frequency(frequency, last_updated, expected):
    assert freshness(frequency, last_updated, TODAY) is expected


@pytest.mark.parametrize(("oldest", "months", "expected"), [
    (date(2020, 1, 31), 12, date(2021, 1, 28)),
    (date(2020, 11, 15), 3, date(2021, 2, 15)),
    (None, 12, None),
    (date(2020, 1, 1), None, None),
])
def test_it_computes_when_retention_ends(oldest, months, expected):
    assert retention_ends(oldest, months) == expected


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Collecte des déchets 2023", "Déchets : collecte 2024", True),
    ("Population par IRIS", "population par iris", True),
    ("Population par IRIS", "Population par commune", False),
    ("Fréquentation des cantines", "Frequentation cantines", True),
])
def test_it_reduces_titles_to_what_makes_them(a, b, same):
    assert (title_key(a) == title_key(b)) is same


def facts(**overrides):
    base = {"id": 1, "title": "Jeu", "organisation_id": 1, "owner_id": 7, "steward_id": 8,
            "classification": "internal", "hosting_country": "FR", "frequency": "annual",
            "last_updated": date(2026, 1, 1)}
    base.update(overrides)
    return DatasetFacts(**base)


# (description, the dataset's overrides, the kinds expected, an article or passage the reason must cite)
SIGNAL_TABLE = [
    ("a tidy internal dataset", {}, [], ""),
    ("stale against its frequency", {"frequency": "monthly", "last_updated": date(2025, 12, 1)}, ["stale"],
     "prolifération"),
    ("nobody answers for it", {"owner_id": None, "steward_id": None}, ["ownerless"], "référent"),
    ("personal without legal basis", {"classification": "personal"}, ["no_legal_basis"], "art. 6"),
    ("personal with a legal basis", {"classification": "personal", "legal_basis": "public_task"}, [], ""),
    ("sensitive without the art. 9 condition", {"classification": "sensitive", "legal_basis": "public_task"},
     ["no_legal_basis"], "art. 9"),
    ("kept past its retention", {"classification": "personal", "legal_basis": "public_task", "retention_months": 12,
                                 "oldest_record_on": date(2024, 1, 1)}, ["retention_past"], "art. 5"),
    ("kept within its retention", {"classification": "personal", "legal_basis": "public_task",
                                   "retention_months": 36, "oldest_record_on": date(2024, 1, 1)}, [], ""),
    ("hosted in the United States", {"hosting_country": "US"}, ["outside_eu"], "hébergement"),
    ("personal data hosted outside the EU", {"classification": "personal", "legal_basis": "consent",
                                             "hosting_country": "US"}, ["outside_eu"], "art. 44"),
    ("hosting unknown is not a finding", {"hosting_country": "UNKNOWN"}, [], ""),
    ("open without licence", {"classification": "open"}, ["open_without_licence"], "L323-2"),
    ("open with a licence", {"classification": "open", "licence": "lo-2.0"}, [], ""),
]


@pytest.mark.parametrize(("description", "overrides", "kinds", "cited"), SIGNAL_TABLE,
                         ids=[row[0] for row in SIGNAL_TABLE])
def test_it_finds_the_signals_of_one_dataset(description, overrides, kinds, cited):
    findings = detect_signals([facts(**overrides)], today=TODAY)
    assert [f.kind for f in findings] == kinds
    for finding in findings:
        assert cited in str(finding.reason.citation)
        assert finding.dataset_ids == (1,)


def test_it_groups_probable_duplicates_by_title_without_comparing_pairs():
    datasets = [facts(id=1, title="Collecte des déchets 2023"), facts(id=2, title="Déchets : collecte 2024"),
                facts(id=3, title="Population par IRIS"), facts(id=4, title="Collecte des déchets", organisation_id=2)]
    duplicates = [f for f in detect_signals(datasets, today=TODAY) if f.kind == "duplicate_title"]
    assert [(f.dataset_ids, f.key) for f in duplicates] == [((1, 2), "duplicate_title:1-2")]


def test_it_flags_the_same_field_layout_only_across_services():
    layout = (("code_iris", "string"), ("annee", "integer"), ("population", "integer"))
    same_service = [facts(id=1, title="A", service_id=1, layout=layout), facts(id=2, title="B", service_id=1,
                                                                                 layout=layout)]
    assert not [f for f in detect_signals(same_service, today=TODAY) if f.kind == "duplicate_layout"]
    across = [facts(id=1, title="A", service_id=1, layout=layout),
              facts(id=2, title="B", service_id=2, layout=tuple(reversed(layout)))]
    assert [f.dataset_ids for f in detect_signals(across, today=TODAY) if f.kind == "duplicate_layout"] == [(1, 2)]


@pytest.mark.parametrize(("label", "required", "flagged"), [(0, 2, True), (1, 2, True), (2, 2, False), (3, 2, False),
                                                            (0, 0, False)])
def test_it_flags_ai_systems_fed_below_the_required_label(label, required, flagged):
    output = detect_signals([facts(quality_label=label)], [UseFacts(dataset_id=1, system_id=9, role="output")],
                            required_label=required, today=TODAY)
    assert not [f for f in output if f.kind == "below_quality_label"]  # what a system produces does not feed it
    findings = detect_signals([facts(quality_label=label)], [UseFacts(dataset_id=1, system_id=9)],
                              required_label=required, today=TODAY)
    below = [f for f in findings if f.kind == "below_quality_label"]
    assert bool(below) is flagged
    if flagged:
        assert below[0].system_id == 9 and "labellisation" in str(below[0].reason.citation)


# (description, the system's facts, the linked dataset, the GDPR article each expected reason cites)
REASON_TABLE = [
    ("open data feeding a system", {}, {"classification": "open"}, []),
    ("personal data reaching a system that says none", {"personal_data": False},
     {"classification": "personal", "legal_basis": "public_task"}, ["art. 30, § 1"]),
    ("personal data, declared", {"personal_data": True},
     {"classification": "personal", "legal_basis": "public_task"}, []),
    ("hosted outside the EU without transfer basis", {"personal_data": True},
     {"classification": "personal", "legal_basis": "public_task", "hosting_country": "US"}, ["art. 44 à 46"]),
    ("hosted outside the EU with clauses", {"personal_data": True},
     {"classification": "personal", "legal_basis": "public_task", "hosting_country": "US", "transfer_basis": "scc"},
     []),
    ("missing legal basis", {"personal_data": True}, {"classification": "personal"}, ["art. 6, § 1"]),
    ("sensitive data without DPIA", {"personal_data": True},
     {"classification": "sensitive", "legal_basis": "public_task"}, ["art. 35, § 3, b)"]),
    ("sensitive data with DPIA", {"personal_data": True, "dpia_recorded": True},
     {"classification": "sensitive", "legal_basis": "public_task"}, []),
]


@pytest.mark.parametrize(("description", "system", "dataset", "articles"), REASON_TABLE,
                         ids=[row[0] for row in REASON_TABLE])
def test_it_gives_the_checks_a_cited_reason_per_problem_in_linked_data(description, system, dataset, articles):
    linked = LinkedDataset(title="Dossiers", role="input", **dataset)
    reasons = dataset_reasons(SystemDataFacts(datasets=(linked,), **system))
    assert [r.citation.reference for r in reasons] == articles
    assert all("Dossiers" in r.text and r.citation.source.startswith("Règlement (UE) 2016/679") for r in reasons)
