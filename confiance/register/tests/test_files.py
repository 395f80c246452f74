"""The register's files: export as CSV, XLSX or ODS; import screen (upload, report, confirm)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from confiance.register.exports import COLUMNS
from confiance.register.forms import SYSTEM_FIELDS
from confiance.register.importer import import_systems
from confiance.register.models import AISystem
from confiance.register.tests.test_import import EUROCITIES
from confiance.rules.tabular import read_table
from tests.factories import make_organisation, make_system

COMPARED = [f for f in SYSTEM_FIELDS if f not in ("service", "owner", "steward")]


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "ods"])
def test_it_exports_the_visible_records_and_imports_them_back_identically(client, cast, fmt):
    make_system(cast.org, name="Tri « intelligent », dit \"TRI\"", public_summary="Trie, classe;\net range.",
                personal_data=True, team_size=4, team_women=2, vendor="Éditeur", is_open_source=True, licence="EUPL-1.2")
    make_system(cast.other_org, name="Chez les voisins")
    client.force_login(cast.agent)
    response = client.get(reverse("register:systems_export", args=[fmt]))
    assert response.status_code == 200 and response["Content-Disposition"].endswith(f'.{fmt}"')
    table = read_table(response.content, f"registre.{fmt}")
    assert table.columns == COLUMNS
    assert sorted(row["name"] for _, row in table.rows) == sorted(AISystem.objects.filter(
        organisation=cast.org).values_list("name", flat=True))
    target = make_organisation(slug="reprise")
    report = import_systems(response.content, f"registre.{fmt}", target, cast.admin)
    assert report.exit_code == 0 and report.source.endswith("Export du registre Confiance")
    for original in AISystem.objects.filter(organisation=cast.org):
        copy = AISystem.objects.get(organisation=target, name=original.name)
        assert {f: getattr(copy, f) for f in COMPARED} == {f: getattr(original, f) for f in COMPARED}
        assert copy.status == "draft"


def test_it_applies_the_list_filters_to_the_export(client, cast):
    make_system(cast.org, name="Eau potable", domain="water")
    client.force_login(cast.agent)
    content = client.get(reverse("register:systems_export", args=["csv"]), {"domain": "water"}).content
    assert [row["name"] for _, row in read_table(content, "x.csv").rows] == ["Eau potable"]


def test_it_refuses_unknown_formats_and_anonymous_visitors(client, cast):
    assert client.get(reverse("register:systems_export", args=["csv"])).status_code == 302
    client.force_login(cast.agent)
    assert client.get(reverse("register:systems_export", args=["pdf"])).status_code == 404


def _upload(client, org):
    return client.post(reverse("register:import"), {"organisation": org.pk, "file": SimpleUploadedFile(
        EUROCITIES.name, EUROCITIES.read_bytes())})


def test_it_shows_the_report_then_imports_on_confirmation(client, cast):
    client.force_login(cast.steward)
    assert reverse("register:import") in client.get(reverse("register:list")).content.decode()
    before = AISystem.objects.count()
    page = _upload(client, cast.org)
    html = page.content.decode()
    assert "Simulation, rien n&#x27;a été écrit. Import complet : 2 système(s) seraient ajouté(s)" in html
    assert "budget_eur" in html and AISystem.objects.count() == before
    token = page.context["confirm"].initial["token"]
    done = client.post(reverse("register:import_confirm", args=[cast.org.slug]), {"token": token})
    assert "Import complet : 2 système(s) ajouté(s)" in done.content.decode()
    assert AISystem.objects.filter(organisation=cast.org, name="Pothole detection", created_by=cast.steward).exists()
    detail = client.get(reverse("register:detail", args=[AISystem.objects.get(name="Pothole detection").pk]))
    assert "Note d'import" in detail.content.decode() and "budget_eur : 45000" in detail.content.decode()


def test_it_refuses_a_token_made_for_another_organisation(client, cast):
    client.force_login(cast.admin)
    token = _upload(client, cast.org).context["confirm"].initial["token"]
    cast.admin.memberships.create(organisation=cast.other_org, role="admin")
    client.force_login(cast.admin)
    response = client.post(reverse("register:import_confirm", args=[cast.other_org.slug]), {"token": token}, follow=True)
    assert "Rien n&#x27;a été importé" in response.content.decode()
    assert not AISystem.objects.filter(name="Pothole detection").exists()


@pytest.mark.parametrize("who", ["agent", "dpo", "committee", "ethics"])
def test_it_refuses_the_import_to_everyone_but_stewards_and_admins(client, cast, who):
    client.force_login(getattr(cast, who))
    assert client.get(reverse("register:import")).status_code == 403
    response = client.post(reverse("register:import_confirm", args=[cast.org.slug]), {"token": "x"})
    assert response.status_code == 403


def test_it_lets_an_admin_import_only_into_their_own_organisation(client, cast):
    client.force_login(cast.stranger)
    page = client.get(reverse("register:import"))
    assert list(page.context["form"].fields["organisation"].queryset) == [cast.other_org]
    assert _upload(client, cast.org).context["confirm"] is None
    assert client.post(reverse("register:import_confirm", args=[cast.org.slug]), {"token": "x"}).status_code == 403


def test_it_offers_the_public_register_as_xlsx_and_ods(client, cast):
    cast.system.set_status("deployed", "Mise en service")
    for fmt in ("xlsx", "ods"):
        response = client.get(reverse("public:export", args=[cast.org.slug, fmt]))
        assert response.status_code == 200
        assert [row["name"] for _, row in read_table(response.content, f"r.{fmt}").rows] == ["Collecte des déchets"]
