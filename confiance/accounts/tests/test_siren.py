import pytest
from django.core.exceptions import ValidationError

from confiance.accounts.models import Organisation
from confiance.accounts.validators import validate_siren


@pytest.mark.parametrize("siren", ["243400017", "213401722", "244400404"])
def test_it_accepts_real_sirens(siren):
    validate_siren(siren)


@pytest.mark.parametrize("siren,code", [
    ("24340001", "siren_format"),
    ("2434000170", "siren_format"),
    ("24340001A", "siren_format"),
    ("243400018", "siren_checksum"),
    ("213401723", "siren_checksum"),
])
def test_it_refuses_malformed_sirens_in_french(siren, code):
    with pytest.raises(ValidationError) as info:
        validate_siren(siren)
    assert info.value.code == code
    assert "SIREN" in info.value.messages[0]


@pytest.mark.django_db
def test_it_refuses_an_organisation_with_a_bad_siren():
    org = Organisation(name="Ville", slug="ville", kind="commune", siren="243400018")
    with pytest.raises(ValidationError) as info:
        org.full_clean()
    assert "siren" in info.value.message_dict
