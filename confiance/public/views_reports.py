"""The annual reports: public once the ethics committee's opinion is recorded; the button to make one."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from confiance.accounts.models import Organisation
from confiance.accounts.permissions import viewer_for
from confiance.core.concurrency import SAVED, UNCHANGED, page_context, save_edit_from_request, version_of
from confiance.public import report_pdf, reports
from confiance.public.forms import OpinionForm
from confiance.public.models import AnnualReport
from confiance.public.views import get_organisation
from confiance.rules.permissions import Role


def report_list(request, slug):
    organisation = get_organisation(slug)
    published = organisation.annual_reports.filter(opinion_recorded_at__isnull=False)
    return render(request, "public/reports.html", {"organisation": organisation, "reports": published,
                                                   "nav": "reports"})


def _published_report(slug, year):
    report = AnnualReport.objects.filter(organisation__slug=slug, year=year,
                                         opinion_recorded_at__isnull=False).select_related("organisation").first()
    if report is None:
        raise Http404("Ce rapport n'est pas publié.")
    return report


def report_detail(request, slug, year):
    report = _published_report(slug, year)
    return render(request, "public/report.html", {
        "organisation": report.organisation, "report": report, "document": reports.render_html(report),
        "nav": "reports",
    })


def _pdf_response(stored, report):
    return FileResponse(stored.file.open("rb"), content_type="application/pdf",
                        filename=report_pdf.file_name(report), as_attachment=False)


def report_pdf_view(request, slug, year):
    """Serve the published report's stored PDF; while it is being printed, say so (503, retry) and queue it."""
    report = _published_report(slug, year)
    stored = report_pdf.current_pdf(report)
    if stored is None:
        report_pdf.request_pdf(report, failure_pause=timedelta(minutes=10))
        response = render(request, "public/report_pdf_pending.html", {
            "organisation": report.organisation, "report": report, "nav": "reports"}, status=503)
        response["Retry-After"] = "30"
        return response
    return _pdf_response(stored, report)


def _roles(person, organisation):
    viewer = viewer_for(person)
    return {"admin"} if viewer.is_superuser else {str(r) for r in viewer.roles_in(organisation.pk)}


@login_required
def manage_reports(request, slug):
    """Make this year's report (the button), see drafts, and let the ethics committee record its opinion."""
    organisation = get_object_or_404(Organisation, slug=slug)
    roles = _roles(request.user, organisation)
    if not roles:
        raise PermissionDenied("Vous n'êtes pas membre de cette organisation.")
    return render(request, "public/manage/reports.html", {
        "organisation": organisation, "reports": organisation.annual_reports.all(),
        "can_generate": bool(roles & {Role.ADMIN, Role.STEWARD}),
        "can_opine": bool(roles & {Role.ETHICS_COMMITTEE, Role.ADMIN}), "year": timezone.localdate().year,
    })


FIRST_REPORT_YEAR = 2000


def _report_year(value):
    """Return the year typed for a report, or None unless it is one a report can cover."""
    value = str(value).strip()
    if not value.isdigit() or len(value) != 4:
        return None
    year = int(value)
    return year if FIRST_REPORT_YEAR <= year <= timezone.localdate().year + 1 else None


@require_POST
@login_required
def generate_report(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    if not _roles(request.user, organisation) & {Role.ADMIN, Role.STEWARD}:
        raise PermissionDenied("Seuls les référents et les administrateurs établissent le rapport.")
    year = _report_year(request.POST.get("year", ""))
    if year is None:
        messages.error(request, f"L'année doit être un nombre de {FIRST_REPORT_YEAR} à "
                                f"{timezone.localdate().year + 1} : aucun rapport n'est établi.")
        response = manage_reports(request, slug)
        response.status_code = 400
        return response
    report = reports.generate(organisation, year)
    report_pdf.request_pdf(report, request.user)
    messages.success(request, f"Le rapport {report.year} est établi ; il sera publié avec l'avis du comité éthique.")
    return redirect("public:manage_report", slug=slug, year=report.year)


@login_required
def manage_report(request, slug, year):
    report = get_object_or_404(AnnualReport.objects.select_related("organisation"), organisation__slug=slug,
                               year=year)
    roles = _roles(request.user, report.organisation)
    if not roles:
        raise PermissionDenied("Vous n'êtes pas membre de cette organisation.")
    context = {"report": report, "document": reports.render_html(report), "form": OpinionForm(instance=report),
               "can_opine": bool(roles & {Role.ETHICS_COMMITTEE, Role.ADMIN}), "version": version_of(report),
               "pdf": report_pdf.current_pdf(report), "pdf_job": report_pdf.pending_job(report)}
    if request.method == "POST":
        if not context["can_opine"]:
            raise PermissionDenied("Seul le comité éthique enregistre son avis sur le rapport.")

        def recorded(obj):
            obj.opinion_recorded_at, obj.opinion_recorded_by = timezone.now(), request.user

        result = save_edit_from_request(request, report, lambda data, files, obj: OpinionForm(data, instance=obj),
                                        before_save=recorded)
        if result.status == SAVED:
            report_pdf.request_pdf(result.obj, request.user)
        if result.status in (SAVED, UNCHANGED):
            messages.success(request, "L'avis du comité éthique est enregistré : le rapport est publié avec lui.")
            return redirect("public:manage_report", slug=slug, year=year)
        page, status = page_context(result)
        return render(request, "public/manage/report.html", {**context, **page}, status=status)
    return render(request, "public/manage/report.html", context)


def _member_report(request, slug, year):
    report = get_object_or_404(AnnualReport.objects.select_related("organisation"), organisation__slug=slug,
                               year=year)
    if not _roles(request.user, report.organisation):
        raise PermissionDenied("Vous n'êtes pas membre de cette organisation.")
    return report


@require_POST
@login_required
def make_report_pdf(request, slug, year):
    """Queue the printing of the report's PDF (members), then follow it on the job's page."""
    report = _member_report(request, slug, year)
    job = report_pdf.request_pdf(report, request.user)
    if job is None:
        messages.info(request, "Le PDF est déjà à jour.")
        return redirect("public:manage_report", slug=slug, year=year)
    return redirect(job)


@login_required
def manage_report_pdf(request, slug, year):
    """Download the stored PDF of a report, published or not, for the organisation's members."""
    report = _member_report(request, slug, year)
    stored = report_pdf.current_pdf(report)
    if stored is None:
        raise Http404("Le PDF de ce rapport n'est pas à jour : préparez-le depuis la page du rapport.")
    return _pdf_response(stored, report)
