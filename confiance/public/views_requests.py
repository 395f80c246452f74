"""Explanation requests and error reports: the public form, its acknowledgement, the steward's inbox."""

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from confiance.accounts.permissions import Action, can, viewer_for
from confiance.public.forms import AnswerForm, ErrorReportForm, ExplanationRequestForm
from confiance.public.models import ExplanationRequest
from confiance.public.records import absolute
from confiance.public.views import get_public_system
from confiance.rules import french, transparency
from confiance.rules.permissions import Role

FORMS = {ExplanationRequest.Kind.EXPLANATION: ExplanationRequestForm,
         ExplanationRequest.Kind.ERROR_REPORT: ErrorReportForm}


def _address_key(request):
    return transparency.address_key(request.META.get("REMOTE_ADDR", ""), settings.SECRET_KEY)


def _rate_limited(key):
    since = timezone.now() - timedelta(hours=1)
    recent = ExplanationRequest.objects.filter(address_key=key, received_at__gte=since).count()
    return transparency.over_rate_limit(recent, settings.PUBLIC_REQUESTS_PER_HOUR)


def _create(form, system, kind, key):
    now = timezone.now()
    prefix = ExplanationRequest.PREFIXES[kind]
    for _ in range(5):  # two requests at the same instant may pick the same number once
        sequence = ExplanationRequest.objects.filter(kind=kind, received_at__year=now.year).count() + 1
        item = form.save(commit=False)
        item.system, item.kind, item.received_at, item.address_key = system, kind, now, key
        item.due_on = transparency.add_one_month(timezone.localdate(now))
        item.reference = transparency.reference_number(prefix, now.year, sequence)
        try:
            with transaction.atomic():
                item.save()
            return item
        except IntegrityError:
            form.instance.pk = None
    raise IntegrityError("no free reference number")


def _notify_steward(item):
    steward = item.system.steward
    if steward and steward.email:
        send_mail(
            f"[Confiance] {item.get_kind_display()} {item.reference}",
            f"Une demande a été reçue pour « {item.system.name} ». Réponse due le {item.due_on:%d/%m/%Y}.\n"
            f"{absolute(reverse('public:inbox'))}",
            None, [steward.email], fail_silently=True,
        )


def _send_receipt(item):
    """E-mail the requester the reference, the date the answer is due by law, and where to follow it."""
    if not item.requester_email:
        return
    organisation = item.system.organisation
    url = absolute(reverse("public:acknowledgement", args=[organisation.slug, item.reference]))
    profile = getattr(organisation, "public_profile", None)
    contact = f"\nPour toute question : {profile.contact_email}." if profile and profile.contact_email else ""
    if item.kind == ExplanationRequest.Kind.EXPLANATION:
        subject = f"Votre demande {item.reference} est enregistrée"
        who = french.definite(organisation.name)
        body = (f"Bonjour,\n\n{who[0].upper()}{who[1:]} a bien reçu votre demande des règles de l'algorithme « {item.system.name} ».\n\n"
                f"Référence : {item.reference}\nRéponse due au plus tard le {french.long_date(item.due_on)} "
                f"(un mois : code des relations entre le public et "
                f"l'administration, art. L311-3-1 et R311-13 ; sans réponse à cette date, la demande est "
                f"réputée refusée).\n\nSuivre votre demande : {url}{contact}\n")
    else:
        subject = f"Votre signalement {item.reference} est enregistré"
        body = (f"Bonjour,\n\nVotre signalement sur la page « {item.system.name} » est enregistré.\n\n"
                f"Référence : {item.reference}\nSuivre votre signalement : {url}{contact}\n")
    send_mail(subject, body, None, [item.requester_email], fail_silently=True)


def request_form(request, slug, pk, kind=ExplanationRequest.Kind.EXPLANATION):
    """The public form "Demander les règles d'un algorithme" (or "Signaler une erreur")."""
    system = get_public_system(slug, pk)
    form = FORMS[kind](request.POST or None)
    status = 200
    if request.method == "POST":
        key = _address_key(request)
        if form.is_spam():
            return redirect("public:system", slug=slug, pk=pk)
        if _rate_limited(key):
            form.add_error(None, "Trop de demandes ont été envoyées depuis votre connexion en une heure. "
                                 "Réessayez plus tard ou écrivez à l'adresse de contact.")
            status = 429
        elif form.is_valid():
            item = _create(form, system, kind, key)
            _notify_steward(item)
            _send_receipt(item)
            request.session["public_ack"] = item.reference
            return redirect("public:acknowledgement", slug=slug, reference=item.reference)
        else:
            status = 400
    return render(request, "public/request_form.html", {
        "organisation": system.organisation, "system": system, "form": form, "kind": kind,
        "citation": transparency.EXPLANATION_CITATION, "nav": "list",
    }, status=status)


def acknowledgement(request, slug, reference):
    """Show the reference number and the due date; nothing personal, so it is safe to show to anyone."""
    item = get_object_or_404(ExplanationRequest.objects.select_related("system__organisation"),
                             reference=reference, system__organisation__slug=slug)
    return render(request, "public/acknowledgement.html", {
        "organisation": item.system.organisation, "item": item,
        "just_sent": request.session.get("public_ack") == reference, "nav": "list",
    })


def _inbox_filter(person):
    viewer = viewer_for(person)
    if viewer.is_superuser:
        return Q()
    admin_orgs = [org for org, roles in viewer.roles.items() if Role.ADMIN in roles]
    steward_orgs = [org for org, roles in viewer.roles.items() if Role.STEWARD in roles]
    return Q(system__organisation_id__in=admin_orgs) | Q(
        system__organisation_id__in=steward_orgs, system__service_id__in=viewer.steward_services)


@login_required
def inbox(request):
    """The steward's inbox: open requests first, each with its legal deadline."""
    items = ExplanationRequest.objects.filter(_inbox_filter(request.user)).select_related("system__organisation")
    today = timezone.localdate()
    rows = [(item, item.deadline(today)) for item in items.order_by("answered_at", "due_on")[:500]]
    return render(request, "public/manage/inbox.html", {
        "rows": rows, "overdue": sum(1 for i, d in rows if d.overdue and not i.answered_at),
    })


@login_required
def answer(request, pk):
    item = get_object_or_404(ExplanationRequest.objects.select_related("system__organisation"), pk=pk)
    if not can(request.user, Action.EDIT, item.system.organisation_id, item.system):
        raise PermissionDenied("Vous ne répondez pas pour ce système.")
    form = AnswerForm(request.POST or None, instance=item)
    if request.method == "POST" and not item.answered_at and form.is_valid():
        with transaction.atomic():  # answered once: a second answer typed at the same time is told, not saved
            stored = ExplanationRequest.objects.select_for_update().get(pk=item.pk)
            if stored.answered_at is None:
                item = form.save(commit=False)
                item.answered_at, item.answered_by = timezone.now(), request.user
                item.save()
                messages.success(request, f"La réponse à la demande {item.reference} est enregistrée.")
                return redirect("public:inbox")
        form.add_error(None, "Votre réponse n'est pas enregistrée : quelqu'un a répondu à cette demande pendant "
                             "votre saisie. Sa réponse est celle qui a été envoyée ; votre texte est conservé ici.")
    return render(request, "public/manage/answer.html", {"item": item, "form": form,
                                                         "deadline": item.deadline()})




@login_required
def erase(request, pk):
    """Erase a requester's personal data on their request, after a confirmation page; the act and its reason
    are kept in the administration's log (the request itself keeps no history of personal data)."""
    from django.contrib.admin.models import CHANGE, LogEntry
    from django.contrib.contenttypes.models import ContentType

    from confiance.register.forms_confirm import ConfirmForm

    item = get_object_or_404(ExplanationRequest.objects.select_related("system__organisation"), pk=pk,
                             erased_at__isnull=True)
    if not can(request.user, Action.EDIT, item.system.organisation_id, item.system):
        raise PermissionDenied("Vous ne répondez pas pour ce système.")
    form = ConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        item.erase_personal_data()
        LogEntry.objects.log_action(request.user.pk, ContentType.objects.get_for_model(item).pk, item.pk,
                                    item.reference, CHANGE, f"Données du demandeur effacées : {form.cleaned_data['reason']}")
        messages.success(request, f"Les données du demandeur de {item.reference} sont effacées.")
        return redirect("public:answer", pk=item.pk)
    return render(request, "public/manage/erase.html", {"item": item, "form": form})
