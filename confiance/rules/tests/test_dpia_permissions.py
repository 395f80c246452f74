"""Tests of confiance.rules.permissions for the DPIA: the DPO writes and validates at any status."""

import pytest

from confiance.rules.permissions import Action, RecordFacts, Role, Viewer, allows

STATUSES = ["draft", "submitted", "under_review", "approved_for_experimentation", "experimenting", "deployed",
            "suspended", "retired", "rejected"]


def viewer(role, person_id=1, services=frozenset()):
    return Viewer(person_id, {10: frozenset({Role(role)})}, frozenset(services))


def record(status, owner_id=2, service_id=None):
    return RecordFacts(organisation_id=10, service_id=service_id, owner_id=owner_id, created_by_id=owner_id,
                       status=status)


@pytest.mark.parametrize("status", STATUSES)
def test_the_dpo_writes_and_validates_the_dpia_at_any_status_but_does_not_edit_the_record(status):
    dpo = viewer("dpo")
    assert allows(dpo, Action.WRITE_DPIA, 10, record(status))
    assert allows(dpo, Action.VALIDATE_DPIA, 10, record(status))
    assert not allows(dpo, Action.EDIT, 10, record(status))


def test_the_owner_writes_the_dpia_only_while_they_may_edit_and_never_validates():
    owner = viewer("agent", person_id=2)
    assert allows(owner, Action.WRITE_DPIA, 10, record("draft"))
    assert not allows(owner, Action.WRITE_DPIA, 10, record("submitted"))
    assert not allows(owner, Action.VALIDATE_DPIA, 10, record("draft"))


def test_the_dpo_page_is_for_the_dpo_of_that_organisation():
    assert allows(viewer("dpo"), Action.PROTECT_DATA, 10)
    assert not allows(viewer("dpo"), Action.PROTECT_DATA, 11)
    assert not allows(viewer("internal_committee"), Action.PROTECT_DATA, 10)
    assert not allows(viewer("dpo"), Action.WRITE_DPIA, 11, RecordFacts(11, None, 2, 2, "draft"))
