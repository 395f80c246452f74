"""The API's schemas: one per shape, shared by every version (STYLE.md rule 8)."""

from datetime import date, datetime

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
    # Publication fields (issue #17)
    legal_basis: str
    legal_basis_url: str
    deliberation: str
    proportionality: str
    decision_process: str
    people_impact: str
    risks: str
    use_type: str
    monitoring: str
    objection_procedure: str
    revision_on: date | None
    revision_reason: str
    connected_data_sources: str
    training_data: str
    input_data: str
    data_collection: str
    data_origin: str
    data_access: str
    implementation: str
    hosting_mode: str
    started_on: date | None
    decisions_per_year: int | None
    contact_email: str

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
    # Publication fields (issue #17)
    legal_basis: str | None = None
    legal_basis_url: str | None = None
    deliberation: str | None = None
    proportionality: str | None = None
    decision_process: str | None = None
    people_impact: str | None = None
    risks: str | None = None
    use_type: str | None = None
    monitoring: str | None = None
    objection_procedure: str | None = None
    revision_on: date | None = None
    revision_reason: str | None = None
    connected_data_sources: str | None = None
    training_data: str | None = None
    input_data: str | None = None
    data_collection: str | None = None
    data_origin: str | None = None
    data_access: str | None = None
    implementation: str | None = None
    hosting_mode: str | None = None
    started_on: date | None = None
    decisions_per_year: int | None = None
    contact_email: str | None = None


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


class FieldStatusOut(Schema):
    field: str
    label: str = ""
    reason: str = ""
    derived: str = ""
    fill: list[str] = []
    fill_labels: list[str] = []


class StandardCompletenessOut(Schema):
    key: str
    name: str
    version: str
    required: int
    present: list[FieldStatusOut]
    missing: list[FieldStatusOut]
    percent: int
    complete: bool


class CompletenessOut(Schema):
    system_id: int
    standards: list[StandardCompletenessOut]
