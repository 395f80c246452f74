"""Screens of the audits of a catalogue dataset: run a bias audit, read its report (page and PDF);
estimate the footprint of storing it.

Permission is the catalogue's (accounts.permissions.can_on_dataset): running an
audit needs the right to edit the dataset, reading it the right to see it.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render

from confiance.accounts.permissions import Action, can_on_dataset
from confiance.audits.carbon import save_dataset_estimate
from confiance.audits.forms import BiasAuditForm, DatasetCarbonForm, dataset_initial
from confiance.audits.models import BiasAudit, DatasetCarbonEstimate
from confiance.audits.presenters import bias_context, carbon_context
from confiance.audits.views import pdf_response, start_from_form, subject_context
from confiance.catalogue.views import _get_dataset_for_user
from confiance.rules import bias_law
from confiance.rules.carbon import CarbonInputError


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


@login_required
def dataset_carbon(request, pk):
    """Show the footprint of storing the dataset; those who may edit it record its assumptions here."""
    dataset = _get_dataset_for_user(request, pk, Action.EDIT if request.method == "POST" else Action.VIEW)
    current = DatasetCarbonEstimate.objects.filter(dataset=dataset).first()
    form = DatasetCarbonForm(request.POST or None, initial=dataset_initial(current.inputs) if current else None)
    if request.method == "POST" and form.is_valid():
        try:
            save_dataset_estimate(dataset, form.storage(), request.user)
        except CarbonInputError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Estimation carbone du stockage enregistrée.")
            return redirect("audits:dataset_carbon", pk=dataset.pk)
    return render(request, "audits/dataset_carbon.html", {
        **(carbon_context(current) if current else {}), **subject_context(dataset), "dataset": dataset, "form": form,
        "can_edit": can_on_dataset(request.user, Action.EDIT, dataset), "nav": "catalogue"})
