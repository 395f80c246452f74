"""Screens of the audits: run a bias audit and read its report (page and PDF); estimate the carbon footprint."""

import os

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse

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


def start_from_form(request, target, form):
    """Check the uploaded file at once and start the audit of `target` (a system or a dataset).

    Return (job, flags): the started Job, or None with the form's errors set (and the
    sensitive columns that need a legal basis); nothing is stored on bad input.
    """
    upload, spec = form.cleaned_data["file"], spec_from(form.cleaned_data)
    path, temporary = spool_upload(upload)
    try:
        preflight(path, spec)
    except bias_law.LegalBasisRequired as exc:
        form.add_error("legal_basis", str(exc))
        flags = exc.flags
    except BiasInputError as exc:
        form.add_error("file", str(exc))
        flags = ()
    else:
        job = start_bias_audit(target, keep_upload(path, upload.name), spec, request.user, upload.name,
                               delete_after=True)
        messages.success(request, "Audit lancé : le fichier sera effacé après lecture, seuls les agrégats "
                                  "seront conservés.")
        return job, ()
    if temporary:
        os.unlink(path)
    return None, flags


def subject_context(target, audit=None):
    """Return what the audit templates say about the audited system or dataset."""
    if target._meta.label == "catalogue.Dataset":
        pdf = "audits:dataset_bias_pdf"
        context = {"subject_label": "Jeu de données", "subject_url": target.get_absolute_url()}
    else:
        pdf = "audits:bias_pdf"
        context = {"subject_label": "Système", "subject_url": reverse("register:detail", args=[target.pk]),
                   "system": target}
    context["subject_name"] = getattr(target, "name", None) or target.title
    if audit is not None:
        context["pdf_url"] = reverse(pdf, args=[target.pk, audit.pk])
    return context


@login_required
def bias_new(request, pk):
    """Upload a file and name the columns; check them at once, then run the audit as a background job."""
    system = _get_system_for_user(request, pk, Action.EDIT)
    form = BiasAuditForm(request.POST or None, request.FILES or None)
    flags = ()
    if request.method == "POST" and form.is_valid():
        job, flags = start_from_form(request, system, form)
        if job:
            return redirect(job)
    return render(request, "audits/bias_form.html", {**subject_context(system), "form": form, "flags": flags,
                                                     "proxies": bias_law.PROXIES})


def _get_audit(request, pk, audit_id):
    system = _get_system_for_user(request, pk, Action.VIEW)
    return get_object_or_404(BiasAudit, pk=audit_id, system=system)


@login_required
def bias_detail(request, pk, audit_id):
    audit = _get_audit(request, pk, audit_id)
    return render(request, "audits/bias_detail.html", {**bias_context(audit), **subject_context(audit.system, audit)})


@login_required
def bias_pdf(request, pk, audit_id):
    return pdf_response(_get_audit(request, pk, audit_id), "audit-biais")


def pdf_response(audit, prefix):
    """Return the audit's report as a PDF (WeasyPrint, the page's own HTML and SVG charts)."""
    from weasyprint import HTML

    html = render_to_string("audits/bias_document.html", {**bias_context(audit), **subject_context(audit.subject),
                                                          "standalone": True})
    response = HttpResponse(HTML(string=html, base_url=None).write_pdf(), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{prefix}-{audit.subject.pk}-{audit.pk}.pdf"'
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
