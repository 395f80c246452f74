"""Bias audits attached to a dataset of the catalogue: screen, page, API, command, law 10, bad input."""

from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from confiance.accounts.models import ApiToken
from confiance.audits.bias import run_bias_audit
from confiance.audits.models import BiasAudit
from confiance.audits.tests.conftest import HEADER, people_csv
from confiance.catalogue.models import DatasetUse
from confiance.checks.models import LawOutcome
from confiance.jobs.models import Job
from confiance.jobs.runner import run_queued
from confiance.rules.bias import AuditSpec
from tests.factories import PASSWORD, make_dataset, make_system

pytestmark = pytest.mark.django_db


@pytest.fixture
def dataset(cast):
    return make_dataset(cast.org, title="Demandes de places en crèche", service=cast.service, steward=cast.steward,
                        classification="personal")


@pytest.fixture
def fed_system(cast, dataset):
    """A record that processes personal data and is fed by the dataset (input)."""
    cast.system.personal_data = True
    cast.system.save()
    DatasetUse.objects.create(dataset=dataset, system=cast.system, role="input")
    return cast.system


def _post(client, dataset, content, name="demandes.csv", **fields):
    data = {"protected": "sexe, quartier", "outcome": "décision", "outcome_favourable": "oui",
            "min_group_size": "10", "file": SimpleUploadedFile(name, content)}
    data.update(fields)
    return client.post(f"/registre/audits/jeux/{dataset.pk}/biais/nouveau/", data)


def _law(system, number):
    return LawOutcome.objects.get(system=system, number=number).outcome


def test_it_audits_a_dataset_from_its_page_and_lists_the_report_there(client, cast, dataset, fed_system):
    client.login(username="referent", password=PASSWORD)
    page = client.get(dataset.get_absolute_url()).content.decode()
    assert "Aucun audit des biais." in page and f"/registre/audits/jeux/{dataset.pk}/biais/nouveau/" in page
    assert _law(fed_system, 10) == "to_do"
    response = _post(client, dataset, people_csv())
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    assert run_queued() == 1
    audit = BiasAudit.objects.get()
    job.refresh_from_db()
    assert audit.dataset == dataset and audit.system is None and audit.organisation == cast.org
    assert job.result_url == f"/registre/audits/jeux/{dataset.pk}/biais/{audit.pk}/"
    assert "ID-00001-XYZ" not in str(audit.report)
    assert audit.history.count() == 1  # history kept
    page = client.get(dataset.get_absolute_url()).content.decode()
    assert f"/registre/audits/jeux/{dataset.pk}/biais/{audit.pk}/" in page and "demandes.csv" in page
    report = client.get(job.result_url).content.decode()
    assert "Jeu de données : Demandes de places en crèche" in unescape(report) and "<svg" in report
    pdf = client.get(f"{job.result_url}rapport.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    # The audit of the dataset counts for law 10 of the system it feeds, and shows on the system's page.
    assert _law(fed_system, 10) == "met"
    record = client.get(reverse("register:detail", args=[fed_system.pk])).content.decode()
    assert job.result_url in record


def test_it_counts_only_datasets_that_feed_the_system(cast, dataset, tmp_path):
    producer = make_system(cast.org, name="Tableau de bord", personal_data=True)
    DatasetUse.objects.create(dataset=dataset, system=producer, role="output")
    path = tmp_path / "demandes.csv"
    path.write_bytes(people_csv())
    run_bias_audit(dataset, str(path), AuditSpec(protected=("sexe",)))
    assert _law(producer, 10) == "to_do"  # the system only produces the dataset: its inputs are not audited
    use = DatasetUse.objects.create(dataset=dataset, system=producer, role="training")
    assert _law(producer, 10) == "met"  # linking a fed dataset already audited recomputes the law
    use.delete()
    assert _law(producer, 10) == "to_do"


def test_it_lets_only_the_datasets_editors_run_an_audit(client, cast, dataset):
    client.login(username="dpo", password=PASSWORD)
    assert client.get(dataset.get_absolute_url()).status_code == 200
    assert "Auditer ce jeu de données" not in client.get(dataset.get_absolute_url()).content.decode()
    assert _post(client, dataset, people_csv()).status_code == 403
    client.login(username="etranger", password=PASSWORD)
    assert _post(client, dataset, people_csv()).status_code == 404
    assert not Job.objects.exists() and not BiasAudit.objects.exists()


@pytest.mark.parametrize("content, fields, message", [
    ((HEADER.replace(";", "|") + "\nx|F|Mosson|oui|0,1\n").encode(), {}, "séparateur"),
    (people_csv(), {"separator": ","}, "ne découpe pas"),
    ((HEADER + '\nx;F;"Mosson;oui;0,1\ny;H;Mosson;non;0,2\n').encode(), {}, "guillemet"),
    (b"", {}, "vide"),
    (people_csv(), {"protected": "sexe, tranche_age"}, "« tranche_age » n'existe pas"),
    ((HEADER + "\n" + "x;F;Mosson;oui;0,1\n" * 20).encode(), {}, "n'a qu'une valeur"),
])
def test_it_refuses_bad_input_on_a_dataset_in_french_and_stores_nothing(client, cast, dataset, content, fields,
                                                                        message):
    client.login(username="referent", password=PASSWORD)
    response = _post(client, dataset, content, **fields)
    if response.status_code == 302:  # only a full read finds some faults: the job fails, nothing is kept
        run_queued()
        job = Job.objects.get()
        assert job.status == "failed" and message in job.message
    else:
        assert response.status_code == 200 and message in unescape(response.content.decode())
        assert not Job.objects.exists()
    assert not BiasAudit.objects.exists()


def test_it_refuses_a_dataset_file_over_the_size_limit(client, cast, dataset, settings):
    settings.AUDIT_MAX_FILE_MB = 0.001
    client.login(username="referent", password=PASSWORD)
    response = _post(client, dataset, people_csv())
    assert "au-delà de la limite" in unescape(response.content.decode())
    assert not Job.objects.exists() and not BiasAudit.objects.exists()


def _auth(person):
    _, raw = ApiToken.issue(person, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_it_runs_and_lists_a_datasets_audits_through_the_api(client, cast, dataset, fed_system):
    url = f"/api/audits/datasets/{dataset.pk}/bias-audits"
    data = {"protected": "sexe,quartier", "outcome": "décision", "outcome_favourable": "oui", "min_group_size": "10",
            "file": SimpleUploadedFile("demandes.csv", people_csv())}
    assert client.post(url, data, **_auth(cast.dpo)).status_code == 403
    assert client.post(url, {**data, "file": SimpleUploadedFile("d.csv", people_csv())},
                       **_auth(cast.stranger)).status_code == 404
    response = client.post(url, {**data, "file": SimpleUploadedFile("d.csv", b"")}, **_auth(cast.steward))
    assert response.status_code == 422 and "vide" in str(response.json()["errors"]["file"])
    response = client.post(url, {**data, "file": SimpleUploadedFile("d.csv", people_csv())}, **_auth(cast.steward))
    assert response.status_code == 202
    run_queued()
    audit = BiasAudit.objects.get()
    listed = client.get(url, **_auth(cast.dpo)).json()
    assert [a["id"] for a in listed] == [audit.pk] and listed[0]["rows"] == 60
    assert client.get(f"{url}/{audit.pk}", **_auth(cast.dpo)).json()["report"]["rows"] == 60
    assert client.get(url, **_auth(cast.stranger)).status_code == 404
    assert _law(fed_system, 10) == "met"


def test_it_attaches_the_command_line_audit_to_a_dataset(cast, dataset, fed_system, tmp_path, capsys):
    path = tmp_path / "demandes.csv"
    path.write_bytes(people_csv())
    call_command("audit", "bias", str(path), "--dataset", str(dataset.pk), "--protected", "sexe,quartier")
    assert "au jeu de données" in capsys.readouterr().out
    assert BiasAudit.objects.get().dataset == dataset and _law(fed_system, 10) == "met"
    with pytest.raises(CommandError, match="Aucun jeu de données"):
        call_command("audit", "bias", str(path), "--dataset", "999999", "--protected", "sexe")
    call_command("audit", "bias", str(path), "--dataset", str(dataset.pk), "--protected", "sexe", "--background")
    assert Job.objects.get().kind == "audits.bias"
    run_queued()
    assert BiasAudit.objects.filter(dataset=dataset).count() == 2
