"""The `plural` template filter: French takes the singular for zero and one, and for a count below two."""

import pytest
from django.template import Context, Template


@pytest.mark.parametrize(("count", "expected"), [
    (0, "système publié"), (1, "système publié"), (2, "systèmes publiés"), (1.5, "système publié"),
    (-3, "systèmes publiés"), ("12", "systèmes publiés"), ([], "système publié"), (["a", "b"], "systèmes publiés"),
    (None, "système publié"),
])
def test_it_follows_the_french_rule(count, expected):
    template = Template("système{{ n|plural }} publié{{ n|plural }}")
    assert template.render(Context({"n": count})) == expected


def test_it_takes_the_suffixes_pluralize_takes():
    template = Template('{{ n }} jeu{{ n|plural:"x" }}, {{ n }} journ{{ n|plural:"al,aux" }}')
    assert template.render(Context({"n": 0})) == "0 jeu, 0 journal"
    assert template.render(Context({"n": 3})) == "3 jeux, 3 journaux"
