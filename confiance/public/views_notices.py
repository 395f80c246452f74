"""The notice's public page and JSON endpoint, and the steward's generate/confirm actions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from confiance.accounts.permissions import Action, require
from confiance.checks.recompute import recompute
from confiance.core.concurrency import CONFLICT, INVALID, UNCHANGED, page_context, save_edit_from_request
from confiance.public.forms import NoticeConfirmForm
from confiance.public.models import Notice
from confiance.public.notices import notice_payload, snippet_html
from confiance.public.records import public_record
from confiance.public.views import get_public_system
from confiance.register.models import AISystem


def _citizen_facing(slug, pk):
    system = get_public_system(slug, pk)
    if not system.citizen_facing:
        raise Http404("Ce système n'est pas utilisé dans un service aux usagers : il n'a pas de mention.")
    return system


def notice_page(request, slug, pk):
    """The notice's stable page: how it looks, and the snippet to paste."""
    system = _citizen_facing(slug, pk)
    record = public_record(system, review=False)
    return render(request, "public/notice.html", {
        "organisation": system.organisation, "record": record,
        "snippet": snippet_html(record["url"], record["name"]), "nav": "list",
    })


def notice_json(request, slug, pk):
    record = public_record(_citizen_facing(slug, pk), review=False)
    response = JsonResponse(notice_payload(record), json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"  # any site of the authority may read it
    return response


def _get_editable(request, pk):
    system = get_object_or_404(AISystem.objects.select_related("organisation"), pk=pk)
    require(request.user, Action.EDIT, system.organisation_id, system)
    return system


@require_POST
@login_required
def notice_generate(request, pk):
    system = _get_editable(request, pk)
    Notice.objects.get_or_create(system=system)
    messages.success(request, "La mention est prête : copiez-la sur la page du service, puis confirmez sa publication.")
    return redirect("register:detail", pk=pk)


@require_POST
@login_required
def notice_confirm(request, pk):
    """The steward confirms the notice is on the service's page: only then is law 6 met."""
    system = _get_editable(request, pk)
    notice = get_object_or_404(Notice, system=system)

    def confirmed(obj):
        obj.confirmed_at, obj.confirmed_by, obj._history_user = timezone.now(), request.user, request.user

    result = save_edit_from_request(request, notice, lambda data, files, obj: NoticeConfirmForm(data, instance=obj),
                                    before_save=confirmed)
    if result.status == INVALID:
        messages.error(request, "Indiquez l'adresse (https://…) de la page où la mention est publiée.")
        return redirect("register:detail", pk=pk)
    if result.status == CONFLICT:  # someone confirmed another address meanwhile: both are shown
        page, status = page_context(result)
        return render(request, "public/notice_confirm.html", {**page, "system": system}, status=status)
    if result.status == UNCHANGED and result.obj.confirmed_at is None:  # the address was already typed
        confirmed(result.obj)
        result.obj.save()
    recompute(system)
    messages.success(request, "Publication de la mention confirmée : la loi 6 est respectée pour ce système.")
    return redirect("register:detail", pk=pk)
