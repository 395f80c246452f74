"""The worker's own schedule (JOBS_SCHEDULE): parsed strictly, each occurrence queued and run once."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ImproperlyConfigured
from django_tasks_db.models import DBTaskResult

from confiance.jobs import schedule
from confiance.jobs.models import ScheduledRun
from confiance.jobs.runner import run_queued

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")


@pytest.mark.parametrize("text, message", [
    ("sendreminders", "commande=expression cron"),
    ("rm -rf=0 7 * * *", "n'est pas une commande de Confiance"),
    ("migrate=0 7 * * *", "n'est pas une commande de Confiance"),
    ("sendreminders=61 7 * * *", "est invalide"),
])
def test_it_refuses_a_malformed_schedule_with_a_clear_message(text, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        schedule.parse(text)


def test_it_reads_several_entries_with_arguments():
    entries = schedule.parse(" sendreminders=0 7 * * * ; eraserequesters --dry-run=30 3 * * 1-5;")
    assert [(e.command, e.cron) for e in entries] == [("sendreminders", "0 7 * * *"),
                                                       ("eraserequesters --dry-run", "30 3 * * 1-5")]
    assert entries[0].next_after(datetime(2026, 11, 30, 9, 0, tzinfo=PARIS)) == datetime(2026, 12, 1, 7, 0,
                                                                                          tzinfo=PARIS)


def test_it_queues_each_occurrence_once_however_many_workers_plan(settings):
    settings.JOBS_SCHEDULE = "sendreminders=0 7 * * *"
    now = datetime(2026, 11, 30, 9, 0, tzinfo=PARIS)
    assert len(schedule.plan(now)) == 1
    assert schedule.plan(now) == [] and schedule.plan(now) == []  # other workers, same minute
    run = ScheduledRun.objects.get()
    assert run.due_at == datetime(2026, 12, 1, 7, 0, tzinfo=PARIS)
    assert DBTaskResult.objects.get(id=run.task_id).run_after == run.due_at
    assert run_queued() == 0  # deferred to its time


def test_it_runs_the_command_keeps_its_output_and_plans_the_next(settings):
    settings.JOBS_SCHEDULE = "sendreminders=* * * * *"
    schedule.plan(datetime(2020, 1, 1, 0, 0, tzinfo=PARIS))  # an occurrence already due
    assert run_queued(limit=1) == 1
    done = ScheduledRun.objects.order_by("due_at").first()
    assert done.status == "succeeded" and done.finished_at and done.output
    assert ScheduledRun.objects.filter(status="queued", due_at__gt=done.due_at).count() == 1


def test_it_queues_a_command_for_the_worker_from_the_command_line(capsys):
    from django.core.management import CommandError, call_command

    call_command("queuecommand", "sendreminders")
    assert "en file d'attente" in capsys.readouterr().out
    run = ScheduledRun.objects.get()
    assert run.status == "queued"
    assert run_queued() == 1
    run.refresh_from_db()
    assert run.status == "succeeded"
    with pytest.raises(CommandError, match="n'est pas une commande de Confiance"):
        call_command("queuecommand", "flush")
    assert ScheduledRun.objects.count() == 1
