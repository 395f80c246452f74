"""Files in and out of the register: export as CSV, XLSX or ODS; import from a spreadsheet (upload, report, confirm)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from confiance.accounts.models import Organisation
from confiance.accounts.permissions import Action, member_organisations, organisations_where, require, visible_filter
from confiance.core.file_imports import ConfirmForm, pack, unpack
from confiance.register import exports
from confiance.register.forms import RegisterFilterForm
from confiance.register.forms_import import SystemImportForm
from confiance.register.importer import import_systems
from confiance.register.models import AISystem

ONLY_IMPORTERS = "Seuls les référents data & IA et les administrateurs importent des systèmes."


@login_required
def systems_export(request, fmt):
    """Download the records the person may see (with the list's filters) as CSV, XLSX or ODS."""
    if fmt not in exports.FORMATS:
        raise Http404("Format inconnu.")
    systems = AISystem.objects.filter(visible_filter(request.user))
    form = RegisterFilterForm(request.GET or None, organisations=member_organisations(request.user))
    systems = form.filter(systems)
    content, content_type = exports.export(systems.order_by("name", "pk"), fmt)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="registre-ia-{timezone.localdate().isoformat()}.{fmt}"'
    return response


def _salt(request, organisation_id):
    return f"register-import:{request.user.pk}:{organisation_id}"


@login_required
def systems_import(request):
    """Upload a spreadsheet and read what its import would do; nothing is written yet."""
    organisations = organisations_where(request.user, Action.IMPORT)
    if not organisations:
        raise PermissionDenied(ONLY_IMPORTERS)
    form = SystemImportForm(request.POST or None, request.FILES or None, organisations=organisations)
    report = confirm = None
    if request.method == "POST" and form.is_valid():
        organisation, upload = form.cleaned_data["organisation"], form.cleaned_data["file"]
        data = upload.read()
        report = import_systems(data, upload.name, organisation, request.user, dry_run=True)
        if not report.fatal and report.created:
            confirm = ConfirmForm(initial={"token": pack(data, upload.name, _salt(request, organisation.pk))})
            confirm.organisation = organisation
    return render(request, "register/import.html", {"nav": "import", "form": form, "report": report,
                                                    "confirm": confirm})


@require_POST
@login_required
def systems_import_confirm(request, slug):
    """Import the file shown on the report page into the organisation's register, in one transaction."""
    organisation = get_object_or_404(Organisation, slug=slug)
    require(request.user, Action.IMPORT, organisation.pk)
    try:
        data, name = unpack(request.POST.get("token", ""), _salt(request, organisation.pk))
    except (signing.BadSignature, KeyError, ValueError):
        messages.error(request, "Le fichier à importer n'a pas pu être retrouvé (plus d'une heure s'est écoulée ?). "
                                "Rien n'a été importé : déposez-le à nouveau.")
        return redirect("register:import")
    report = import_systems(data, name, organisation, request.user)
    form = SystemImportForm(organisations=organisations_where(request.user, Action.IMPORT))
    return render(request, "register/import.html", {"nav": "import", "form": form, "report": report, "done": True})
