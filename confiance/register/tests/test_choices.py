"""The register's closed lists and the rules' enums name the same things.

The rules (plain Python) and the register (Django choices with French labels)
each list the domains, techniques and statuses; this test is what keeps the
two lists one.
"""

import pytest

from confiance.register import choices
from confiance.rules import answers, lifecycle


@pytest.mark.parametrize("django_choices,rules_enum", [
    (choices.Domain, answers.Domain),
    (choices.Technique, answers.Technique),
    (choices.Status, lifecycle.Status),
])
def test_it_lists_exactly_the_rules_values(django_choices, rules_enum):
    assert set(django_choices.values) == {member.value for member in rules_enum}

