"""Validators for French public identifiers."""

from django.core.exceptions import ValidationError


def luhn_is_valid(digits):
    """Return True when the string of digits passes the Luhn checksum."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def validate_siren(value):
    """Check a SIREN: nine digits whose Luhn checksum holds (INSEE's rule)."""
    if len(value) != 9 or not value.isdigit():
        raise ValidationError(
            "Le SIREN compte exactement 9 chiffres (par exemple 243400017).", code="siren_format"
        )
    if not luhn_is_valid(value):
        raise ValidationError(
            "Ce SIREN n'est pas valide : sa clé de contrôle (formule de Luhn) ne correspond pas. "
            "Vérifiez les chiffres saisis.",
            code="siren_checksum",
        )
