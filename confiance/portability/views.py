"""Restore an organisation's archive from a screen: a job of the whole instance, for superusers."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from confiance.accounts.permissions import require
from confiance.portability.forms import ImportArchiveForm
from confiance.portability.tasks import start_import
from confiance.rules.permissions import Action


@login_required
def import_archive_view(request):
    """Upload an archive; its import runs as a job (nothing is written if it is refused or cancelled)."""
    require(request.user, Action.ADMINISTER, None)  # it may create an organisation and people: superusers only
    form = ImportArchiveForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        return redirect(start_import(form.cleaned_data["archive"], form.cleaned_data["mapping"], request.user))
    return render(request, "portability/import.html", {"form": form}, status=400 if form.errors else 200)
