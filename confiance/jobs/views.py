"""The job pages: the organisation's recent jobs, and one job's progress (refreshes itself without JavaScript)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from confiance.accounts.permissions import can, member_organisations
from confiance.jobs.control import cancel
from confiance.jobs.models import Job

REFRESH_SECONDS = 2


def _get_job_for_user(request, pk):
    """Return the job if the person started it or may do its action in its organisation; 404 otherwise."""
    job = get_object_or_404(Job.objects.select_related("organisation", "started_by"), pk=pk)
    if job.started_by_id != request.user.pk and not can(request.user, job.action, job.organisation_id):
        raise Http404("Aucune tâche ne correspond.")
    return job


@login_required
def job_detail(request, pk):
    job = _get_job_for_user(request, pk)
    auto = request.GET.get("auto") != "0"  # WCAG 2.2.1: the person can turn the timed refresh off
    return render(request, "jobs/detail.html", {
        "job": job, "refresh": REFRESH_SECONDS if auto and not job.is_finished else None, "auto": auto})


@login_required
def job_list(request):
    jobs = Job.objects.filter(Q(organisation_id__in=member_organisations(request.user)) | Q(organisation__isnull=True)
                              | Q(started_by=request.user)).select_related("organisation")
    visible = [j for j in jobs[:200] if j.started_by_id == request.user.pk or can(request.user, j.action, j.organisation_id)]
    return render(request, "jobs/list.html", {"jobs": visible[:50]})


@require_POST
@login_required
def job_cancel(request, pk):
    """Cancel a job (who may follow it may cancel it); a running one stops at its next progress report."""
    job = _get_job_for_user(request, pk)
    if cancel(job):
        messages.success(request, "L'annulation est demandée : la tâche s'arrête dès que possible.")
    else:
        messages.info(request, "Cette tâche est déjà finie.")
    return redirect(job)


@login_required
def job_download(request, pk):
    """Download the file a job made (an archive): only who may do the job's action now, not merely its starter."""
    job = _get_job_for_user(request, pk)
    if not job.result_file or job.status != Job.Status.SUCCEEDED or not can(request.user, job.action,
                                                                            job.organisation_id):
        raise Http404("Cette tâche n'a pas de fichier à télécharger.")
    return FileResponse(job.result_file.open("rb"), as_attachment=True, filename=job.result_file_name)
