"""Template filters for written French: `{{ name|at }}` ("à la Ville de Montpellier"), `{{ iso|long_date }}`."""

from django import template

from confiance.rules import french

register = template.Library()


@register.filter
def at(name):
    return french.at(name or "")


@register.filter
def long_date(value):
    return french.long_date(value)


@register.filter
def definite_name(name):
    """"Ville de Montpellier" -> "la Ville de Montpellier"."""
    return french.definite(name or "")


@register.filter
def at_de(name):
    """"Ville de Montpellier" -> "de la Ville de Montpellier"; "Centre…" -> "du Centre…"."""
    return french.of(name or "")
