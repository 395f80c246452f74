"""Screens of the checks: the guided questionnaire, contests, and the impact assessments of a record."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from confiance.accounts.permissions import Action, can
from confiance.checks import guided
from confiance.checks.forms import ContestForm, DPIAForm, EUDatabaseEntryForm, FRIAForm, SectionForm
from confiance.checks.models import ContestedImplication
from confiance.core import concurrency
from confiance.core.concurrency import conflict_context, save_edit_from_request, version_of
from confiance.register.views import _get_system_for_user
from confiance.rules.implications import BY_CODE
from confiance.rules.questionnaire import BY_SLUG, next_section, previous_section


@login_required
def questionnaire(request, pk):
    """Open the guided questionnaire at its first section."""
    system = _get_system_for_user(request, pk, Action.EDIT)
    return redirect("checks:section", pk=system.pk, slug=guided.first_section(system).slug)


@login_required
def questionnaire_section(request, pk, slug):
    """Ask one section; every answer is saved when the person moves on or back."""
    system = _get_system_for_user(request, pk, Action.EDIT)
    if slug not in BY_SLUG:
        raise Http404("Cette section du questionnaire n'existe pas.")
    state = guided.section_state(system, slug)
    form = SectionForm(state["section"], request.POST if request.method == "POST" else None, initial=state["initial"])
    if request.method == "POST" and form.is_valid():
        guided.save_section(system, slug, form.choices(), request.user)
        answers = guided.derived_answers(system)
        target = previous_section(slug, answers) if "previous" in request.POST else next_section(slug, answers)
        if target is None:
            messages.success(request, "Questionnaire enregistré : les contrôles sont recalculés.")
            return redirect(f"{_record_url(system)}#prochaines-etapes-controles")
        return redirect("checks:section", pk=system.pk, slug=target.slug)
    rows = [(form[name], state["origins"].get(name), state["implied"].get(name, [])) for name in form.fields]
    return render(request, "checks/section.html", {"system": system, "form": form, "rows": rows, **state,
                                                   "has_previous": previous_section(slug, state["answers"])})


@login_required
def contest(request, pk, code):
    """Contest one implication with a written justification; it then stops applying to the record."""
    system = _get_system_for_user(request, pk, Action.EDIT)
    implication = BY_CODE.get(code) or _not_found()
    form = ContestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not system.contested_implications.filter(code=code).exists():
            guided.contest(system, code, form.cleaned_data["justification"], request.user)
        messages.success(request, "Contestation enregistrée : la déduction ne s'applique plus ; le DPO la verra.")
        return redirect(_record_url(system))
    return render(request, "checks/contest.html", {"system": system, "form": form, "implication": implication})


@require_POST
@login_required
def contest_withdraw(request, pk, code):
    """Withdraw a contest: the implication applies again."""
    system = _get_system_for_user(request, pk, Action.EDIT)
    guided.withdraw(get_object_or_404(ContestedImplication, system=system, code=code), request.user)
    messages.success(request, "Contestation retirée : la déduction s'applique de nouveau.")
    return redirect(_record_url(system))


def _record_url(system):
    return reverse("register:detail", args=[system.pk])


def _before_save(assessment, user):
    assessment._history_user = user
    if hasattr(assessment, "validated_on"):  # a changed DPIA needs a new validation
        assessment.validated_by, assessment.validated_on = None, None


def _not_found():
    raise Http404("Cette déduction n'existe pas.")


def _assessment_view(form_class, attribute, title, action=Action.EDIT, template="checks/assessment.html"):
    @login_required
    def view(request, pk):
        system = _get_system_for_user(request, pk, action)
        instance = getattr(system, attribute, None)
        context = {"system": system, "title": title, "version": version_of(instance)}
        if request.method == "POST" and instance is not None:  # an edit: merge, or show the conflict
            result = save_edit_from_request(request, instance, lambda data, files, obj: form_class(
                data, files, instance=obj), before_save=lambda obj: _before_save(obj, request.user))
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
            if hasattr(assessment, "validated_on") and form.has_changed():  # a changed DPIA needs a new validation
                assessment.validated_by, assessment.validated_on = None, None
            assessment._history_user = request.user
            assessment.save()
            messages.success(request, f"{title} enregistrée : les contrôles sont recalculés.")
            return redirect("register:detail", pk=system.pk)
        return render(request, template, {
            **context, "form": form, "assessment": instance,
            "can_validate": can(request.user, Action.VALIDATE_DPIA, system.organisation_id, system),
        })

    view.__name__ = f"{attribute}_edit"
    view.__doc__ = f"Record the {attribute} of a record."
    return view


dpia_edit = _assessment_view(DPIAForm, "dpia", "Analyse d'impact relative à la protection des données (AIPD)",
                             Action.WRITE_DPIA, "checks/dpia.html")
fria_edit = _assessment_view(FRIAForm, "fria", "Analyse d'impact sur les droits fondamentaux (AIDF)")
eu_database_edit = _assessment_view(
    EUDatabaseEntryForm, "eu_database_entry", "Fiche d'enregistrement dans la base de données de l'UE"
)


@require_POST
@login_required
def dpia_validate(request, pk):
    """The DPO validates the record's DPIA as it stands."""
    system = _get_system_for_user(request, pk, Action.VALIDATE_DPIA)
    dpia = getattr(system, "dpia", None) or _not_found()
    dpia.validated_by, dpia.validated_on = request.user, timezone.localdate()
    dpia._history_user = request.user
    dpia.save()
    messages.success(request, "AIPD validée par le DPO.")
    return redirect("checks:dpia", pk=system.pk)
