"""The fields the publication standards ask for: in the form's sections, with help and example, kept in history."""

import pytest
from django.urls import reverse

from confiance.register.forms import FIELDSETS, PUBLICATION_FIELDS
from confiance.register.models import AISystem
from confiance.rules.transparency import PRIVATE_FIELDS, PUBLIC_FIELDS
from tests.factories import system_form_data

pytestmark = pytest.mark.django_db


def test_it_places_every_publication_field_in_an_existing_section_with_help_and_an_example():
    placed = {name: legend for legend, names in FIELDSETS for name in names}
    for name in PUBLICATION_FIELDS:
        assert name in placed, name
        help_text = str(AISystem._meta.get_field(name).help_text)
        assert "Exemple" in help_text, name
    assert len(FIELDSETS) == 6  # the form's existing sections, none added


def test_it_classifies_every_publication_field_as_public():
    assert set(PUBLICATION_FIELDS) <= set(PUBLIC_FIELDS)
    assert not set(PUBLICATION_FIELDS) & set(PRIVATE_FIELDS)


def test_it_saves_the_publication_fields_and_keeps_them_in_history(client, cast):
    client.force_login(cast.steward)
    data = system_form_data(
        name=cast.system.name, legal_basis="Compétence de collecte des déchets (CGCT).",
        legal_basis_url="https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000045215211",
        use_type="prescriptive", revision_on="2027-03-31", revision_reason="Revue annuelle",
        decisions_per_year="0", contact_email="collecte@metropole-test.fr",
    )
    data["service"] = cast.system.service_id
    response = client.post(reverse("register:edit", args=[cast.system.pk]), data)
    assert response.status_code == 302
    cast.system.refresh_from_db()
    assert cast.system.use_type == "prescriptive" and str(cast.system.revision_on) == "2027-03-31"
    latest = cast.system.history.first()
    assert latest.legal_basis.startswith("Compétence") and latest.contact_email == "collecte@metropole-test.fr"
    timeline = client.get(reverse("register:timeline", args=[cast.system.pk])).content.decode()
    assert "fondement juridique" in timeline.lower()


def test_it_refuses_a_malformed_link_or_address_and_changes_nothing(client, cast):
    client.force_login(cast.steward)
    data = system_form_data(name=cast.system.name, legal_basis_url="pas un lien", contact_email="ia@", use_type="x")
    data["service"] = cast.system.service_id
    response = client.post(reverse("register:edit", args=[cast.system.pk]), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"legal_basis_url", "contact_email", "use_type"} <= set(errors)
    cast.system.refresh_from_db()
    assert cast.system.legal_basis_url == "" and cast.system.history.count() == 1


def test_it_shows_the_publication_fields_on_the_form(client, cast):
    client.force_login(cast.steward)
    page = client.get(reverse("register:edit", args=[cast.system.pk])).content.decode()
    for name in ("legal_basis", "proportionality", "objection_procedure", "revision_on", "contact_email"):
        assert f'name="{name}"' in page and f'aria-describedby="id_{name}_helptext"' in page, name


def test_it_carries_the_publication_fields_and_their_history_in_the_archive(cast):
    """Restoring is checked field by field on the demo (portability/tests/test_demo_round_trip.py)."""
    from confiance.portability.archive import export_organisation

    cast.system.objection_procedure = "Écrire au service ; un agent réexamine."
    cast.system.revision_on = "2027-03-31"
    cast.system.save()
    archive = export_organisation(cast.org)
    fields = next(o["fields"] for o in archive["objects"] if o["model"] == "register.aisystem")
    assert fields["objection_procedure"].startswith("Écrire") and fields["revision_on"] == "2027-03-31"
    history = [o["fields"] for o in archive["objects"] if o["model"] == "register.historicalaisystem"]
    assert history[-1]["objection_procedure"].startswith("Écrire") and history[0]["objection_procedure"] == ""
