"""A steward estimates a system's carbon and audits a data file for bias in a real browser; axe-core on each page."""

import pytest

from confiance.audits.models import BiasAudit, CarbonEstimate
from confiance.audits.tests.conftest import people_csv
from confiance.jobs.runner import run_queued
from tests.e2e.conftest import login
from tests.factories import PASSWORD, make_organisation, make_person, make_service, make_system

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_it_estimates_the_carbon_and_audits_a_file(page, live_server, assert_accessible, tmp_path):
    org = make_organisation(name="Ville de Test", slug="ville-test")
    service = make_service(org, name="Petite enfance")
    make_person(org, ["steward"], services=[service], username="referent")
    system = make_system(org, service=service, name="Places en crèche", personal_data=True)
    login(page, live_server, "referent", PASSWORD)

    page.goto(f"{live_server.url}/registre/systemes/{system.pk}/")
    page.get_by_role("link", name="Estimer l'empreinte carbone").click()
    assert_accessible(page)
    page.get_by_label("Requêtes par mois").fill("2000")
    page.get_by_label("Ou énergie par requête (Wh)").fill("0,5")
    page.get_by_role("button", name="Calculer et enregistrer").click()
    page.get_by_role("heading", name="Empreinte carbone : Places en crèche").wait_for()
    assert CarbonEstimate.objects.get(system=system).central_kg > 0
    assert_accessible(page)

    data = tmp_path / "demandes.csv"
    data.write_bytes(people_csv())
    page.goto(f"{live_server.url}/registre/systemes/{system.pk}/")
    page.get_by_role("link", name="Auditer un jeu de données").click()
    assert_accessible(page)
    page.get_by_label("Fichier de données (CSV ou Parquet) *").set_input_files(str(data))
    page.get_by_label("Attributs protégés *").fill("sexe, quartier")
    page.get_by_label("Colonne du résultat (facultatif)").fill("décision")
    page.get_by_label("Valeur favorable du résultat").fill("oui")
    page.get_by_role("button", name="Lancer l'audit").click()
    page.wait_for_url("**/taches/**")
    run_queued()
    audit = BiasAudit.objects.get(system=system)
    page.goto(f"{live_server.url}/registre/audits/{system.pk}/biais/{audit.pk}/")
    page.get_by_role("heading", name="Audit des biais : demandes.csv").wait_for()
    assert page.locator("svg.chart").count() >= 4
    assert_accessible(page)


def test_it_audits_a_catalogue_dataset_from_its_page(page, live_server, assert_accessible, tmp_path):
    from confiance.catalogue.models import DatasetUse
    from confiance.checks.charters import adopt_charter
    from confiance.checks.models import LawOutcome
    from tests.factories import make_dataset

    org = make_organisation(name="Ville de Test", slug="ville-test")
    adopt_charter(org)
    service = make_service(org, name="Petite enfance")
    steward = make_person(org, ["steward"], services=[service], username="referent")
    system = make_system(org, service=service, name="Places en crèche", personal_data=True)
    dataset = make_dataset(org, title="Demandes de places", service=service, steward=steward,
                           classification="personal")
    DatasetUse.objects.create(dataset=dataset, system=system, role="training")
    login(page, live_server, "referent", PASSWORD)

    data = tmp_path / "demandes.csv"
    data.write_bytes(people_csv())
    page.goto(f"{live_server.url}/catalogue/jeux/{dataset.pk}/")
    assert_accessible(page)
    page.get_by_role("link", name="Auditer ce jeu de données").click()
    assert_accessible(page)
    page.get_by_label("Fichier de données (CSV ou Parquet) *").set_input_files(str(data))
    page.get_by_label("Attributs protégés *").fill("sexe, quartier")
    page.get_by_role("button", name="Lancer l'audit").click()
    page.wait_for_url("**/taches/**")
    run_queued()
    audit = BiasAudit.objects.get(dataset=dataset)
    page.goto(f"{live_server.url}/catalogue/jeux/{dataset.pk}/")
    page.get_by_role("link", name="demandes.csv").click()
    page.get_by_role("heading", name="Audit des biais : demandes.csv").wait_for()
    assert page.url.endswith(f"/registre/audits/jeux/{dataset.pk}/biais/{audit.pk}/")
    assert_accessible(page)
    assert LawOutcome.objects.get(system=system, number=10).outcome == "met"

    page.goto(f"{live_server.url}/catalogue/jeux/{dataset.pk}/")
    page.get_by_role("link", name="Estimer l'empreinte du stockage").click()
    assert_accessible(page)
    page.get_by_label("Données stockées (To) *").fill("2,5")
    page.get_by_role("button", name="Calculer et enregistrer").click()
    page.get_by_text("kg CO₂e par an, entre").wait_for()
    assert_accessible(page)
    assert dataset.carbon_estimate.central_kg > 0
