"""Screens of the library: search, project page, reuse, contact, inbox, share, withdraw."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from confiance.accounts.permissions import Action, can, organisations_where
from confiance.core.concurrency import SAVED, UNCHANGED, page_context, save_edit_from_request, version_of
from confiance.library import access, presenters, remote_contact, sharing
from confiance.library.forms import AnswerForm, ContactForm, ReuseForm, ShareForm
from confiance.library.models import ContactRequest, LibraryMessage, Reuse, SharedProject
from confiance.library.search import FACETS, search_page, similar_projects
from confiance.register.forms_confirm import ConfirmForm
from confiance.register.models import AISystem
from confiance.rules.library_tiers import TIER_LABELS, Tier

PAGE_SIZE = 20
MEMBERS_ONLY = "Cette action est réservée aux agents des collectivités membres de la bibliothèque."


def _get_project(pk):
    """Return a visible project; withdrawn and unknown ones are the same 404."""
    project = SharedProject.objects.filter(pk=pk, withdrawn=False).first()
    if project is None:
        raise Http404("Aucun projet de la bibliothèque ne correspond.")
    return project


def search_filters(params):
    """Return the facet filters of a query string, keeping only known values."""
    filters = {}
    for name, (_, labels) in FACETS.items():
        values = [v[:80] for v in params.getlist(name) if v and (labels is None or v in labels)]
        if values:
            filters[name] = values
    return filters


def home(request):
    """Search the library with facets; what a visitor reads depends on their tier."""
    tier = access.tier_of_person(request.user)
    query = request.GET.get("q", "")[:300]
    result, page = search_page(query, tier, search_filters(request.GET), request.GET.get("page"), PAGE_SIZE)
    projects = SharedProject.objects.in_bulk(list(page.object_list))
    cards = [presenters.card(projects[pk], tier, result.groups, pk in result.semantic_ids)
             for pk in page.object_list if pk in projects]
    params = request.GET.copy()
    params.pop("page", None)
    fragment = params.pop("fragment", None) == ["resultats"]  # search-as-you-type asks for the results alone
    return render(request, "library/_results.html" if fragment else "library/home.html", {
        "nav": "library", "query": query, "result": result, "page": page, "cards": cards,
        "params": params.urlencode(), "tier": tier, "tier_label": TIER_LABELS[tier],
        "can_import": access.may_import(request.user),
    })


def project_detail(request, pk):
    project = _get_project(pk)
    tier = access.tier_of_person(request.user)
    return render(request, "library/detail.html", {
        "nav": "library", "project": presenters.detail(project, tier), "tier": tier,
        "tier_label": TIER_LABELS[tier], "is_local": project.organisation_id is not None,
        "similar": [presenters.card(p, tier) for p in similar_projects(project)],
        "can_manage": project.system_id is not None and access.can_manage(request.user, project.organisation_id),
        "system_pk": project.system_id, "reuse_count": project.reuses.count(),
        "can_reuse": bool(organisations_where(request.user, Action.CREATE)),
        "can_contact": tier >= Tier.MEMBER and bool(access.member_organisation_ids(request.user)),
    })


@login_required
def project_reuse(request, pk):
    """Start a draft record in one's own register from a shared project."""
    project = _get_project(pk)
    organisations = organisations_where(request.user, Action.CREATE)
    if not organisations:
        raise PermissionDenied("Vous n'avez le droit de déclarer un système dans aucune organisation.")
    tier = access.tier_of_person(request.user)
    fields = project.fields_for_tier(tier)
    form = ReuseForm(request.POST or None, organisations=organisations,
                     initial={"technique": fields.get("technique") or None, "organisation": organisations[0]})
    if request.method == "POST" and form.is_valid():
        system = sharing.reuse_project(project, fields, form.cleaned_data["organisation"],
                                       form.cleaned_data["technique"], request.user)
        messages.success(request, f"Brouillon créé à partir de « {project.name} ». Complétez-le.")
        return redirect("register:detail", pk=system.pk)
    return render(request, "library/reuse.html", {"nav": "library", "form": form,
                                                  "project": presenters.detail(project, tier)})


@login_required
def project_contact(request, pk):
    project = _get_project(pk)
    organisations = access.member_organisation_ids(request.user)
    if not organisations:
        raise PermissionDenied(MEMBERS_ONLY)
    tier = access.tier_of_person(request.user)
    form = ContactForm(request.POST or None, organisations=organisations, initial={"organisation": organisations[0]})
    failure = ""
    if project.organisation_id is None:  # harvested: the message goes to the origin instance
        if request.method == "POST" and form.is_valid():
            delivery = remote_contact.send(project, request.user, form.cleaned_data["organisation"],
                                           form.cleaned_data["message"])
            if delivery.ok:
                messages.success(request, "Votre message est transmis à l'équipe, sur l'instance d'origine du "
                                 "projet ; elle vous répondra à votre adresse électronique.")
                return redirect("library:detail", pk=project.pk)
            failure = delivery.explanation
    elif request.method == "POST" and form.is_valid():
        sharing.send_contact_request(project, request.user, form.cleaned_data["organisation"],
                                     form.cleaned_data["message"])
        messages.success(request, "Votre demande est envoyée à l'équipe du projet. Sa réponse arrivera dans votre boîte.")
        return redirect("library:detail", pk=project.pk)
    return render(request, "library/contact.html", {"nav": "library", "form": form, "failure": failure,
                                                    "harvested": project.organisation_id is None,
                                                    "origin": project.origin_instance, "contacts": project.contacts,
                                                    "info_url": project.info_url,
                                                    "project": presenters.detail(project, tier)})


@login_required
def inbox(request):
    """The team's inbox (requests about its projects, notices) and the requests one has sent."""
    teams = access.team_organisation_ids(request.user)
    received = ContactRequest.objects.filter(
        Q(project__organisation_id__in=teams) | Q(project__system__owner=request.user)
    ).select_related("project", "sender", "sender_organisation").distinct()
    return render(request, "library/inbox.html", {
        "nav": "library", "received": received, "answer_form": AnswerForm(),
        "sent": ContactRequest.objects.filter(sender=request.user).select_related("project"),
        "notices": LibraryMessage.objects.filter(organisation_id__in=teams).select_related("project")[:50],
    })


@require_POST
@login_required
def contact_answer(request, pk):
    contact = get_object_or_404(ContactRequest.objects.select_related("project"), pk=pk)
    project = contact.project
    is_owner = project.system_id and project.system.owner_id == request.user.pk
    if not (is_owner or access.can_manage(request.user, project.organisation_id)):
        raise Http404("Aucune demande ne correspond.")
    form = AnswerForm(request.POST)
    if form.is_valid():
        sharing.answer_contact_request(contact, form.cleaned_data["answer"], request.user)
        messages.success(request, "Votre réponse est envoyée.")
    else:
        messages.error(request, "La réponse est vide : rien n'a été envoyé.")
    return redirect("library:inbox")


@login_required
def share(request, system_pk):
    """Share a register record in the library, or update what is shared (admins and stewards)."""
    system = get_object_or_404(AISystem.objects.select_related("organisation"), pk=system_pk)
    if not can(request.user, Action.VIEW, system.organisation_id, system):
        raise Http404("Aucun système d'IA ne correspond.")
    if not access.can_manage(request.user, system.organisation_id):
        raise PermissionDenied("Seuls les administrateurs et référents de l'organisation partagent ses projets.")
    project = SharedProject.objects.filter(system=system).first()
    context = {"nav": "library", "system": system, "project": project, "version": version_of(project)}
    if request.method == "POST" and project is not None:  # an update: merge, or show the conflict (core.concurrency)
        result = save_edit_from_request(request, project, lambda data, files, obj: ShareForm(data, instance=obj),
                                        before_save=lambda obj: sharing.stamp_share(obj, system))
        if result.status in (SAVED, UNCHANGED):
            if result.obj.withdrawn:  # shared again as it was
                sharing.share_system(system, {}, request.user)
            messages.success(request, f"« {result.obj.name} » est partagé dans la bibliothèque.")
            return redirect("library:detail", pk=project.pk)
        page, status = page_context(result)
        return render(request, "library/share.html", {**context, **page}, status=status)
    initial = None if project else sharing.initial_from_system(system)
    form = ShareForm(request.POST or None, instance=project, initial=initial)
    if request.method == "POST" and form.is_valid():
        project = sharing.share_system(system, form.cleaned_data, request.user)
        messages.success(request, f"« {project.name} » est partagé dans la bibliothèque.")
        return redirect("library:detail", pk=project.pk)
    return render(request, "library/share.html", {**context, "form": form})


@login_required
def project_withdraw(request, pk):
    """Withdraw a shared project after a confirmation page with a reason, kept in its history."""
    project = _get_project(pk)
    if project.system_id is None or not access.can_manage(request.user, project.organisation_id):
        raise PermissionDenied("Seuls les administrateurs et référents de l'organisation retirent ses projets.")
    form = ConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        sharing.withdraw(project, f"Retrait de la bibliothèque : {form.cleaned_data['reason']}")
        messages.success(request, f"« {project.name} » est retiré de la bibliothèque. Son historique est conservé.")
        return redirect("register:detail", pk=project.system_id)
    return render(request, "library/withdraw.html", {"nav": "library", "form": form, "project": project,
                                                     "reuse_count": project.reuses.count()})


def reuse_of(system):
    return Reuse.objects.filter(system=system).first()


__all__ = ["Tier"]
