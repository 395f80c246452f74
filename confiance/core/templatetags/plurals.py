"""French wording in templates: `plural` is Django's `pluralize` with the French rule.

Django's `pluralize` follows English, where zero takes the plural (« 0 systèmes »); in
French zero and one take the singular and only two or more the plural (« 0 système
publié », « 2 systèmes publiés »). The filter is a template builtin (settings.TEMPLATES),
so every template has it without `{% load %}`.
"""

from django import template

from confiance.rules.french import takes_plural

register = template.Library()


def _count(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        try:
            return len(value)
        except TypeError:
            return 1.0  # neither a number nor a sized thing: leave the word as written


@register.filter(is_safe=False)
def plural(value, arg="s"):
    """Return the plural suffix when `value` counts two or more, as `pluralize` takes it ("s", "x" or "al,aux")."""
    singular, _, suffix = arg.rpartition(",") if "," in arg else ("", "", arg)
    return suffix if takes_plural(_count(value)) else singular
