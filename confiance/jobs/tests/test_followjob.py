import io

import pytest
from django.core.management import CommandError, call_command

from confiance.jobs.runner import run_queued, start
from confiance.jobs.tests.tasks import count_to


def test_it_prints_a_bar_until_the_job_ends(cast):
    job = start(count_to, kind="test.count", label="Compter", organisation=cast.org, n=3)
    run_queued()
    out = io.StringIO()
    call_command("followjob", str(job.pk), stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == f"Tâche {job.pk} : Compter"
    assert lines[-1].startswith("[" + "#" * 30 + "] 100 % 3/3 Terminée")


def test_it_shows_the_state_once_of_a_queued_job(cast):
    job = start(count_to, kind="test.count", label="Compter", organisation=cast.org, n=3)
    out = io.StringIO()
    call_command("followjob", "--once", stdout=out)  # the last job by default
    assert out.getvalue().splitlines()[-1] == "[" + "." * 30 + "]   ? % En attente"
    assert str(job.pk) in out.getvalue()


def test_it_exits_with_the_failure_message(cast):
    job = start(count_to, kind="test.count", label="Compter", organisation=cast.org, n=3, fail_at=1)
    run_queued()
    with pytest.raises(CommandError, match="Arrêt demandé à 1."):
        call_command("followjob", str(job.pk), stdout=io.StringIO())


def test_it_refuses_an_unknown_job(db):
    with pytest.raises(CommandError, match="Aucune tâche"):
        call_command("followjob", "999", stdout=io.StringIO())
