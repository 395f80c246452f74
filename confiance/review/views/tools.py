"""Shadow AI: the catalogue of approved AI tools, agents' declarations and the committee's view of them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render

from confiance.accounts.permissions import Action, member_organisations, organisations_where
from confiance.core.concurrency import SAVED, UNCHANGED, page_context, save_edit_from_request, version_of
from confiance.review import transitions
from confiance.review.forms import ApprovedToolForm, DeclarationAnswerForm, DeclarationForm
from confiance.review.models import ApprovedTool, Declaration
from confiance.review.views.access import require_review


@login_required
def tool_list(request):
    """The approved AI tools of the person's organisations, with what they may and may not be used for."""
    tools = ApprovedTool.objects.filter(organisation__in=member_organisations(request.user), active=True)
    return render(request, "review/tools.html", {
        "nav": "tools", "tools": tools.select_related("organisation"),
        "can_manage": bool(organisations_where(request.user, Action.REVIEW)),
    })


@login_required
def tool_edit(request, pk=None):
    """Add a tool to the catalogue or change one; a change over a newer version merges (core.concurrency)."""
    organisations = organisations_where(request.user, Action.REVIEW)
    if not organisations:
        raise PermissionDenied("Seuls le comité interne et les administrateurs tiennent le catalogue.")
    tool = get_object_or_404(ApprovedTool, pk=pk, organisation__in=organisations) if pk else None
    context = {"title": "Outil IA autorisé", "nav": "tools", "version": version_of(tool)}
    if request.method == "POST" and tool is not None:
        result = save_edit_from_request(request, tool, lambda data, files, obj: ApprovedToolForm(
            data, instance=obj, organisations=organisations), before_save=lambda obj: _author(obj, request.user))
        if result.status in (SAVED, UNCHANGED):
            messages.success(request, f"« {result.obj.name} » est enregistré dans le catalogue.")
            return redirect("review:tools")
        page, status = page_context(result)
        return render(request, "review/form.html", {**context, **page}, status=status)
    form = ApprovedToolForm(request.POST or None, instance=tool, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        form.instance._history_user = request.user
        tool = form.save()
        messages.success(request, f"« {tool.name} » est enregistré dans le catalogue.")
        return redirect("review:tools")
    return render(request, "review/form.html", {**context, "form": form})


def _author(obj, person):
    obj._history_user = person


@login_required
def declare(request):
    """One short form: an approved tool used within its conditions is recorded; anything else is a request."""
    organisations = member_organisations(request.user)
    if not organisations:
        raise PermissionDenied("Vous n'appartenez à aucune organisation.")
    form = DeclarationForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        declaration = transitions.declare(form.save(commit=False), request.user, form.within_conditions())
        if declaration.state == Declaration.State.RECORDED:
            messages.success(request, f"Votre usage de « {declaration.tool_name} » est enregistré : l'outil est "
                             "autorisé et vous respectez ses conditions.")
        else:
            messages.warning(request, f"Votre déclaration de « {declaration.tool_name} » devient une demande devant "
                             "le comité interne Data & IA : n'utilisez pas l'outil avant sa réponse.")
        return redirect("review:my_declarations")
    return render(request, "review/declare.html", {"form": form, "nav": "declare",
                                                   "tools": form.fields["tool"].queryset})


@login_required
def my_declarations(request):
    return render(request, "review/my_declarations.html", {
        "nav": "declare", "declarations": request.user.declarations.select_related("tool", "service")})


@login_required
def declarations(request):
    """The committee's view: requests to answer, every declaration, the tools most asked for, the services."""
    organisations = organisations_where(request.user, Action.REVIEW)
    if not organisations:
        raise PermissionDenied("Seuls le comité interne et les administrateurs voient les déclarations.")
    rows = Declaration.objects.filter(organisation__in=organisations).select_related("tool", "service", "declared_by")
    tools = (rows.values("tool__name", "other_tool").annotate(
        n=Count("pk"), requests=Count("pk", filter=Q(state=Declaration.State.REQUESTED))).order_by("-n")[:10])
    services = rows.values("service__name").annotate(n=Count("pk")).order_by("-n")
    return render(request, "review/declarations.html", {
        "nav": "declarations", "requests": rows.filter(state=Declaration.State.REQUESTED), "declarations": rows,
        "tools": tools, "services": services, "answer_form": DeclarationAnswerForm(),
    })


@login_required
def declaration_answer(request, pk):
    declaration = get_object_or_404(Declaration, pk=pk, state=Declaration.State.REQUESTED)
    require_review(request, declaration.organisation_id)
    form = DeclarationAnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        transitions.answer_declaration(declaration, form.cleaned_data["state"], form.cleaned_data["committee_note"],
                                       request.user)
        messages.success(request, "La réponse est enregistrée ; l'agent est prévenu.")
        return redirect("review:declarations")
    return render(request, "review/form.html", {"form": form, "nav": "declarations",
                                                "title": f"Répondre à la demande : « {declaration.tool_name} »",
                                                "intro": declaration.purpose})
