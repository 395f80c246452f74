"""The data catalogue's rules: freshness, the sprawl and risk signals, and what the checks read from datasets.

Plain Python, no Django (rules/tests/test_purity.py). The catalogue app turns its rows
into the dataclasses below, calls `detect_signals` or `dataset_reasons`, and stores or
shows what comes out. Every finding carries a citation:

- the GDPR for personal data: a lawful basis (art. 6 § 1), the art. 9 § 2 condition for
  sensitive data, storage limitation (art. 5 § 1 e), transfers outside the Union
  (art. 44 to 46), the DPIA for large-scale sensitive data (art. 35 § 3 b);
- Montpellier's strategy (seeds/001) for the rest: data kept under the authority's control
  and hosted so that residents' data does not leave the European Union; a data & AI
  referent in every service answering for its data; open data published for reuse;
- the Interconnectés' slides (seeds/003), which name data quality labels among the
  conditions for AI projects to succeed, for the quality label a committee requires;
- the INGEDEP exam case (seeds/004, question 5) for mastering the growth and
  proliferation of data: duplicates and stale copies are its first symptoms.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import IntEnum, StrEnum

from confiance.rules.citations import GDPR, MONTPELLIER_STRATEGY, Citation, Reason

RULESET_VERSION = "catalogue-2026.1"
GDPR_URL = "https://eur-lex.europa.eu/eli/reg/2016/679/oj"
INTERCONNECTES = "Les Interconnectés, sous-commission IA : bibliothèque IA territorialisée (2024)"
INGEDEP = "Examen d'ingénieur territorial 2024, cas INGEDEP, question 5"

EU_HOSTING = frozenset({"FR", "EU"})  # register.choices.HostingCountry: France, another EU member state


class Classification(StrEnum):
    OPEN = "open"
    CLOSED = "closed"  # shared with named partner organisations
    INTERNAL = "internal"
    PERSONAL = "personal"
    SENSITIVE = "sensitive"  # special categories, GDPR art. 9
    CONFIDENTIAL = "confidential"


PERSONAL_CLASSES = frozenset({Classification.PERSONAL, Classification.SENSITIVE})


class UseRole(StrEnum):
    TRAINING = "training"
    INPUT = "input"
    OUTPUT = "output"


class QualityLabel(IntEnum):
    NONE = 0
    DOCUMENTED = 1
    RELIABLE = 2
    REFERENCE = 3


# Days between two updates, by frequency (keys are the catalogue's frequency codes, mapped to the
# EU frequency vocabulary by the catalogue app). None: no expected rhythm, never stale.
FREQUENCY_DAYS = {
    "continuous": 1, "hourly": 1, "daily": 1, "weekly": 7, "monthly": 31, "bimonthly": 62, "quarterly": 92,
    "semiannual": 183, "annual": 366, "biennial": 731, "triennial": 1096, "quinquennial": 1827,
    "irregular": None, "punctual": None, "unknown": None, "": None,
}
# A dataset is stale once it is this much later than its rhythm (a monthly file published on the 3rd is not late).
GRACE = 0.25


class Freshness(StrEnum):
    FRESH = "fresh"
    STALE = "stale"
    UNKNOWN = "unknown"


def freshness(frequency, last_updated, today):
    """Return FRESH, STALE or UNKNOWN for a dataset updated on `last_updated` at `frequency`."""
    days = FREQUENCY_DAYS.get(frequency)
    if days is None or last_updated is None:
        return Freshness.UNKNOWN
    allowed = timedelta(days=days + max(1, round(days * GRACE)))
    return Freshness.STALE if today - last_updated > allowed else Freshness.FRESH


def retention_ends(oldest_record_on, retention_months):
    """Return the day the oldest kept record must be gone by, or None when either is unknown."""
    if oldest_record_on is None or not retention_months:
        return None
    month = oldest_record_on.month - 1 + retention_months
    year, month = oldest_record_on.year + month // 12, month % 12 + 1
    day = min(oldest_record_on.day, 28)
    return date(year, month, day)


@dataclass(frozen=True)
class DatasetFacts:
    """What the signals need to know about one dataset."""

    id: int
    title: str
    organisation_id: int
    service_id: int | None = None
    owner_id: int | None = None
    steward_id: int | None = None
    classification: str = Classification.INTERNAL
    legal_basis: str = ""
    sensitive_condition: str = ""
    retention_months: int | None = None
    oldest_record_on: date | None = None
    hosting_country: str = "UNKNOWN"
    transfer_basis: str = ""
    frequency: str = ""
    last_updated: date | None = None
    licence: str = ""
    quality_label: int = QualityLabel.NONE
    layout: tuple = ()  # ((field name, type), ...) of its fields


@dataclass(frozen=True)
class UseFacts:
    """One link from a dataset to an AI system."""

    dataset_id: int
    system_id: int
    role: str = UseRole.INPUT


@dataclass(frozen=True)
class Finding:
    """One signal: its kind, a stable key (the same finding keeps the same key), what it is about, and why."""

    kind: str
    key: str
    dataset_ids: tuple
    reason: Reason
    system_id: int | None = None


class SignalKind(StrEnum):
    DUPLICATE_TITLE = "duplicate_title"
    DUPLICATE_LAYOUT = "duplicate_layout"
    STALE = "stale"
    OWNERLESS = "ownerless"
    NO_LEGAL_BASIS = "no_legal_basis"
    RETENTION_PAST = "retention_past"
    OUTSIDE_EU = "outside_eu"
    OPEN_WITHOUT_LICENCE = "open_without_licence"
    BELOW_QUALITY_LABEL = "below_quality_label"


STOP_WORDS = frozenset("de des du la le les l d et en a au aux un une par pour sur dans".split())
_WORD = re.compile(r"[a-z]+")


def fold(text):
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def title_key(title):
    """Return the words of a title that make it what it is: folded, without stop words, digits (years) or order.

    "Collecte des déchets 2023" and "Déchets : collecte 2024" share the key "collecte dechets".
    """
    words = {w for w in _WORD.findall(fold(title)) if w not in STOP_WORDS and len(w) > 1}
    return " ".join(sorted(words))


def layout_key(layout):
    return tuple(sorted((fold(name).strip(), kind) for name, kind in layout))


def _cite_strategy(passage):
    return Citation(MONTPELLIER_STRATEGY, passage)


def _gdpr(article):
    return Citation(GDPR, article, GDPR_URL)


def _dataset_findings(d, today):
    personal = d.classification in PERSONAL_CLASSES
    if freshness(d.frequency, d.last_updated, today) is Freshness.STALE:
        yield Finding(SignalKind.STALE, f"stale:{d.id}", (d.id,), Reason(
            Citation(INGEDEP, "maîtriser la prolifération des données"),
            f"« {d.title} » n'a pas été mis à jour depuis le {d.last_updated:%d/%m/%Y}, "
            f"alors que sa fréquence annoncée l'exige."))
    if d.owner_id is None and d.steward_id is None:
        yield Finding(SignalKind.OWNERLESS, f"ownerless:{d.id}", (d.id,), Reason(
            _cite_strategy("un référent data et IA dans chaque pôle"),
            f"« {d.title} » n'a ni responsable ni référent data : personne n'en répond."))
    if personal and not d.legal_basis:
        yield Finding(SignalKind.NO_LEGAL_BASIS, f"no_legal_basis:{d.id}", (d.id,), Reason(
            _gdpr("art. 6, § 1"),
            f"« {d.title} » contient des données personnelles sans base légale indiquée."))
    if d.classification == Classification.SENSITIVE and not d.sensitive_condition:
        yield Finding(SignalKind.NO_LEGAL_BASIS, f"no_art9_condition:{d.id}", (d.id,), Reason(
            _gdpr("art. 9, § 2"),
            f"« {d.title} » contient des données sensibles sans l'exception de l'article 9 qui permet "
            f"de les traiter."))
    ends = retention_ends(d.oldest_record_on, d.retention_months)
    if personal and ends is not None and ends < today:
        yield Finding(SignalKind.RETENTION_PAST, f"retention_past:{d.id}", (d.id,), Reason(
            _gdpr("art. 5, § 1, e)"),
            f"« {d.title} » garde des données personnelles au-delà de sa durée de conservation "
            f"({d.retention_months} mois, dépassée depuis le {ends:%d/%m/%Y})."))
    if d.hosting_country not in EU_HOSTING and d.hosting_country != "UNKNOWN":
        citation = _gdpr("art. 44 à 46") if personal else _cite_strategy("réversibilité et hébergement dans l'UE")
        basis = f" (base du transfert : {d.transfer_basis})" if d.transfer_basis else ""
        yield Finding(SignalKind.OUTSIDE_EU, f"outside_eu:{d.id}", (d.id,), Reason(
            citation, f"« {d.title} » est hébergé hors de l'Union européenne{basis}."))
    if d.classification == Classification.OPEN and not d.licence:
        yield Finding(SignalKind.OPEN_WITHOUT_LICENCE, f"open_without_licence:{d.id}", (d.id,), Reason(
            Citation("Code des relations entre le public et l'administration", "art. L323-2 et D323-2-1"),
            f"« {d.title} » est ouvert mais sans licence de réutilisation."))


def _duplicates(datasets):
    by_title, by_layout = {}, {}
    for d in datasets:
        key = title_key(d.title)
        if key:
            by_title.setdefault((d.organisation_id, key), []).append(d)
        if len(d.layout) >= 3:
            by_layout.setdefault((d.organisation_id, layout_key(d.layout)), []).append(d)
    cite = Citation(INGEDEP, "maîtriser la prolifération des données")
    for _, group in sorted(by_title.items(), key=lambda item: item[0][1]):
        if len(group) > 1:
            ids = tuple(sorted(d.id for d in group))
            titles = " ; ".join(f"« {d.title} »" for d in sorted(group, key=lambda d: d.id))
            yield Finding(SignalKind.DUPLICATE_TITLE, f"duplicate_title:{'-'.join(map(str, ids))}", ids,
                          Reason(cite, f"Doublons probables (titres semblables) : {titles}."))
    for (_, _layout), group in by_layout.items():
        services = {d.service_id for d in group}
        if len(group) > 1 and len(services) > 1:
            ids = tuple(sorted(d.id for d in group))
            titles = " ; ".join(f"« {d.title} »" for d in sorted(group, key=lambda d: d.id))
            yield Finding(SignalKind.DUPLICATE_LAYOUT, f"duplicate_layout:{'-'.join(map(str, ids))}", ids,
                          Reason(cite, f"Doublons probables (mêmes champs dans des services différents) : {titles}."))


def _below_label(datasets, uses, required_label):
    if not required_label:
        return
    label_names = {0: "aucun", 1: "documenté", 2: "fiable", 3: "donnée de référence"}
    by_id = {d.id: d for d in datasets}
    feeding = [u for u in uses if u.role in (UseRole.TRAINING, UseRole.INPUT)]  # what an AI produces is not its food
    for use in sorted(feeding, key=lambda u: (u.system_id, u.dataset_id)):
        d = by_id.get(use.dataset_id)
        if d is not None and d.quality_label < required_label:
            yield Finding(
                SignalKind.BELOW_QUALITY_LABEL, f"below_quality_label:{use.system_id}:{d.id}", (d.id,),
                Reason(Citation(INTERCONNECTES, "labellisation de la qualité des données"),
                       f"« {d.title} » alimente un système d'IA avec le label « {label_names.get(d.quality_label)} », "
                       f"en dessous du label « {label_names.get(required_label)} » exigé par le comité."),
                system_id=use.system_id)


def detect_signals(datasets, uses=(), required_label=0, today=None):
    """Return every Finding on `datasets` (DatasetFacts) and their `uses` (UseFacts), in a stable order.

    `required_label` is the QualityLabel the internal committee requires of data feeding an AI system
    (0: none). Runs in linear time: duplicates are grouped by key, never compared pair by pair.
    """
    today = today or date.today()
    datasets = list(datasets)
    findings = [f for d in datasets for f in _dataset_findings(d, today)]
    findings += list(_duplicates(datasets))
    findings += list(_below_label(datasets, uses, required_label))
    return findings


@dataclass(frozen=True)
class LinkedDataset:
    """A dataset as the checks of one AI system see it through a DatasetUse."""

    title: str
    role: str
    classification: str
    legal_basis: str = ""
    hosting_country: str = "UNKNOWN"
    transfer_basis: str = ""


@dataclass(frozen=True)
class SystemDataFacts:
    """What an AI system's record says about its data, and whether it has a DPIA."""

    personal_data: bool = False
    dpia_recorded: bool = False
    datasets: tuple = field(default_factory=tuple)  # of LinkedDataset


def dataset_reasons(facts):
    """Return the reasons (with citations) the checks raise from a system's linked datasets; () when none."""
    reasons = []
    for d in facts.datasets:
        personal = d.classification in PERSONAL_CLASSES
        if personal and not facts.personal_data:
            reasons.append(Reason(_gdpr("art. 30, § 1"), (
                f"Le jeu « {d.title} » contient des données personnelles, mais la fiche indique que le système "
                f"n'en traite pas : corriger la fiche.")))
        outside_eu = d.hosting_country not in EU_HOSTING and d.hosting_country != "UNKNOWN"
        if personal and outside_eu and not d.transfer_basis:
            reasons.append(Reason(_gdpr("art. 44 à 46"), (
                f"Le jeu « {d.title} » est hébergé hors de l'Union européenne sans base de transfert indiquée.")))
        if personal and not d.legal_basis:
            reasons.append(Reason(_gdpr("art. 6, § 1"), f"Le jeu « {d.title} » n'a pas de base légale indiquée."))
        if d.classification == Classification.SENSITIVE and not facts.dpia_recorded:
            reasons.append(Reason(_gdpr("art. 35, § 3, b)"), (
                f"Le jeu « {d.title} » contient des données sensibles et alimente le système sans AIPD "
                f"enregistrée.")))
    return tuple(reasons)
