import logging
import threading

from django.db import close_old_connections, connection
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from confiance.jobs import control, schedule

logger = logging.getLogger(__name__)


class Command(DbWorkerCommand):
    help = ("Run the background task worker (django-tasks' db_worker) with a heartbeat, the recovery of tasks "
            "left running by a dead worker, and the schedule of JOBS_SCHEDULE.")

    def handle(self, *args, worker_id=None, **options):
        schedule.parse_setting()  # a malformed JOBS_SCHEDULE stops the worker at once, with its message
        worker_id = worker_id or control.new_worker_id()
        stop = threading.Event()
        self._tick(worker_id)
        thread = threading.Thread(target=self._keep_alive, args=(worker_id, stop), daemon=True,
                                  name="confiance-heartbeat")
        thread.start()
        try:
            super().handle(*args, worker_id=worker_id, **options)
        finally:
            stop.set()
            thread.join(timeout=5)
            control.forget(worker_id)

    def _keep_alive(self, worker_id, stop):
        while not stop.wait(control.heartbeat_seconds()):
            try:
                self._tick(worker_id)
            except Exception:  # noqa: BLE001 - a database hiccup must not kill the heartbeat thread
                logger.exception("Worker heartbeat failed")
            finally:
                close_old_connections()
        connection.close()

    def _tick(self, worker_id):
        control.beat(worker_id)
        control.recover_abandoned()
        schedule.plan()
