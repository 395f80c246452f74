"""What the public site may show, and the deadlines of the requests it receives.

`PUBLIC_FIELDS` is the one whitelist of the record's fields that ever reach a
public page, an export or a public JSON answer; `public_values` applies it.
Everything else (the project lead, the steward, who created the record, team
counts, the questionnaire, the impact assessments' texts) stays inside.

Explanation requests follow the Code des relations entre le public et
l'administration: anyone subject to an individual decision taken on the basis
of an algorithmic processing may ask for its main rules (L311-3-1, R311-3-1-2);
the administration answers within one month, after which its silence is a
refusal (R311-13).
"""

import calendar
import hashlib
from dataclasses import dataclass
from datetime import date, timedelta

from confiance.rules.citations import CRPA, Citation

RULESET_VERSION = "transparency-2026.1"

# The lifecycle statuses a citizen sees: the system is tried, used, or was used.
PUBLIC_STATUSES = ("experimenting", "deployed", "retired")

# The record's own fields that may be published, in page order.
PUBLIC_FIELDS = (
    "name",
    "public_summary",
    "purpose",
    "citizen_benefit",
    "agent_support",
    "domain",
    "technique",
    "vendor",
    "product",
    "model_name",
    "is_open_source",
    "licence",
    "hosting_country",
    "hosting_provider",
    "datasets_used",
    "personal_data",
    "sensitive_data",
    "minors_data",
    "offence_data",
    "people_affected",
    "people_magnitude",
    "citizen_facing",
    "decision_role",
    "human_oversight",
    "status",
    "status_changed_at",
    "updated_at",
    # What the publication standards ask (issue #17): all of it is written to be published.
    "legal_basis",
    "legal_basis_url",
    "deliberation",
    "proportionality",
    "decision_process",
    "people_impact",
    "risks",
    "use_type",
    "monitoring",
    "objection_procedure",
    "revision_on",
    "revision_reason",
    "connected_data_sources",
    "training_data",
    "input_data",
    "data_collection",
    "data_origin",
    "data_access",
    "implementation",
    "hosting_mode",
    "started_on",
    "decisions_per_year",
    "contact_email",
)

# Fields of the record that must never be published (checked by the tests so
# that a new model field is classified on purpose, not by accident).
PRIVATE_FIELDS = (
    "id", "organisation", "service", "owner", "steward", "created_by", "created_at",
    "team_size", "team_women", "search_text",
    "import_note",  # columns of an imported file that match no field (issue #13)
)

EXPLANATION_CITATION = Citation(CRPA, "art. L311-3-1 et R311-3-1-2")
SILENCE_CITATION = Citation(CRPA, "art. R311-13")
NOTICE_CITATION = Citation(CRPA, "art. L311-3-1 (mention explicite)")

# The limits that contain abuse of the public form.
MAX_DECISION_CHARS = 2000
MAX_MESSAGE_CHARS = 4000
MAX_NAME_CHARS = 200


def public_values(values):
    """Return only the whitelisted items of `values` (a dict of a record's fields)."""
    return {name: values[name] for name in PUBLIC_FIELDS if name in values}


def is_public_status(status):
    return status in PUBLIC_STATUSES


# The statuses in which a record is used with real people: once a record has been in one, it stays on the
# public site when retired, so that residents can read what was used; a record retired before (a draft
# nobody used, a refused project) never appears there.
IN_USE_STATUSES = ("experimenting", "deployed")


def is_published(status, reached=()):
    """Return True when a record in `status` that has held the statuses `reached` is shown on the public site."""
    if status in IN_USE_STATUSES:
        return True
    return status == "retired" and any(s in IN_USE_STATUSES for s in reached)


def add_one_month(day):
    """Return the same day of the next month, or that month's last day ("31 January" -> "28/29 February")."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(day.day, last))


@dataclass(frozen=True)
class Deadline:
    due_on: date
    overdue: bool
    days_left: int
    citation: Citation = SILENCE_CITATION

    @property
    def label(self):
        if self.overdue:
            return f"en retard de {-self.days_left} jour(s)"
        return f"{self.days_left} jour(s) restant(s)"


def answer_deadline(received_on, today, answered_on=None):
    """Return the request's deadline: one month after receipt (CRPA R311-13).

    A request answered on or before the due date is never overdue; an
    unanswered one is overdue from the day after its due date.
    """
    due = add_one_month(received_on)
    reference = answered_on or today
    return Deadline(due_on=due, overdue=reference > due, days_left=(due - reference).days)


def answer_delay_days(received_on, answered_on):
    """Return the number of days taken to answer."""
    return (answered_on - received_on).days


def erase_after(closed_on, retention_days):
    """Return the day from which the requester's personal data must be erased."""
    return closed_on + timedelta(days=retention_days)


def must_erase(closed_on, retention_days, today):
    """True when the request is closed and its retention period has passed."""
    return closed_on is not None and today >= erase_after(closed_on, retention_days)


def address_key(address, secret):
    """Return a salted digest of a network address, so the rate limit never stores the address itself."""
    return hashlib.sha256(f"{secret}|{address}".encode()).hexdigest()[:32]


def over_rate_limit(recent_count, limit):
    """True when an address has already sent `limit` requests within the window."""
    return recent_count >= limit


def reference_number(prefix, year, sequence):
    """Return a request's reference, e.g. DE-2026-00042."""
    return f"{prefix}-{year}-{sequence:05d}"
