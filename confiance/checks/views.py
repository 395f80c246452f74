"""Screens of the checks: the questionnaire and the impact assessments of a record."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from confiance.accounts.permissions import Action
from confiance.checks.forms import DPIAForm, EUDatabaseEntryForm, FRIAForm, QuestionnaireForm
from confiance.checks.models import Questionnaire
from confiance.core import concurrency
from confiance.core.concurrency import conflict_context, save_edit_from_request, version_of
from confiance.register.views import _get_system_for_user


@login_required
def questionnaire(request, pk):
    """Ask the checks' questions; answers are saved even when incomplete."""
    system = _get_system_for_user(request, pk, Action.EDIT)
    current = Questionnaire.objects.filter(system=system).first()
    initial = current.answers if current else {}
    form = QuestionnaireForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        stored = current or Questionnaire(system=system)
        stored.answers = form.answers()
        stored.save()
        messages.success(request, "Réponses enregistrées : les contrôles sont recalculés.")
        return redirect("register:detail", pk=system.pk)
    return render(request, "checks/questionnaire.html", {"system": system, "form": form})


def _assessment_view(form_class, attribute, title, template="checks/assessment.html"):
    @login_required
    def view(request, pk):
        system = _get_system_for_user(request, pk, Action.EDIT)
        instance = getattr(system, attribute, None)
        context = {"system": system, "title": title, "version": version_of(instance)}
        if request.method == "POST" and instance is not None:  # an edit: merge, or show the conflict
            result = save_edit_from_request(request, instance, lambda data, files, obj: form_class(
                data, files, instance=obj))
            if result.status in (concurrency.SAVED, concurrency.UNCHANGED):
                messages.success(request, f"{title} enregistrée : les contrôles sont recalculés.")
                return redirect("register:detail", pk=system.pk)
            context.update(form=result.form, version=result.version)
            if result.status == concurrency.CONFLICT:
                context.update(conflict_context(result))
            return render(request, template, context, status=409 if result.conflicts else 200)
        form = form_class(request.POST or None, request.FILES or None, instance=instance)
        if request.method == "POST" and form.is_valid():
            assessment = form.save(commit=False)
            assessment.system = system
            assessment.save()
            messages.success(request, f"{title} enregistrée : les contrôles sont recalculés.")
            return redirect("register:detail", pk=system.pk)
        return render(request, template, {**context, "form": form})

    view.__name__ = f"{attribute}_edit"
    view.__doc__ = f"Record the {attribute} of a record."
    return view


dpia_edit = _assessment_view(DPIAForm, "dpia", "Analyse d'impact relative à la protection des données (AIPD)")
fria_edit = _assessment_view(FRIAForm, "fria", "Analyse d'impact sur les droits fondamentaux (AIDF)")
eu_database_edit = _assessment_view(
    EUDatabaseEntryForm, "eu_database_entry", "Fiche d'enregistrement dans la base de données de l'UE"
)
