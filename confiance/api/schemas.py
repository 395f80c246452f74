"""The API's schemas: one per shape, shared by every version (STYLE.md rule 8)."""

from datetime import datetime

from ninja import Schema


class OrganisationOut(Schema):
    id: int
    slug: str
    name: str
    kind: str
    siren: str
    region: str


class ServiceOut(Schema):
    id: int
    name: str


class AISystemOut(Schema):
    id: int
    name: str
    public_summary: str
    purpose: str
    citizen_benefit: str
    agent_support: str
    domain: str
    organisation: str
    service_id: int | None
    owner_id: int | None
    steward_id: int | None
    technique: str
    vendor: str
    product: str
    model_name: str
    is_open_source: bool
    licence: str
    hosting_country: str
    hosting_provider: str
    datasets_used: str
    personal_data: bool
    sensitive_data: bool
    minors_data: bool
    offence_data: bool
    people_affected: str
    people_magnitude: str
    citizen_facing: bool
    decision_role: str
    human_oversight: str
    team_size: int | None
    team_women: int | None
    status: str
    status_changed_at: datetime
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_organisation(obj):
        return obj.organisation.slug


class AISystemPatch(Schema):
    """Fields a client may change; every field is optional."""

    name: str | None = None
    public_summary: str | None = None
    purpose: str | None = None
    citizen_benefit: str | None = None
    agent_support: str | None = None
    domain: str | None = None
    service_id: int | None = None
    owner_id: int | None = None
    steward_id: int | None = None
    technique: str | None = None
    vendor: str | None = None
    product: str | None = None
    model_name: str | None = None
    is_open_source: bool | None = None
    licence: str | None = None
    hosting_country: str | None = None
    hosting_provider: str | None = None
    datasets_used: str | None = None
    personal_data: bool | None = None
    sensitive_data: bool | None = None
    minors_data: bool | None = None
    offence_data: bool | None = None
    people_affected: str | None = None
    people_magnitude: str | None = None
    citizen_facing: bool | None = None
    decision_role: str | None = None
    human_oversight: str | None = None
    team_size: int | None = None
    team_women: int | None = None


class AISystemIn(AISystemPatch):
    """A new record: the organisation (by slug) and the required fields."""

    organisation: str
    name: str
    public_summary: str
    purpose: str
    domain: str
    technique: str


class ErrorOut(Schema):
    message: str
    errors: dict[str, list[str]] = {}
