"""What a form page says above its fields."""

from django import template

register = template.Library()


@register.filter
def has_required_field(form):
    """Return True when a visible field of `form` must be filled: only then does the page explain the asterisk."""
    return any(field.field.required and not field.is_hidden for field in form)
