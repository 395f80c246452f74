from django.contrib import admin

from confiance.jobs.models import Job, ScheduledRun, WorkerBeat


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ["label", "kind", "organisation", "status", "done", "total", "created_at"]
    list_filter = ["status", "kind"]
    readonly_fields = [f.name for f in Job._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ScheduledRun)
class ScheduledRunAdmin(admin.ModelAdmin):
    """The worker's schedule (JOBS_SCHEDULE): each occurrence, its status and its output."""

    list_display = ["command", "due_at", "status", "finished_at"]
    list_filter = ["status", "command"]
    readonly_fields = [f.name for f in ScheduledRun._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(WorkerBeat)
class WorkerBeatAdmin(admin.ModelAdmin):
    list_display = ["worker_id", "host", "pid", "started_at", "seen_at"]
    readonly_fields = [f.name for f in WorkerBeat._meta.fields]

    def has_add_permission(self, request):
        return False
