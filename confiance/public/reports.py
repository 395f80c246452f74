"""The annual report on the use of AI: its figures, charts, HTML and PDF (WeasyPrint)."""

from django.db.models import Count, Sum
from django.template.loader import render_to_string
from django.utils import timezone

from confiance.checks.inputs import charter_for
from confiance.checks.models import CheckResult, TrainingEvent
from confiance.checks.organisation_laws import OrganisationLaws, law_counts
from confiance.public import review_bridge
from confiance.public.models import AnnualReport, ExplanationRequest, PublicVersion
from confiance.public.records import LABELS, left_draft_q, public_systems
from confiance.register.models import AISystem
from confiance.rules import transparency, transparency_charts
from confiance.rules.ai_act import RiskClass

RISK_LABELS = {c.value: c.label for c in RiskClass}


def _counts(queryset, field, labels):
    return [[labels.get(r[field], r[field] or "non calculée"), r["n"]]
            for r in queryset.values(field).annotate(n=Count("pk")).order_by("-n")]


def compute_figures(organisation, year):
    """Return the report's figures for `year` as a JSON-serialisable dict."""
    systems = AISystem.objects.filter(organisation=organisation).filter(left_draft_q())
    public = public_systems(organisation)
    results = CheckResult.objects.filter(system__in=systems.values("pk"))
    requests = ExplanationRequest.objects.filter(system__organisation=organisation, received_at__year=year)
    today = timezone.localdate()
    delays, overdue = [], 0
    for item in requests.only("received_at", "answered_at", "due_on"):
        if item.answered_at:
            delays.append(transparency.answer_delay_days(timezone.localdate(item.received_at),
                                                         timezone.localdate(item.answered_at)))
        elif item.deadline(today).overdue:
            overdue += 1
    first_versions = PublicVersion.objects.filter(system__organisation=organisation, number=1, published_at__year=year)
    trainings = TrainingEvent.objects.filter(organisation=organisation, held_on__year=year)
    organisation_laws = OrganisationLaws(year)
    laws = law_counts(public, organisation_laws)  # laws 7 to 9 read on the organisation, as on each record (0020)
    charter = charter_for(organisation)
    org_eval = organisation_laws.evaluation(organisation)
    carbon = [r.report.get("state", {}).get("carbon_estimate_kg") for r in results.only("report")]
    carbon = [c for c in carbon if c is not None]
    return {
        "year": year,
        "organisation": organisation.name,
        "systems_total": systems.count(),
        "systems_by_status": _counts(systems, "status", LABELS["status"]),
        "systems_by_domain": _counts(systems, "domain", LABELS["domain"]),
        "systems_by_risk": _counts(results, "risk_class", RISK_LABELS),
        "new_public": first_versions.count(),
        "retired": systems.filter(status="retired", status_changed_at__year=year).count(),
        "review": review_bridge.review_figures(organisation, year),
        "requests": {
            "received": requests.count(),
            "explanations": requests.filter(kind="explanation").count(),
            "error_reports": requests.filter(kind="error_report").count(),
            "answered": len(delays),
            "open_overdue": overdue,
            "average_delay_days": round(sum(delays) / len(delays), 1) if delays else None,
            "max_delay_days": max(delays) if delays else None,
        },
        "carbon": {"total_kg": round(sum(carbon), 1), "systems_with_estimate": len(carbon),
                   "systems_total": systems.count()},
        "training": {
            "agents_events": trainings.filter(audience="agents").count(),
            "agents_participants": trainings.filter(audience="agents").aggregate(n=Sum("participants"))["n"] or 0,
            "citizen_events": trainings.filter(audience="citizens").count(),
            "citizen_participants": trainings.filter(audience="citizens").aggregate(
                n=Sum("participants"))["n"] or 0,
        },
        "laws": [[p.number, p.title, laws.get(p.number, {})] for p in charter.principles],
        "organisation_laws": [
            {"number": o.number, "title": o.title, "outcome": str(o.outcome), "outcome_label": o.outcome.label,
             "reasons": [r.text for r in o.reasons]} for o in org_eval.outcomes
        ],
    }


def generate(organisation, year):
    """Compute the figures and store them; an opinion already recorded stays, with its date."""
    report, _ = AnnualReport.objects.update_or_create(
        organisation=organisation, year=year,
        defaults={"figures": compute_figures(organisation, year), "generated_at": timezone.now()},
    )
    return report


def charts(figures):
    """Return the report's SVG charts, drawn from its stored figures."""
    c = transparency_charts
    out = {
        "status": c.bar_chart("Systèmes par statut", figures["systems_by_status"]),
        "domain": c.bar_chart("Systèmes par domaine", figures["systems_by_domain"]),
        "risk": c.bar_chart("Systèmes par classe de risque (règlement sur l'IA)", figures["systems_by_risk"]),
        "requests": c.bar_chart("Demandes reçues", [
            ["Demandes d'explication", figures["requests"]["explanations"]],
            ["Signalements d'erreur", figures["requests"]["error_reports"]],
            ["Répondues", figures["requests"]["answered"]],
            ["En retard, sans réponse", figures["requests"]["open_overdue"]],
        ]),
        "training": c.bar_chart("Formations de l'année (participants)", [
            ["Agents", figures["training"]["agents_participants"]],
            ["Habitants", figures["training"]["citizen_participants"]],
        ]),
        "carbon": c.bar_chart("Empreinte carbone estimée", [
            ["Total (kg CO₂e par an)", figures["carbon"]["total_kg"]]]),
        "laws": c.stacked_outcomes("Les lois, système par système", [
            [f"{n}. {t}", counts] for n, t, counts in figures["laws"] if counts]),
    }
    review = figures.get("review")
    if review:
        out["review"] = c.bar_chart("Instruction des projets", [
            ["Saisines des comités", review["referrals"]], ["Avis rendus", review["opinions"]],
            ["Décisions", review["decisions"]]])
    return out


def render_html(report, standalone=False):
    return render_to_string("public/report_document.html", {
        "report": report, "figures": report.figures, "charts": charts(report.figures), "standalone": standalone,
    })


def render_pdf(report):
    """Return the PDF bytes of the report; fonts are the system's, nothing is fetched."""
    from weasyprint import HTML

    return HTML(string=render_html(report, standalone=True), base_url=None).write_pdf()
