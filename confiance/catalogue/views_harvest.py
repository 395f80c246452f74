"""Screens of imports and harvests: start one (it runs on the background runner), follow it, read the logs."""

import uuid
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from confiance.accounts.permissions import Action, can, member_organisations, organisations_where
from confiance.catalogue import tasks
from confiance.catalogue.forms import HarvestForm, ImportForm
from confiance.catalogue.models import Harvest, HarvestLog
from confiance.jobs.runner import start


def _get_harvest_for_user(request, pk, action=Action.VIEW):
    harvest = get_object_or_404(Harvest.objects.select_related("organisation"), pk=pk)
    if harvest.organisation_id not in member_organisations(request.user) or not can(
            request.user, action, harvest.organisation_id):
        raise Http404("Aucun moissonnage ne correspond.")
    return harvest


@login_required
def import_catalogue(request):
    """Import a DCAT file or URL: the work is queued, the person follows it on the job's page."""
    organisations = organisations_where(request.user, Action.CREATE)
    if not organisations:
        raise Http404
    form = ImportForm(request.POST or None, request.FILES or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        org, upload, url = form.cleaned_data["organisation"], form.cleaned_data["file"], form.cleaned_data["url"]
        service_id = form.cleaned_data["service"].pk if form.cleaned_data["service"] else None
        if upload:
            folder = Path(settings.MEDIA_ROOT) / "catalogue-imports"
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"{uuid.uuid4().hex}{Path(upload.name).suffix[:10]}"
            with path.open("wb") as out:
                for chunk in upload.chunks():
                    out.write(chunk)
            job = start(tasks.import_file, kind="catalogue.import", label=f"Import de « {upload.name} »",
                        organisation=org, started_by=request.user, organisation_id=org.pk, path=str(path), name=upload.name,
                        content_type=upload.content_type or "", service_id=service_id)
        else:
            job = start(tasks.import_url, kind="catalogue.import", label=f"Import de {url}", organisation=org,
                        started_by=request.user, organisation_id=org.pk, url=url, service_id=service_id)
        return redirect(job)
    return render(request, "catalogue/import.html", {"nav": "catalogue", "form": form})


@login_required
def harvest_list(request):
    organisations = organisations_where(request.user, Action.CREATE)
    form = HarvestForm(request.POST or None, organisations=organisations)
    if request.method == "POST":
        if not organisations:
            raise Http404
        if form.is_valid():
            harvest = form.save(commit=False)
            harvest.created_by = request.user
            harvest.save()
            tasks.schedule(harvest)
            messages.success(request, "Le moissonnage est enregistré.")
            return redirect(harvest)
    harvests = Harvest.objects.filter(organisation_id__in=member_organisations(request.user)).select_related(
        "organisation")
    return render(request, "catalogue/harvests.html", {"nav": "catalogue", "form": form, "harvests": harvests,
                                                       "can_create": bool(organisations)})


@login_required
def harvest_detail(request, pk):
    harvest = _get_harvest_for_user(request, pk)
    return render(request, "catalogue/harvest.html", {
        "nav": "catalogue", "harvest": harvest, "logs": harvest.logs.all()[:50],
        "can_run": can(request.user, Action.CREATE, harvest.organisation_id),
    })


@require_POST
@login_required
def harvest_run(request, pk):
    harvest = _get_harvest_for_user(request, pk, Action.CREATE)
    return redirect(tasks.start_harvest(harvest, request.user))


@login_required
def import_logs(request):
    logs = HarvestLog.objects.filter(organisation_id__in=member_organisations(request.user)).select_related(
        "harvest", "organisation")[:100]
    return render(request, "catalogue/logs.html", {"nav": "catalogue", "logs": logs})
