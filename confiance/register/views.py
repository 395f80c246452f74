"""Screens of the register: dashboard, list, record, create, edit, retire, timeline."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from confiance.accounts.models import Organisation
from confiance.accounts.permissions import (
    Action,
    can,
    member_organisations,
    organisations_where,
    require,
    visible_filter,
)
from confiance.core import concurrency
from confiance.core.concurrency import conflict_context, save_edit_from_request, version_of
from confiance.portability.tasks import start_export
from confiance.register.choices import Domain, Status, Technique
from confiance.register.completeness import complete_counts
from confiance.register.forms import AISystemForm, RegisterFilterForm
from confiance.register.forms_confirm import ConfirmForm
from confiance.register.models import AISystem
from confiance.register.panels import panels_for
from confiance.register.timeline import timeline_for


def _get_system_for_user(request, pk, action=Action.VIEW):
    """Return the record if the person may do `action` on it; 404 if they may not even see it."""
    system = get_object_or_404(AISystem.objects.select_related("organisation", "service", "owner", "steward"), pk=pk)
    if not can(request.user, Action.VIEW, system.organisation_id, system):
        raise Http404("Aucun système d'IA ne correspond.")
    require(request.user, action, system.organisation_id, system)
    return system


def _visible_systems(request):
    return AISystem.objects.filter(visible_filter(request.user))


@login_required
def dashboard(request):
    """Statistics: counts of the person's records by status, domain and technique (the home is "À faire")."""
    systems = _visible_systems(request)
    counts = {}
    for field, choices in (("status", Status), ("domain", Domain), ("technique", Technique)):
        rows = systems.values(field).annotate(n=Count("pk")).order_by("-n")
        labels = dict(choices.choices)
        counts[field] = [(row[field], labels.get(row[field], row[field]), row["n"]) for row in rows]
    context = {
        "nav": "dashboard",
        "total": systems.count(),
        "counts": counts,
        "organisations": Organisation.objects.filter(pk__in=member_organisations(request.user)),
        "recent": systems.select_related("organisation").order_by("-updated_at")[:5],
        "can_create": bool(organisations_where(request.user, Action.CREATE)),
        "completeness": complete_counts(systems.values_list("pk", flat=True)),
        "exportable": Organisation.objects.filter(pk__in=organisations_where(request.user, Action.EXPORT)),
    }
    return render(request, "register/dashboard.html", context)


@login_required
def system_list(request):
    """The register with its filters and search; a constant number of queries per page."""
    form = RegisterFilterForm(request.GET or None, organisations=member_organisations(request.user))
    systems = _visible_systems(request).select_related("organisation", "service", "check_result")
    systems = form.filter(systems)
    page = Paginator(systems.order_by("name", "pk"), settings.PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "register/list.html", {
        "nav": "list", "form": form, "page": page, "query": query.urlencode(),
        "can_import": bool(organisations_where(request.user, Action.IMPORT)),
    })


@login_required
def system_detail(request, pk):
    system = _get_system_for_user(request, pk)
    return render(request, "register/detail.html", {
        "system": system,
        "can_edit": can(request.user, Action.EDIT, system.organisation_id, system),
        "timeline": timeline_for(system)[:5],
        "panels": panels_for(request, system),
    })


@login_required
def system_timeline(request, pk):
    system = _get_system_for_user(request, pk)
    return render(request, "register/timeline.html", {"system": system, "timeline": timeline_for(system)})


@login_required
def system_create(request):
    organisations = organisations_where(request.user, Action.CREATE)
    if not organisations:
        require(request.user, Action.CREATE, None)
    form = AISystemForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        require(request.user, Action.CREATE, form.cleaned_data["organisation"].pk)
        system = form.save(commit=False)
        system.created_by = request.user
        if system.owner is None:
            system.owner = request.user
        system._change_reason = "Déclaration du système"
        system.save()
        messages.success(request, f"Le système « {system.name} » est enregistré comme brouillon.")
        return redirect("register:detail", pk=system.pk)
    return render(request, "register/form.html", {"form": form, "nav": "create", "creating": True})


@login_required
def system_edit(request, pk):
    """Edit a record; a save over a newer version merges or shows the conflict (core.concurrency)."""
    system = _get_system_for_user(request, pk, Action.EDIT)
    context = {"system": system, "version": version_of(system)}
    if request.method != "POST":
        context["form"] = AISystemForm(instance=system, organisations=[system.organisation_id])
        return render(request, "register/form.html", context)
    result = save_edit_from_request(request, system, lambda data, files, instance: AISystemForm(
        data, files, instance=instance, organisations=[system.organisation_id]))
    if result.status == concurrency.SAVED:
        messages.success(request, "Les modifications sont enregistrées.")
    elif result.status == concurrency.UNCHANGED:
        messages.info(request, "Aucune modification à enregistrer.")
    else:
        context.update(form=result.form, version=result.version)
        if result.status == concurrency.CONFLICT:
            context.update(conflict_context(result))
        return render(request, "register/form.html", context, status=409 if result.conflicts else 200)
    return redirect("register:detail", pk=system.pk)


@login_required
def system_retire(request, pk):
    """Retire a record after a confirmation page with a reason: the register never deletes, it keeps what was."""
    from confiance.public.records import is_published
    from confiance.review.transitions import TransitionRefused, facts_for, transition
    from confiance.rules import lifecycle

    system = _get_system_for_user(request, pk)
    refusal = lifecycle.decide(facts_for(system, request.user), Status.RETIRED)
    if refusal.refused_for_role:
        raise PermissionDenied(refusal.message)
    form = ConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            transition(system, Status.RETIRED, request.user, form.cleaned_data["reason"])
        except TransitionRefused as error:
            form.add_error(None, "Le système n'est pas retiré. " + error.result.message)
        else:
            messages.success(request, f"Le système « {system.name} » est retiré. Son historique est conservé.")
            return redirect("register:detail", pk=system.pk)
    return render(request, "register/retire.html", {"system": system, "form": form, "refusal": refusal,
                                                    "published": is_published(system)})


@login_required
def organisation_export(request, slug):
    """Export everything of the organisation (réversibilité), for its admins: a job makes the file to download."""
    organisation = get_object_or_404(Organisation, slug=slug)
    require(request.user, Action.EXPORT, organisation.pk)
    if request.method == "POST":
        return redirect(start_export(organisation, request.user))
    return render(request, "register/export.html", {"organisation": organisation})
