"""Who may do what with a record of the register.

This is the only statement of the permission matrix. The Django layer
(confiance/accounts/permissions.py) gathers the facts about a person and a
record, then asks `allows`; views, the API and the exports all go through it.

The matrix, for a person's roles in the record's organisation:

- every member of the organisation reads its records (seeing what colleagues
  already run is how duplicates are avoided), except the ethics committee
  members, who are often citizens or elected members: they read only the
  records referred to a committee they sit on (`RecordFacts.ethics_reader_ids`);
- an agent creates records and edits their own drafts;
- a steward (référent data & IA) creates records and edits every record of the
  services they answer for, whatever its status;
- the DPO and internal committee members read everything and edit nothing here
  (their own acts, DPIA opinions and committee opinions, live in other screens);
- the DPIA of a record (`WRITE_DPIA`) is written by whoever may edit the record,
  and by the organisation's DPO at any status, since GDPR art. 35 § 2 has the
  controller seek the DPO's advice and art. 39 § 1 c) makes monitoring the
  DPIA the DPO's task; only the DPO (or an admin) validates it
  (`VALIDATE_DPIA`) and reads the organisation's DPO page (`PROTECT_DATA`);
- an admin does everything in their organisation, including the full export;
- a steward or an admin imports records into the register from a file (they
  start as drafts); only an admin loads a library file for the organisation;
- the review (referring a record to a committee, recording the authority's
  decisions, keeping the approved-tools catalogue, answering agents' requests)
  belongs to the internal committee and the admins (`REVIEWER_ROLES`);
- nobody reads or writes another organisation's records: what is public about
  them is on the public site, which never goes through the register.
"""

from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    AGENT = "agent"
    STEWARD = "steward"
    DPO = "dpo"
    INTERNAL_COMMITTEE = "internal_committee"
    ETHICS_COMMITTEE = "ethics_committee"
    ADMIN = "admin"


class Action(StrEnum):
    VIEW = "view"
    CREATE = "create"
    EDIT = "edit"
    EXPORT = "export"  # the whole organisation, people included
    REVIEW = "review"  # refer, decide, keep the approved tools (organisation-level)
    WRITE_DPIA = "write_dpia"  # open and write a record's DPIA
    VALIDATE_DPIA = "validate_dpia"  # give the DPO's validation of a record's DPIA
    PROTECT_DATA = "protect_data"  # the DPO's page of the organisation (organisation-level)
    IMPORT = "import"  # load records into the register from a file (organisation-level)
    LIBRARY_IMPORT = "library_import"  # load a library file (admins; the organisation must be a library member)
    ADMINISTER = "administer"  # the organisation's own settings, e.g. adopting its charter (admins only)


CREATOR_ROLES = frozenset({Role.AGENT, Role.STEWARD, Role.ADMIN})
FULL_READER_ROLES = frozenset(
    {Role.AGENT, Role.STEWARD, Role.DPO, Role.INTERNAL_COMMITTEE, Role.ADMIN}
)
REVIEWER_ROLES = frozenset({Role.INTERNAL_COMMITTEE, Role.ADMIN})
IMPORTER_ROLES = frozenset({Role.STEWARD, Role.ADMIN})


@dataclass(frozen=True)
class Viewer:
    """What the permission rule needs to know about a person."""

    person_id: int | None
    roles: dict = field(default_factory=dict)  # organisation id -> frozenset of Role
    steward_services: frozenset = frozenset()  # service ids
    is_superuser: bool = False

    def roles_in(self, organisation_id):
        return self.roles.get(organisation_id, frozenset())


@dataclass(frozen=True)
class RecordFacts:
    """What the permission rule needs to know about a record."""

    organisation_id: int
    service_id: int | None
    owner_id: int | None
    created_by_id: int | None
    status: str
    # People sitting on an ethics committee this record has been referred to.
    ethics_reader_ids: frozenset = frozenset()


def allows(viewer, action, organisation_id, record=None):
    """Return True when `viewer` may do `action` in `organisation_id`.

    `record` is None for actions on the organisation itself (create, export)
    and the record's facts otherwise; it must belong to `organisation_id`.
    """
    action = Action(action)
    if viewer.is_superuser:
        return True
    roles = viewer.roles_in(organisation_id)
    if not roles:
        return False
    if Role.ADMIN in roles:
        return True
    if action is Action.EXPORT:
        return False
    if action is Action.CREATE:
        return bool(roles & CREATOR_ROLES)
    if action is Action.REVIEW:
        return bool(roles & REVIEWER_ROLES)
    if action is Action.PROTECT_DATA:
        return Role.DPO in roles
    if action is Action.IMPORT:
        return bool(roles & IMPORTER_ROLES)
    if action is Action.LIBRARY_IMPORT:
        return False  # admins only, allowed above
    if record is None:
        return False
    if action is Action.VALIDATE_DPIA:
        return Role.DPO in roles
    if action is Action.WRITE_DPIA and Role.DPO in roles:
        return True
    if action is Action.VIEW:
        if roles & FULL_READER_ROLES:
            return True
        return Role.ETHICS_COMMITTEE in roles and viewer.person_id in record.ethics_reader_ids
    # Action.EDIT, and WRITE_DPIA for whoever may edit the record
    if Role.STEWARD in roles and record.service_id in viewer.steward_services:
        return True
    is_own = viewer.person_id is not None and viewer.person_id in (record.owner_id, record.created_by_id)
    return Role.AGENT in roles and is_own and record.status == "draft"
