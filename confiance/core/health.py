"""`/sante/`: what a load balancer and a monitoring probe ask of one instance, as JSON.

The answer is 200 when this instance can serve (database reachable, every migration
applied) and 503 otherwise, so a load balancer takes it out of rotation. The task
queue's lag (the age of the oldest task waiting for a worker) is reported for monitoring;
past HEALTH_TASK_LAG_SECONDS the status says "degraded" but stays 200: a late worker
does not stop the site from serving pages.
"""

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

_migrations_known_applied = False  # once true it stays true: new migrations come with new code and a restart


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"ok": True, "vendor": connection.vendor}


def _migrations():
    global _migrations_known_applied
    if _migrations_known_applied:
        return {"ok": True, "pending": 0}
    executor = MigrationExecutor(connection)
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    _migrations_known_applied = not pending
    return {"ok": not pending, "pending": len(pending)}


def _tasks():
    from django_tasks_db.models import DBTaskResult

    now = timezone.now()
    ready = DBTaskResult.objects.ready()
    oldest = ready.order_by("enqueued_at").values_list("enqueued_at", "run_after").first()
    lag = 0.0
    if oldest is not None:
        enqueued_at, run_after = oldest
        waited_from = run_after if run_after <= now else enqueued_at
        lag = max(0.0, (now - max(enqueued_at, waited_from)).total_seconds())
    return {"ok": lag <= settings.HEALTH_TASK_LAG_SECONDS, "ready": ready.count(),
            "running": DBTaskResult.objects.running().count(), "lag_seconds": round(lag, 1)}


@never_cache
@require_GET
def health(request):
    """Return the instance's health as JSON: 200 when it can serve, 503 when it cannot."""
    report = {}
    try:
        report["database"] = _database()
        report["migrations"] = _migrations()
        report["tasks"] = _tasks()
    except DatabaseError as error:
        report.setdefault("database", {"ok": False, "error": error.__class__.__name__})
        report["database"]["ok"] = False
    serving = report["database"]["ok"] and report.get("migrations", {}).get("ok", False)
    status = "error" if not serving else ("ok" if report["tasks"]["ok"] else "degraded")
    return JsonResponse({"status": status, **report}, status=200 if serving else 503)
