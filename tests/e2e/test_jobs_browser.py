"""Long work on the runner, in a real browser: the annual report's PDF and an organisation's archive are jobs
whose page shows the progress, then offers the file; every page passes axe-core."""

import json

import pytest

from confiance.jobs.runner import run_queued
from tests.e2e.conftest import login
from tests.factories import PASSWORD, make_organisation, make_person, make_system

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _follow_job_to_its_end(page, axe, assert_accessible):
    page.locator("progress").wait_for()
    assert "En attente" in page.locator("main").inner_text()
    violations = [v["id"] for v in axe.run(page).response["violations"] if v.get("impact") in {"serious", "critical"}]
    assert violations in ([], ["meta-refresh"])  # the timed refresh only; it can be turned off (decision 0009)
    page.get_by_role("link", name="Arrêter la mise à jour automatique").click()
    assert_accessible(page)
    assert run_queued() == 1
    page.get_by_role("link", name="Actualiser").click()
    assert "Terminée" in page.locator("main").inner_text()
    assert_accessible(page)


def test_a_steward_makes_the_report_and_downloads_its_pdf(page, live_server, axe, assert_accessible):
    org = make_organisation(name="Ville de Test", slug="ville-test")
    make_system(org, name="Prévision des repas des cantines", status="deployed")
    make_person(org, ["steward"], username="referent")
    login(page, live_server, "referent", PASSWORD)
    page.goto(f"{live_server.url}/public/gestion/ville-test/rapports/")
    page.get_by_label("Année").fill("2026")
    page.get_by_role("button", name="Établir le rapport").click()
    page.get_by_role("heading", name="Version PDF").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="suivre la tâche").click()
    _follow_job_to_its_end(page, axe, assert_accessible)
    assert "PDF prêt" in page.locator("main").inner_text()
    page.get_by_role("link", name="Voir le résultat").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger le PDF").click()
    assert download.value.suggested_filename == "rapport-ia-ville-test-2026.pdf"
    with open(download.value.path(), "rb") as fh:
        assert fh.read(5) == b"%PDF-"


def test_an_admin_exports_the_organisation_and_downloads_the_archive(page, live_server, axe, assert_accessible):
    org = make_organisation(name="Ville de Test", slug="ville-test")
    make_system(org, name="Prévision des repas des cantines")
    make_person(org, ["admin"], username="administratrice")
    login(page, live_server, "administratrice", PASSWORD)
    page.goto(f"{live_server.url}/registre/")
    page.get_by_role("link", name="exporter toutes les données de Ville de Test").click()
    assert_accessible(page)
    page.get_by_role("button", name="Préparer l'archive").click()
    _follow_job_to_its_end(page, axe, assert_accessible)
    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger confiance-ville-test").click()
    with open(download.value.path(), encoding="utf-8") as fh:
        archive = json.load(fh)
    assert archive["organisation"] == "ville-test"
    assert any(o["fields"].get("name") == "Prévision des repas des cantines" for o in archive["objects"])
