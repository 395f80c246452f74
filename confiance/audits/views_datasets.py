"""Screens of the bias audits of a catalogue dataset: run one, read its report (page and PDF).

Permission is the catalogue's (accounts.permissions.can_on_dataset): running an
audit needs the right to edit the dataset, reading it the right to see it.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render

from confiance.accounts.permissions import Action
from confiance.audits.forms import BiasAuditForm
from confiance.audits.models import BiasAudit
from confiance.audits.presenters import bias_context
from confiance.audits.views import pdf_response, start_from_form, subject_context
from confiance.catalogue.views import _get_dataset_for_user
from confiance.rules import bias_law


@login_required
def dataset_bias_new(request, pk):
    """Upload a file of the dataset and name the columns; check them at once, then run the audit as a job."""
    dataset = _get_dataset_for_user(request, pk, Action.EDIT)
    form = BiasAuditForm(request.POST or None, request.FILES or None)
    flags = ()
    if request.method == "POST" and form.is_valid():
        job, flags = start_from_form(request, dataset, form)
        if job:
            return redirect(job)
    return render(request, "audits/bias_form.html", {**subject_context(dataset), "form": form, "flags": flags,
                                                     "proxies": bias_law.PROXIES, "nav": "catalogue"})


def _get_audit(request, pk, audit_id):
    dataset = _get_dataset_for_user(request, pk, Action.VIEW)
    return get_object_or_404(BiasAudit.objects.select_related("dataset"), pk=audit_id, dataset=dataset)


@login_required
def dataset_bias_detail(request, pk, audit_id):
    audit = _get_audit(request, pk, audit_id)
    return render(request, "audits/bias_detail.html", {**bias_context(audit), **subject_context(audit.dataset, audit),
                                                       "nav": "catalogue"})


@login_required
def dataset_bias_pdf(request, pk, audit_id):
    return pdf_response(_get_audit(request, pk, audit_id), "audit-biais-jeu")
