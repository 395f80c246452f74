"""Screens of the catalogue: list, dataset page, create, edit, fields, links to AI systems, review of harvests."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from confiance.accounts.permissions import (
    Action,
    can,
    can_on_dataset,
    member_organisations,
    organisations_where,
    visible_datasets_filter,
    visible_filter,
)
from confiance.catalogue import curation
from confiance.catalogue.choices import ReviewStatus
from confiance.catalogue.forms import DatasetFieldFormSet, DatasetFilterForm, DatasetForm, DatasetUseForm, MergeForm
from confiance.catalogue.models import Dataset, DatasetField, DatasetUse
from confiance.core.concurrency import (
    SAVED,
    UNCHANGED,
    page_context,
    rows_version,
    save_edit_from_request,
    save_formset_edit_from_request,
    version_of,
)
from confiance.register.models import AISystem
from confiance.rules.permissions import Role


def _get_dataset_for_user(request, pk, action=Action.VIEW):
    """Return the dataset if the person may do `action`; 404 if they may not even see it, 403 otherwise."""
    dataset = get_object_or_404(Dataset.objects.select_related("organisation", "service", "owner", "steward"), pk=pk)
    if not can_on_dataset(request.user, Action.VIEW, dataset):
        raise Http404("Aucun jeu de données ne correspond.")
    if not can_on_dataset(request.user, action, dataset):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied("Vous n'avez pas le droit d'effectuer cette action.")
    return dataset


def _may_label(person, organisation_id):
    """Only a steward (référent data) or an admin grants a quality label."""
    from confiance.accounts.permissions import viewer_for

    viewer = viewer_for(person)
    return viewer.is_superuser or bool(viewer.roles_in(organisation_id) & {Role.STEWARD, Role.ADMIN})


@login_required
def dataset_list(request):
    """The catalogue with its filters and search; a constant number of queries per page."""
    form = DatasetFilterForm(request.GET or None, organisations=member_organisations(request.user))
    datasets = Dataset.objects.filter(visible_datasets_filter(request.user)).select_related(
        "organisation", "service", "steward")
    datasets = form.filter(datasets)
    page = Paginator(datasets.order_by("title", "pk"), settings.PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "catalogue/list.html", {
        "nav": "catalogue", "form": form, "page": page, "query": query.urlencode(),
        "can_create": bool(organisations_where(request.user, Action.CREATE)),
    })


@login_required
def dataset_detail(request, pk):
    dataset = _get_dataset_for_user(request, pk)
    uses = [u for u in dataset.uses.select_related("system", "system__organisation")
            if can(request.user, Action.VIEW, u.system.organisation_id, u.system)]
    history = dataset.history.select_related("history_user").order_by("-history_date")[:20]
    return render(request, "catalogue/detail.html", {
        "nav": "catalogue", "dataset": dataset, "uses": uses, "history": history,
        "fields": dataset.fields.all(), "signals": dataset.signals.filter(resolved_at__isnull=True),
        "can_edit": can_on_dataset(request.user, Action.EDIT, dataset),
        "merge_form": MergeForm(dataset=dataset) if dataset.review_status == ReviewStatus.PENDING else None,
    })


@login_required
def dataset_create(request):
    organisations = organisations_where(request.user, Action.CREATE)
    if not organisations:
        raise Http404
    form = DatasetForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        dataset = form.save(commit=False)
        dataset.created_by = request.user
        if not _may_label(request.user, dataset.organisation_id):
            dataset.quality_label = 0
        dataset.save()
        form.save_m2m()
        messages.success(request, "Le jeu de données est enregistré.")
        return redirect(dataset)
    return render(request, "catalogue/form.html", {"nav": "catalogue", "form": form, "dataset": None})


@login_required
def dataset_edit(request, pk):
    """Change a dataset's description; a save over a newer version merges or shows the conflict (core.concurrency)."""
    dataset = _get_dataset_for_user(request, pk, Action.EDIT)
    may_label = _may_label(request.user, dataset.organisation_id)

    def make_form(data, files, instance):
        return DatasetForm(data, instance=instance, organisations=[dataset.organisation_id], may_label=may_label)

    context = {"nav": "catalogue", "dataset": dataset, "version": version_of(dataset),
               "form": make_form(None, None, dataset)}
    if request.method == "POST":
        result = save_edit_from_request(request, dataset, make_form)
        if result.status in (SAVED, UNCHANGED):
            messages.success(request, "Les modifications sont enregistrées." if result.status == SAVED
                             else "Aucune modification à enregistrer.")
            return redirect(result.obj)
        page, status = page_context(result)
        return render(request, "catalogue/form.html", {**context, **page}, status=status)
    return render(request, "catalogue/form.html", context)


@login_required
def dataset_fields(request, pk):
    dataset = _get_dataset_for_user(request, pk, Action.EDIT)
    context = {"nav": "catalogue", "dataset": dataset, "formset": DatasetFieldFormSet(instance=dataset),
               "version": rows_version(dataset, DatasetField, "dataset")}
    if request.method == "POST":
        result = save_formset_edit_from_request(
            request, dataset, lambda data, parent: DatasetFieldFormSet(data, instance=parent))
        if result.status in (SAVED, UNCHANGED):
            messages.success(request, "Les champs sont enregistrés." if result.status == SAVED
                             else "Aucune modification à enregistrer.")
            return redirect(dataset)
        page, status = page_context(result)
        context.update(page, formset=page.pop("form"))
        return render(request, "catalogue/fields.html", context, status=status if result.conflicts else 400)
    return render(request, "catalogue/fields.html", context)


@login_required
def system_link(request, system_pk):
    """Link a dataset to an AI system (from the record's page)."""
    system = get_object_or_404(AISystem.objects.filter(visible_filter(request.user)), pk=system_pk)
    if not can(request.user, Action.EDIT, system.organisation_id, system):
        raise Http404
    shared = [d.pk for d in Dataset.objects.filter(classification="closed", review_status=ReviewStatus.ACCEPTED)
              .exclude(organisation_id=system.organisation_id).only("pk", "shared_with")
              if system.organisation.slug in (d.shared_with or [])]
    datasets = Dataset.objects.filter(Q(pk__in=shared) | Q(organisation_id=system.organisation_id),
                                      review_status=ReviewStatus.ACCEPTED).order_by("title")
    form = DatasetUseForm(request.POST or None, system=system, datasets=datasets)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Le jeu de données est lié au système.")
        return redirect("register:detail", system.pk)
    return render(request, "catalogue/link.html", {"system": system, "form": form,
                                                   "uses": system.dataset_uses.select_related("dataset")})


@require_POST
@login_required
def use_delete(request, pk):
    use = get_object_or_404(DatasetUse.objects.select_related("system"), pk=pk)
    if not can(request.user, Action.EDIT, use.system.organisation_id, use.system):
        raise Http404
    use.delete()
    messages.success(request, "Le lien est supprimé (il reste dans l'historique).")
    return redirect("register:detail", use.system_id)


@login_required
def review_queue(request):
    """What harvests and imports brought in, waiting for the steward."""
    datasets = Dataset.objects.filter(visible_datasets_filter(request.user), review_status=ReviewStatus.PENDING)
    page = Paginator(datasets.select_related("organisation", "harvest").order_by("title", "pk"),
                     settings.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "catalogue/review.html", {"nav": "catalogue", "page": page})


@require_POST
@login_required
def review_decide(request, pk):
    dataset = _get_dataset_for_user(request, pk, Action.EDIT)
    if dataset.review_status != ReviewStatus.PENDING:
        messages.error(request, "Ce jeu de données n'est plus à examiner.")
        return redirect(dataset)
    decision = request.POST.get("decision")
    if decision == "merge":
        form = MergeForm(request.POST, dataset=dataset)
        if not form.is_valid():
            messages.error(request, "Choisissez la fiche existante avec laquelle fusionner.")
            return redirect(dataset)
        curation.merge(dataset, form.cleaned_data["target"], request.user)
        messages.success(request, "Les deux fiches sont fusionnées.")
        return redirect(form.cleaned_data["target"])
    if decision not in ("accept", "reject"):
        messages.error(request, "Décision inconnue : rien n'a été modifié.")
        return redirect(dataset)
    getattr(curation, decision)(dataset, request.user)
    messages.success(request, "Accepté dans le catalogue." if decision == "accept" else "Écarté.")
    return redirect("catalogue:review")
