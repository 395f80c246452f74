"""Who may import files: stewards and admins into the register, admins for the library."""

import pytest

from confiance.accounts.permissions import Action, can

ROLES = ["agent", "steward", "dpo", "internal_committee", "ethics_committee", "admin"]


@pytest.mark.parametrize("role", ROLES)
def test_it_lets_stewards_and_admins_import_and_only_admins_load_a_library_file(cast, role):
    person = {"agent": cast.agent, "steward": cast.steward, "dpo": cast.dpo, "internal_committee": cast.committee,
              "ethics_committee": cast.ethics, "admin": cast.admin}[role]
    assert can(person, Action.IMPORT, cast.org.pk) is (role in ("steward", "admin"))
    assert can(person, Action.LIBRARY_IMPORT, cast.org.pk) is (role == "admin")
    assert not can(person, Action.IMPORT, cast.other_org.pk)
    assert not can(person, Action.LIBRARY_IMPORT, cast.other_org.pk)
