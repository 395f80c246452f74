"""Screens of the audits: run a bias audit and read its report (page and PDF); estimate the carbon footprint."""

import os

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string

from confiance.accounts.permissions import Action
from confiance.audits import carbon as carbon_records
from confiance.audits.bias import preflight, spec_from, spool_upload
from confiance.audits.forms import BiasAuditForm, CarbonEstimateForm, initial_from
from confiance.audits.models import BiasAudit, CarbonEstimate
from confiance.audits.presenters import bias_context, carbon_context
from confiance.audits.tasks import keep_upload, start_bias_audit
from confiance.register.views import _get_system_for_user
from confiance.rules import bias_law
from confiance.rules.bias_input import BiasInputError
from confiance.rules.carbon import CarbonInputError


@login_required
def bias_new(request, pk):
    """Upload a file and name the columns; check them at once, then run the audit as a background job."""
    system = _get_system_for_user(request, pk, Action.EDIT)
    form = BiasAuditForm(request.POST or None, request.FILES or None)
    flags = ()
    if request.method == "POST" and form.is_valid():
        upload, spec = form.cleaned_data["file"], spec_from(form.cleaned_data)
        path, temporary = spool_upload(upload)
        try:
            preflight(path, spec)
        except bias_law.LegalBasisRequired as exc:
            flags = exc.flags
            form.add_error("legal_basis", str(exc))
        except BiasInputError as exc:
            form.add_error("file", str(exc))
        else:
            job = start_bias_audit(system, keep_upload(path, upload.name), spec, request.user, upload.name,
                                   delete_after=True)
            messages.success(request, "Audit lancé : le fichier sera effacé après lecture, seuls les agrégats "
                                      "seront conservés.")
            return redirect(job)
        if temporary:
            os.unlink(path)
    return render(request, "audits/bias_form.html", {"system": system, "form": form, "flags": flags,
                                                     "proxies": bias_law.PROXIES})


def _get_audit(request, pk, audit_id):
    system = _get_system_for_user(request, pk, Action.VIEW)
    return get_object_or_404(BiasAudit, pk=audit_id, system=system)


@login_required
def bias_detail(request, pk, audit_id):
    audit = _get_audit(request, pk, audit_id)
    return render(request, "audits/bias_detail.html", {**bias_context(audit), "system": audit.system})


@login_required
def bias_pdf(request, pk, audit_id):
    from weasyprint import HTML

    audit = _get_audit(request, pk, audit_id)
    html = render_to_string("audits/bias_document.html", {**bias_context(audit), "system": audit.system,
                                                          "standalone": True})
    response = HttpResponse(HTML(string=html, base_url=None).write_pdf(), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="audit-biais-{audit.system.pk}-{audit.pk}.pdf"'
    return response


@login_required
def carbon_detail(request, pk):
    system = _get_system_for_user(request, pk, Action.VIEW)
    estimate = CarbonEstimate.objects.filter(system=system).first()
    context = carbon_context(estimate) if estimate else {}
    return render(request, "audits/carbon_detail.html", {**context, "system": system,
                                                         "measurements": system.carbon_measurements.all()[:20]})


@login_required
def carbon_edit(request, pk):
    """Record the assumptions of the carbon estimate; the result and laws 4 and 5 follow."""
    system = _get_system_for_user(request, pk, Action.EDIT)
    current = CarbonEstimate.objects.filter(system=system).first()
    form = CarbonEstimateForm(request.POST or None, initial=initial_from(current.inputs) if current else None)
    if request.method == "POST" and form.is_valid():
        try:
            carbon_records.save_estimate(system, form.carbon_input(current.inputs if current else None), request.user)
        except CarbonInputError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Estimation carbone enregistrée : les contrôles sont recalculés.")
            return redirect("audits:carbon", pk=system.pk)
    return render(request, "audits/carbon_form.html", {"system": system, "form": form})
