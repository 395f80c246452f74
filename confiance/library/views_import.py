"""Import a file in the Interconnectés format from the library's screens: upload, report, confirm."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from confiance.core.file_imports import ConfirmForm, UploadForm, pack, unpack
from confiance.library import access
from confiance.library.interconnectes import import_file

ONLY_ADMINS = "Seuls les administrateurs d'une collectivité membre de la bibliothèque importent des fichiers."


def _require_importer(request):
    if not access.may_import(request.user):
        raise PermissionDenied(ONLY_ADMINS)
    return f"library-import:{request.user.pk}"


@login_required
def import_upload(request):
    """Upload a file and read the report of what its import would do (nothing is written yet)."""
    salt = _require_importer(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    report = confirm = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        report = import_file(data, upload.name, request.user, dry_run=True)
        if not report.fatal and (report.created or report.updated):
            confirm = ConfirmForm(initial={"token": pack(data, upload.name, salt)})
    return render(request, "library/import.html", {"nav": "library", "form": form, "report": report,
                                                   "confirm": confirm})


@require_POST
@login_required
def import_confirm(request):
    """Import the file shown on the report page, all of its accepted rows in one transaction."""
    salt = _require_importer(request)
    form = ConfirmForm(request.POST)
    try:
        data, name = unpack(form.data.get("token", ""), salt)
    except (signing.BadSignature, KeyError, ValueError):
        messages.error(request, "Le fichier à importer n'a pas pu être retrouvé (plus d'une heure s'est écoulée ?). "
                                "Rien n'a été importé : déposez-le à nouveau.")
        return redirect("library:import")
    report = import_file(data, name, request.user)
    return render(request, "library/import.html", {"nav": "library", "form": UploadForm(), "report": report,
                                                   "done": True})
