import os
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from confiance.audits.models import BiasAudit
from confiance.audits.tasks import SPOOL
from confiance.audits.tests.conftest import HEADER, people_csv
from confiance.checks.models import LawOutcome
from confiance.jobs.models import Job
from confiance.jobs.runner import run_queued
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def _post(client, system, content, name="personnes.csv", **fields):
    data = {"protected": "sexe, quartier", "outcome": "décision", "outcome_favourable": "oui",
            "min_group_size": "10", "file": SimpleUploadedFile(name, content)}
    data.update(fields)
    return client.post(f"/registre/audits/{system.pk}/biais/nouveau/", data)


def _law(system, number):
    return LawOutcome.objects.get(system=system, number=number).outcome


def test_it_runs_the_audit_as_a_job_and_keeps_only_the_aggregates(client, cast, personal_system):
    assert _law(personal_system, 10) == "to_do"
    client.login(username="referent", password=PASSWORD)
    spooled = set(os.listdir(SPOOL)) if os.path.isdir(SPOOL) else set()
    response = _post(client, personal_system, people_csv(), prediction="score", prediction_threshold="0,5")
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    assert not BiasAudit.objects.exists()
    assert run_queued() == 1
    job.refresh_from_db()
    audit = BiasAudit.objects.get()
    assert job.status == "succeeded" and job.result_url.endswith(f"/biais/{audit.pk}/")
    assert audit.rows == 60 and audit.source["encoding"] == "cp1252" and audit.source["decimal_comma"]
    assert "ID-00001-XYZ" not in str(audit.report)  # no row of the file is kept
    assert set(os.listdir(SPOOL)) == spooled  # the upload is erased after the run
    assert _law(personal_system, 10) == "met"
    page = client.get(f"/registre/audits/{personal_system.pk}/biais/{audit.pk}/")
    assert page.status_code == 200 and "<svg" in page.content.decode() and "Cœur de ville" in page.content.decode()
    pdf = client.get(f"/registre/audits/{personal_system.pk}/biais/{audit.pk}/rapport.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


@pytest.mark.parametrize("content, fields, message", [
    ((HEADER.replace(";", "|") + "\nx|F|Mosson|oui|0,1\n").encode(), {}, "séparateur"),
    (people_csv(), {"separator": ","}, "ne découpe pas"),
    ((HEADER + '\nx;F;"Mosson;oui;0,1\ny;H;Mosson;non;0,2\n').encode(), {}, "guillemet"),
    (b"", {}, "vide"),
    (people_csv(), {"protected": "sexe, tranche_age"}, "« tranche_age » n'existe pas"),
    ((HEADER + "\n" + "x;F;Mosson;oui;0,1\n" * 20).encode(), {}, "n'a qu'une valeur"),
])
def test_it_refuses_bad_input_in_french_and_stores_nothing(client, cast, personal_system, content, fields, message):
    client.login(username="referent", password=PASSWORD)
    response = _post(client, personal_system, content, **fields)
    if response.status_code == 302:  # only a full read finds some faults: the job fails, nothing is kept
        run_queued()
        job = Job.objects.get()
        assert job.status == "failed" and message in job.message
    else:
        assert response.status_code == 200 and message in unescape(response.content.decode())
        assert not Job.objects.exists()
    assert not BiasAudit.objects.exists()


def test_it_refuses_a_file_over_the_size_limit(client, cast, personal_system, settings):
    settings.AUDIT_MAX_FILE_MB = 0.001
    client.login(username="referent", password=PASSWORD)
    response = _post(client, personal_system, people_csv())
    assert "au-delà de la limite" in unescape(response.content.decode())
    assert not Job.objects.exists() and not BiasAudit.objects.exists()


def test_it_asks_for_the_legal_basis_before_auditing_sensitive_columns(client, cast, personal_system):
    client.login(username="referent", password=PASSWORD)
    content = ("sexe;religion;décision\n" + "F;catholique;oui\nH;musulman;non\n" * 10).encode()
    response = _post(client, personal_system, content, protected="sexe")
    html = unescape(response.content.decode())
    assert response.status_code == 200 and "base légale" in html and "2007-557" in html and "nationalité" in html
    assert not Job.objects.exists()
    response = _post(client, personal_system, content, protected="sexe", legal_basis="RGPD art. 9.2 j)")
    assert response.status_code == 302
    run_queued()
    assert BiasAudit.objects.get().legal_basis == "RGPD art. 9.2 j)"


def test_it_lets_only_editors_run_an_audit(client, cast, personal_system):
    client.login(username="dpo", password=PASSWORD)
    assert _post(client, personal_system, people_csv()).status_code == 403
    client.login(username="etranger", password=PASSWORD)
    assert _post(client, personal_system, people_csv()).status_code == 404
    assert not Job.objects.exists()
