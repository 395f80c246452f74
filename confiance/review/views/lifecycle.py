"""The lifecycle of a record: status moves, the authority's decisions, conditions, experimentation, yearly review."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from confiance.checks.recompute import recompute
from confiance.core.concurrency import SAVED, UNCHANGED, page_context, save_edit_from_request, version_of
from confiance.register.views import _get_system_for_user
from confiance.review import transitions
from confiance.review.forms import DecisionForm, ExperimentForm, TransitionForm, YearlyReviewForm
from confiance.review.models import Condition, Experiment, YearlyReview
from confiance.review.views.access import may_follow, require_review
from confiance.rules import lifecycle


def _refused(request, error):
    messages.error(request, "Rien n'a changé. " + error.result.message)


@require_POST
@login_required
def status_change(request, pk):
    """Move a record one step along its lifecycle (the moves that are not a decision of the authority)."""
    system = _get_system_for_user(request, pk)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Rien n'a changé : choisissez une étape proposée.")
    elif form.cleaned_data["to_status"] == lifecycle.Status.RETIRED and not form.cleaned_data["reason"].strip():
        return redirect("register:retire", pk=system.pk)  # retiring asks for a confirmation and a reason
    elif form.cleaned_data["to_status"] in lifecycle.DECISION_TARGETS:
        messages.error(request, "Rien n'a changé : cette étape se fait par une décision (« Enregistrer une "
                       "décision »).")
    else:
        try:
            transitions.transition(system, form.cleaned_data["to_status"], request.user, form.cleaned_data["reason"])
            messages.success(request, f"« {system.name} » est maintenant : {system.get_status_display().lower()}.")
        except transitions.TransitionRefused as error:
            if error.result.refused_for_role:
                raise PermissionDenied(error.result.message) from error
            _refused(request, error)
    return redirect("register:detail", pk=system.pk)


@login_required
def decision_create(request, pk):
    """Record the authority's decision; the lifecycle refuses it, with its reasons, when something is missing."""
    system = _get_system_for_user(request, pk)
    require_review(request, system.organisation_id)
    form = DecisionForm(request.POST or None, system=system)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            transitions.record_decision(system, data["kind"], data["text"], request.user, form.condition_lines(),
                                        data["decided_on"])
        except transitions.TransitionRefused as error:
            form.add_error(None, "La décision n'est pas enregistrée. " + error.result.message)
        else:
            messages.success(request, "La décision est enregistrée ; le porteur est prévenu.")
            return redirect("register:detail", pk=system.pk)
    return render(request, "review/form.html", {"form": form, "title": f"Décision sur « {system.name} »",
                                                "system": system})


@require_POST
@login_required
def condition_done(request, pk):
    condition = get_object_or_404(Condition.objects.select_related("decision__system"), pk=pk)
    system = _get_system_for_user(request, condition.decision.system_id)
    if not may_follow(request.user, system):
        raise PermissionDenied("Vous ne pouvez pas suivre les conditions de ce système.")
    transitions.toggle_condition(condition, request.user)
    messages.success(request, "Condition remplie." if condition.done_on else "Condition rouverte.")
    return redirect("register:detail", pk=system.pk)


@login_required
def experiment_edit(request, pk):
    """Plan the experimentation with volunteer agents, then record its evaluation."""
    system = _get_system_for_user(request, pk)
    if not may_follow(request.user, system):
        raise PermissionDenied("Seuls le porteur, le référent et le comité interne suivent l'expérimentation.")
    experiment = system.experiments.order_by("-pk").first() or Experiment(system=system)
    context = {"title": f"Expérimentation — {system.name}", "system": system, "intro": EXPERIMENT_INTRO,
               "version": version_of(experiment)}
    if request.method == "POST" and experiment.pk:  # an edit: merge, or show the conflict (core.concurrency)
        result = save_edit_from_request(request, experiment, lambda data, files, obj: ExperimentForm(
            data, instance=obj, system=system), before_save=lambda obj: setattr(obj, "_history_user", request.user))
        if result.status in (SAVED, UNCHANGED):
            messages.success(request, "L'évaluation de l'expérimentation est enregistrée." if result.obj.evaluated
                             else "L'expérimentation est enregistrée.")
            return redirect("register:detail", pk=system.pk)
        page, status = page_context(result)
        return render(request, "review/form.html", {**context, **page}, status=status)
    form = ExperimentForm(request.POST or None, instance=experiment, system=system)
    if request.method == "POST" and form.is_valid():
        form.instance._history_user = request.user
        form.save()
        messages.success(request, "L'évaluation de l'expérimentation est enregistrée." if experiment.evaluated
                         else "L'expérimentation est enregistrée.")
        return redirect("register:detail", pk=system.pk)
    return render(request, "review/form.html", {**context, "form": form})


EXPERIMENT_INTRO = ("La collectivité associe des agents volontaires et des élus pour expérimenter les outils d'IA "
                    "avant toute généralisation, et évalue leur effet sur les conditions de travail, les compétences "
                    "et les métiers (stratégie de Montpellier, « Expérimenter avant de déployer les IA »).")


@login_required
def yearly_review_edit(request, pk):
    """Carry out a deployed system's yearly review: the checks are recomputed, then the committee concludes."""
    reviews = YearlyReview.objects.select_related("system")
    if request.method != "POST":  # a concluded review is read in the history; a late POST is told (_close_review)
        reviews = reviews.filter(done_on__isnull=True)
    review = get_object_or_404(reviews, pk=pk)
    system = _get_system_for_user(request, review.system_id)
    require_review(request, system.organisation_id)
    form = YearlyReviewForm(request.POST or None, instance=review)
    if request.method == "GET":
        recompute(system)  # the review reopens the checks: the committee reads today's result
    if request.method == "POST" and form.is_valid():
        try:
            _close_review(form, request.user)
        except transitions.TransitionRefused as error:
            form.add_error(None, "La revue n'est pas enregistrée. " + error.result.message)
        except AlreadyConcluded as concluded:
            form.add_error(None, str(concluded))
        else:
            messages.success(request, "La revue annuelle est enregistrée ; la prochaine est prévue dans un an.")
            return redirect("register:detail", pk=system.pk)
    return render(request, "review/yearly_review.html", {"form": form, "review": review, "system": system,
                                                         "result": getattr(system, "check_result", None)})


class AlreadyConcluded(Exception):
    """Two people concluded one yearly review at once: the second is told, nothing of the first is lost."""


def _close_review(form, person):
    with transaction.atomic():
        stored = YearlyReview.objects.select_for_update().get(pk=form.instance.pk)
        if stored.done_on is not None:  # someone concluded it while this person was reading
            who = _name(stored.reviewed_by)
            raise AlreadyConcluded(f"La revue n'est pas enregistrée : {who} l'a conclue le "
                                   f"{stored.done_on:%d/%m/%Y} pendant votre saisie. Votre texte est conservé "
                                   "ci-dessous ; la revue conclue figure dans l'historique du système.")
        review = form.save(commit=False)
        review.done_on, review.reviewed_by, review._history_user = timezone.localdate(), person, person
        review.save()
        system = review.system
        if review.outcome == YearlyReview.Outcome.SUSPEND:
            transitions.record_decision(system, "suspend", f"Revue annuelle : {review.findings}", person)
        elif not system.yearly_reviews.filter(done_on__isnull=True).exists():
            YearlyReview.objects.create(system=system, due_on=review.done_on + timedelta(days=365))


def _name(person):
    return (person.get_full_name() or person.username) if person else "Quelqu'un"
