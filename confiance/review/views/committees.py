"""Committees and their work: overview, sessions and agendas, referrals with their dossier, opinions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from confiance.accounts.permissions import Action, can, organisations_where, sits_on
from confiance.checks.models import CheckResult
from confiance.checks.organisation_laws import report_with_organisation
from confiance.core.concurrency import (
    SAVED,
    UNCHANGED,
    page_context,
    parse_version,
    save_edit_from_request,
    version_of,
)
from confiance.register.timeline import timeline_for
from confiance.register.views import _get_system_for_user
from confiance.review import transitions
from confiance.review.forms import (
    AgendaForm,
    DocumentForm,
    MinutesForm,
    OpinionForm,
    ReferralForm,
    ScheduleForm,
    SessionForm,
)
from confiance.review.models import Document, Opinion, Referral, Session
from confiance.review.views.access import (
    get_committee_for_user,
    get_referral_for_user,
    reads_everything,
    require_review,
    visible_committees,
)


@login_required
def review_home(request):
    """The committees a person may see, their open referrals and next sessions."""
    committees = visible_committees(request.user).select_related("organisation")
    open_referrals = [r for r in Referral.objects.filter(committee__in=committees, opinion__isnull=True)
                      .select_related("system", "committee") if reads_everything(request.user, r.system.organisation_id)
                      or sits_on(request.user, r.committee)]
    sessions = Session.objects.filter(committee__in=committees, held_on__gte=timezone.localdate()).order_by("held_on")
    return render(request, "review/home.html", {"nav": "review", "committees": committees,
                                                "open_referrals": open_referrals, "sessions": sessions[:10],
                                                "can_review": bool(organisations_where(request.user, Action.REVIEW))})


@login_required
def committee_detail(request, pk):
    committee = get_committee_for_user(request, pk)
    return render(request, "review/committee.html", {
        "nav": "review", "committee": committee,
        "members": committee.members.select_related("person"),
        "sessions": committee.sessions.all(),
        "referrals": committee.referrals.select_related("system", "opinion").order_by("-referred_on", "-pk"),
        "can_manage": sits_on(request.user, committee),
    })


@login_required
def session_create(request, pk):
    committee = get_committee_for_user(request, pk)
    if not sits_on(request.user, committee):
        raise PermissionDenied("Seuls les membres du comité organisent ses séances.")
    form = SessionForm(request.POST or None, committee=committee)
    if request.method == "POST" and form.is_valid():
        session = form.save(commit=False)
        session.committee = committee
        session.save()
        form.save_m2m()
        messages.success(request, "La séance est créée : inscrivez les saisines à son ordre du jour.")
        return redirect("review:session", pk=session.pk)
    return render(request, "review/form.html", {"form": form, "title": f"Nouvelle séance — {committee}",
                                                "back": committee})


@login_required
def session_detail(request, pk):
    """A session: its agenda, attendance and minutes; members update them here (core.concurrency merges)."""
    session = get_object_or_404(Session.objects.select_related("committee"), pk=pk)
    committee = get_committee_for_user(request, session.committee_id)
    can_manage = sits_on(request.user, committee)
    form = None if session.minutes else SessionForm(instance=session, committee=committee, prefix="seance")
    context = {"nav": "review", "session": session, "can_manage": can_manage, "version": version_of(session),
               "agenda": session.agenda.select_related("system", "opinion")}
    agenda = AgendaForm(request.POST or None, session=session, prefix="odj",
                        initial={"referrals": session.agenda.all()})
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied("Seuls les membres du comité tiennent ses séances.")
        if form is None:  # a held session's date and agenda stay as they were
            raise PermissionDenied("Le compte rendu est écrit : la séance n'est plus modifiable.")
        if not agenda.is_valid():
            context["version"] = parse_version(request.POST.get("_version")) or context["version"]
            form = SessionForm(request.POST, instance=session, committee=committee, prefix="seance")
            form.is_valid()
            return render(request, "review/session.html", {**context, "form": form, "agenda_form": agenda})
        with transaction.atomic():
            result = save_edit_from_request(request, session, lambda data, files, obj: SessionForm(
                data, instance=obj, committee=committee, prefix="seance"), before_save=_author(request))
            if result.status in (SAVED, UNCHANGED):
                transitions.set_agenda(session, agenda.cleaned_data["referrals"])
                messages.success(request, "La séance est préparée : date, lieu et ordre du jour sont enregistrés.")
                return redirect("review:session", pk=session.pk)
        page, status = page_context(result)
        return render(request, "review/session.html", {**context, **page, "agenda_form": agenda}, status=status)
    return render(request, "review/session.html", {**context, "form": form, "agenda_form": agenda})


@login_required
def session_minutes(request, pk):
    """Write a session's minutes and attendance: a form of its own, apart from planning (core.concurrency merges)."""
    session = get_object_or_404(Session.objects.select_related("committee"), pk=pk)
    committee = get_committee_for_user(request, session.committee_id)
    if not sits_on(request.user, committee):
        raise PermissionDenied("Seuls les membres du comité écrivent le compte rendu de ses séances.")
    context = {"title": f"Compte rendu — {session}", "back": committee, "nav": "review",
               "form": MinutesForm(instance=session), "version": version_of(session)}
    if request.method == "POST":
        result = save_edit_from_request(request, session, lambda data, files, obj: MinutesForm(data, instance=obj),
                                        before_save=_author(request))
        if result.status in (SAVED, UNCHANGED):
            messages.success(request, "Le compte rendu de la séance est enregistré.")
            return redirect("review:session", pk=session.pk)
        page, status = page_context(result)
        return render(request, "review/form.html", {**context, **page}, status=status)
    return render(request, "review/form.html", context)


def _author(request):
    """Return a before_save that names the person in the history."""
    def before_save(obj):
        obj._history_user = request.user
    return before_save


@login_required
def referral_schedule(request, pk):
    """Put a referral on one of its own committee's sessions, from the referral (the form is on its page)."""
    referral = get_referral_for_user(request, pk)
    if request.method != "POST":  # this page's address reloaded or reopened after signing in: the form's page
        return redirect("review:referral", pk=referral.pk)
    if not sits_on(request.user, referral.committee) or referral.answered:
        raise PermissionDenied("Seuls les membres du comité saisi inscrivent une saisine à l'ordre du jour.")
    result = save_edit_from_request(request, referral, lambda data, files, obj: ScheduleForm(data, instance=obj),
                                    before_save=_author(request))
    if result.status == SAVED:
        session = result.obj.session
        messages.success(request, f"La saisine est inscrite à l'ordre du jour de la séance du "
                         f"{session.held_on:%d/%m/%Y}." if session else "La saisine n'est plus inscrite à une séance.")
    elif result.status == UNCHANGED:
        messages.info(request, "Rien n'a changé : la saisine était déjà à cette place.")
    else:
        page, status = page_context(result)
        return render(request, "review/form.html", {
            **page, "title": f"Inscrire à l'ordre du jour — {referral.system.name}",
            "back_url": reverse("review:referral", args=[referral.pk]), "back_label": f"Dossier : {referral.system.name}",
            "intro": f"Choisissez une séance du {referral.committee}. {_placement(result.obj)}",
            "submit_label": "Inscrire à l'ordre du jour"}, status=status if result.conflicts else 400)
    return redirect("review:referral", pk=referral.pk)


def _placement(referral):
    session = referral.session
    return (f"Aujourd'hui, la saisine est inscrite à la séance du {session.held_on:%d/%m/%Y}." if session
            else "Aujourd'hui, la saisine n'est inscrite à aucune séance.")


@login_required
def referral_create(request, pk):
    """Refer a record to a committee."""
    system = _get_system_for_user(request, pk)
    require_review(request, system.organisation_id)
    form = ReferralForm(request.POST or None, system=system)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        referral = transitions.refer(system, data["committee"], request.user, data["question"], data["deadline"],
                                     data["session"])
        messages.success(request, f"Le {referral.committee} est saisi ; ses membres sont prévenus.")
        return redirect("review:referral", pk=referral.pk)
    return render(request, "review/form.html", {"form": form, "title": f"Saisir un comité — {system.name}",
                                                "system": system})


@login_required
def referral_detail(request, pk):
    """The dossier: the record, its checks with their sources, its history, its documents and the opinion."""
    referral = get_referral_for_user(request, pk)
    system = referral.system
    result = CheckResult.objects.filter(system=system).first()
    return render(request, "review/referral.html", {
        "nav": "review", "referral": referral, "system": system,
        "checks_panel": {"result": result, "report": report_with_organisation(system, result.report) if result else None,
                         "can_edit": False,
                         "system": system},
        "timeline": timeline_for(system),
        "documents": referral.documents.all(),
        "opinion": getattr(referral, "opinion", None),
        "can_act": sits_on(request.user, referral.committee),
        "document_form": DocumentForm(),
        "schedule_form": ScheduleForm(instance=referral) if not referral.answered else None,
        "referral_version": version_of(referral),
    })


@require_POST
@login_required
def document_upload(request, pk):
    referral = get_referral_for_user(request, pk)
    if not (sits_on(request.user, referral.committee) or _may_edit(request, referral.system)):
        raise PermissionDenied("Vous ne pouvez pas compléter ce dossier.")
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        document = form.save(commit=False)
        document.referral, document.uploaded_by = referral, request.user
        document.save()
        messages.success(request, f"« {document.title} » est ajouté au dossier.")
    else:
        errors = " ".join(e for errs in form.errors.values() for e in errs)
        messages.error(request, f"Le document n'est pas ajouté : {errors}")
    return redirect("review:referral", pk=referral.pk)


def _may_edit(request, system):
    return can(request.user, Action.EDIT, system.organisation_id, system)


@login_required
def document_download(request, pk):
    document = get_object_or_404(Document, pk=pk)
    get_referral_for_user(request, document.referral_id)
    try:
        return FileResponse(document.file.open("rb"), as_attachment=True,
                            filename=document.file.name.rsplit("/", 1)[-1])
    except FileNotFoundError as missing:
        raise Http404("Le fichier est introuvable.") from missing


@login_required
def opinion_create(request, pk):
    """Record a committee's opinion on a referral; once given, an opinion is kept, not replaced."""
    referral = get_referral_for_user(request, pk)
    if not sits_on(request.user, referral.committee):
        raise PermissionDenied("Seuls les membres du comité saisi rendent son avis.")
    if referral.answered:
        messages.info(request, "Le comité a déjà rendu son avis sur cette saisine.")
        return redirect("review:referral", pk=referral.pk)
    form = OpinionForm(request.POST or None, instance=Opinion(referral=referral))
    if request.method == "POST" and form.is_valid():
        transitions.record_opinion(form.save(commit=False), request.user)
        messages.success(request, "L'avis est enregistré ; le porteur et le comité interne sont prévenus.")
        return redirect("review:referral", pk=referral.pk)
    return render(request, "review/form.html", {"form": form, "title": f"Avis du {referral.committee}",
                                                "system": referral.system, "intro": referral.question})
