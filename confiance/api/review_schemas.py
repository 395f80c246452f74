"""The review's API shapes: what a ticketing system or an intranet reads and sends (docs/api.md)."""

from datetime import date, datetime

from ninja import Field, Schema


class CommitteeOut(Schema):
    id: int
    organisation: str = Field(..., alias="organisation.slug")
    kind: str
    name: str
    mission: str


class OpinionOut(Schema):
    id: int
    verdict: str
    text: str
    conditions: str
    votes_for: int
    votes_against: int
    abstentions: int
    given_on: date
    published: bool


class OpinionIn(Schema):
    verdict: str
    text: str
    conditions: str = ""
    votes_for: int = 0
    votes_against: int = 0
    abstentions: int = 0
    given_on: date | None = None
    published: bool = False


class ReferralOut(Schema):
    id: int
    system_id: int
    committee_id: int
    question: str
    referred_on: date
    deadline: date
    session_id: int | None
    answered: bool
    opinion: OpinionOut | None = None

    @staticmethod
    def resolve_opinion(obj):
        return getattr(obj, "opinion", None)


class ReferralIn(Schema):
    committee_id: int
    question: str
    deadline: date
    session_id: int | None = None


class SessionOut(Schema):
    id: int
    committee_id: int
    held_on: date
    place: str
    minutes: str
    attendee_ids: list[int]
    agenda_ids: list[int]

    @staticmethod
    def resolve_attendee_ids(obj):
        return [member.pk for member in obj.attendees.all()]

    @staticmethod
    def resolve_agenda_ids(obj):
        return [referral.pk for referral in obj.agenda.all()]


class SessionIn(Schema):
    held_on: date
    place: str = ""
    minutes: str = ""
    attendee_ids: list[int] = []


class SessionPatch(Schema):
    """Fields of a session to change; `agenda_ids` replaces the unanswered referrals on its agenda."""

    held_on: date | None = None
    place: str | None = None
    minutes: str | None = None
    attendee_ids: list[int] | None = None
    agenda_ids: list[int] | None = None


class StatusIn(Schema):
    to_status: str
    reason: str = ""


class StatusOut(Schema):
    id: int
    status: str


class ConditionOut(Schema):
    id: int
    text: str
    due_on: date | None
    done_on: date | None


class ConditionIn(Schema):
    done: bool


class DecisionOut(Schema):
    id: int
    system_id: int
    kind: str
    text: str
    decided_on: date
    conditions: list[ConditionOut]

    @staticmethod
    def resolve_conditions(obj):
        return list(obj.conditions.all())


class DecisionIn(Schema):
    kind: str
    text: str
    decided_on: date | None = None
    conditions: list[str] = []


class ExperimentOut(Schema):
    id: int
    system_id: int
    volunteer_count: int
    service_ids: list[int]
    elected_members: int
    starts_on: date
    ends_on: date
    criteria: str
    usefulness: str
    working_conditions: str
    skills: str
    errors_seen: str
    evaluated_on: date | None
    evaluated: bool

    @staticmethod
    def resolve_service_ids(obj):
        return [service.pk for service in obj.services.all()]


class ExperimentIn(Schema):
    """The trial's plan and, once done, its evaluation (the four results are then required)."""

    volunteer_count: int | None = None
    service_ids: list[int] | None = None
    elected_members: int | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    criteria: str | None = None
    usefulness: str | None = None
    working_conditions: str | None = None
    skills: str | None = None
    errors_seen: str | None = None
    evaluated_on: date | None = None


class ApprovedToolOut(Schema):
    id: int
    organisation: str = Field(..., alias="organisation.slug")
    name: str
    vendor: str
    hosting_country: str
    hosting_provider: str
    allowed_uses: str
    forbidden_data: str
    forbids_personal_data: bool
    forbids_confidential: bool
    conditions: str
    generic: bool
    source: str
    active: bool


class ApprovedToolPatch(Schema):
    name: str | None = None
    vendor: str | None = None
    hosting_country: str | None = None
    hosting_provider: str | None = None
    allowed_uses: str | None = None
    forbidden_data: str | None = None
    forbids_personal_data: bool | None = None
    forbids_confidential: bool | None = None
    conditions: str | None = None
    generic: bool | None = None
    source: str | None = None
    active: bool | None = None


class ApprovedToolIn(ApprovedToolPatch):
    organisation: str
    name: str
    vendor: str
    hosting_country: str
    allowed_uses: str
    forbidden_data: str


class DeclarationOut(Schema):
    id: int
    organisation: str = Field(..., alias="organisation.slug")
    declared_by_id: int
    service_id: int | None
    use: str
    tool_id: int | None
    tool_name: str
    purpose: str
    personal_data: bool
    confidential: bool
    state: str
    committee_note: str
    declared_at: datetime


class DeclarationIn(Schema):
    organisation: str
    use: str = "uses"
    tool_id: int | None = None
    other_tool: str = ""
    service_id: int | None = None
    purpose: str
    personal_data: bool = False
    confidential: bool = False
    accepts_conditions: bool = False


class DeclarationAnswerIn(Schema):
    state: str
    committee_note: str
