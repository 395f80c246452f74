import pytest
from django.core.management import CommandError, call_command

from confiance.audits.models import BiasAudit
from confiance.audits.tests.conftest import people_csv
from confiance.jobs.models import Job
from confiance.jobs.runner import run_queued

pytestmark = pytest.mark.django_db

ARGS = ["--protected", "sexe,quartier", "--outcome", "décision", "--favourable", "oui",
        "--reference", "sexe: F=51,6 %; H=48,4 %"]


@pytest.fixture
def data_file(tmp_path):
    path = tmp_path / "personnes.csv"
    path.write_bytes(people_csv())
    return str(path)


def test_it_attaches_the_aggregates_to_the_system_with_progress(cast, data_file, capsys):
    call_command("audit", "bias", data_file, "--system", str(cast.system.pk), *ARGS)
    out, err = capsys.readouterr()
    audit = BiasAudit.objects.get(system=cast.system)
    assert audit.rows == 60 and "100 % Audit terminé" in err and "Agrégats rattachés" in out
    sexe = audit.report["attributes"][0]
    assert {g["labels"][0]: g["reference_share"] for g in sexe["groups"]} == {"F": 0.516, "H": 0.484}


def test_it_prints_without_storing_when_no_system_is_named(cast, data_file, capsys):
    call_command("audit", "bias", data_file, *ARGS, "--json")
    assert '"rows": 60' in capsys.readouterr().out
    assert not BiasAudit.objects.exists()


def test_it_runs_on_the_background_runner_when_asked(cast, data_file, capsys):
    call_command("audit", "bias", data_file, "--system", str(cast.system.pk), "--background", *ARGS)
    job = Job.objects.get()
    assert f"followjob {job.pk}" in capsys.readouterr().out
    run_queued()
    job.refresh_from_db()
    assert job.status == "succeeded" and BiasAudit.objects.count() == 1


@pytest.mark.parametrize("args, message", [
    (["--protected", "sexe,age"], "« age » n'existe pas"),
    (["--protected", "sexe", "--separator", ","], "ne découpe pas"),
    (["--protected", "sexe", "--reference", "sexe F=0,5"], "Distribution de référence"),
])
def test_it_refuses_bad_input_in_french(cast, data_file, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("audit", "bias", data_file, "--system", str(cast.system.pk), *args)
    assert not BiasAudit.objects.exists()
