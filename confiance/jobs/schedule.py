"""The worker's own schedule: commands run at cron times from JOBS_SCHEDULE, no cron entry needed.

    JOBS_SCHEDULE="sendreminders=0 7 * * *; eraserequesters=30 3 * * *; backup=0 2 * * *"

Each entry is `command [arguments]=cron expression` (minute hour day month weekday, in
TIME_ZONE). Every `runworker` plans the next occurrence of each entry as a ScheduledRun,
unique per command and time, and queues one task deferred to that time: with several
workers, each occurrence still runs once. When it has run, the following one is planned.
"""

import io
import shlex
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from cronsim import CronSim, CronSimError
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command, get_commands
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task

from confiance.jobs.models import ScheduledRun


@dataclass(frozen=True)
class Entry:
    command: str  # the command line, e.g. "sendreminders" or "backup --output /srv/backups/nuit.tar.gz"
    cron: str

    def next_after(self, moment):
        """Return the first time strictly after `moment` (aware) that the cron expression names."""
        local = moment.astimezone(ZoneInfo(settings.TIME_ZONE)).replace(second=0, microsecond=0)
        return next(iter(CronSim(self.cron, local)))


def parse(text):
    """Return the entries of a JOBS_SCHEDULE value; raise ImproperlyConfigured with a clear message."""
    entries = []
    commands = get_commands()
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        command, sep, cron = part.partition("=")
        command, cron = command.strip(), cron.strip()
        name = command.split()[0] if command else ""
        if not sep or not name:
            raise ImproperlyConfigured(f"JOBS_SCHEDULE: « {part} » n'a pas la forme commande=expression cron.")
        if not commands.get(name, "").startswith("confiance."):
            raise ImproperlyConfigured(f"JOBS_SCHEDULE: « {name} » n'est pas une commande de Confiance.")
        try:
            CronSim(cron, datetime(2000, 1, 1))
        except CronSimError as error:
            raise ImproperlyConfigured(f"JOBS_SCHEDULE: l'expression « {cron} » de {name} est invalide ({error}).") \
                from None
        entries.append(Entry(command, cron))
    return entries


def parse_setting():
    """Return the entries of settings.JOBS_SCHEDULE (ImproperlyConfigured when malformed)."""
    return parse(settings.JOBS_SCHEDULE)


def plan(now=None):
    """Queue the next occurrence of every entry not yet queued; return the ScheduledRuns created."""
    now = now or timezone.now()
    created = []
    for entry in parse(settings.JOBS_SCHEDULE):
        due = entry.next_after(now)
        try:
            with transaction.atomic():
                run, new = ScheduledRun.objects.get_or_create(command=entry.command, due_at=due)
                if new:
                    result = run_scheduled.using(run_after=due).enqueue(run_id=run.pk)
                    ScheduledRun.objects.filter(pk=run.pk).update(task_id=str(result.id))
                    created.append(run)
        except IntegrityError:  # another worker planned it at the same instant
            continue
    return created


def queue_now(command):
    """Queue `command` (a Confiance command line) to run on a worker as soon as one is free; return its run."""
    parse(f"{command}=* * * * *")  # the same check as a schedule entry
    with transaction.atomic():
        run = ScheduledRun.objects.create(command=command, due_at=timezone.now())
        result = run_scheduled.enqueue(run_id=run.pk)
        ScheduledRun.objects.filter(pk=run.pk).update(task_id=str(result.id))
    return run


@task()
def run_scheduled(run_id):
    """Run one occurrence of a scheduled command, keep its output, then plan the following one."""
    run = ScheduledRun.objects.get(pk=run_id)
    ScheduledRun.objects.filter(pk=run_id).update(status=ScheduledRun.Status.RUNNING, started_at=timezone.now())
    out = io.StringIO()
    status = ScheduledRun.Status.SUCCEEDED
    try:
        call_command(*shlex.split(run.command), stdout=out, stderr=out)
    except Exception as error:  # noqa: BLE001 - the run records any failure; the next one is still planned
        status = ScheduledRun.Status.FAILED
        out.write(f"\n{error.__class__.__name__}: {error}")
    ScheduledRun.objects.filter(pk=run_id).update(status=status, output=out.getvalue()[-20000:],
                                                  finished_at=timezone.now())
    plan()
    return status
