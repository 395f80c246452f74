"""The public site: home, list, system page, versions, the 10 laws dashboard, accessibility statement.

No login, no JavaScript, nothing from another host. Pages read the register
only through confiance.public.records, which applies the public whitelist.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from confiance.accounts.models import Organisation
from confiance.checks.inputs import charter_for, organisation_facts
from confiance.checks.models import LawOutcome
from confiance.checks.organisation_laws import record_outcomes
from confiance.public.cache import cached_public_page
from confiance.public.forms import PublicFilterForm
from confiance.public.models import ExplanationRequest, PublicVersion
from confiance.public.records import LABELS, public_record, public_systems
from confiance.register.search import query_filter
from confiance.rules import transparency_charts
from confiance.rules.charter import evaluate_organisation, organisation_principle_numbers


def get_organisation(slug):
    return get_object_or_404(Organisation, slug=slug)


def get_public_system(slug, pk):
    """Return the record if it is public in this organisation; 404 otherwise (drafts stay invisible)."""
    system = public_systems().select_related("organisation", "service").filter(organisation__slug=slug, pk=pk).first()
    if system is None:
        raise Http404("Aucun système d'IA public ne correspond.")
    return system


def index(request):
    """List the organisations that publish something; go straight to the only one."""
    organisations = Organisation.objects.filter(ai_systems__in=public_systems()).annotate(
        n=Count("ai_systems")).order_by("name")
    if len(organisations) == 1:
        return redirect("public:home", slug=organisations[0].slug)
    return render(request, "public/index.html", {"organisations": organisations})


def home(request, slug):
    organisation = get_organisation(slug)
    systems = public_systems(organisation)
    by_status = {row["status"]: row["n"] for row in systems.values("status").annotate(n=Count("pk"))}
    by_domain = [(LABELS["domain"].get(r["domain"], r["domain"]), r["n"])
                 for r in systems.values("domain").annotate(n=Count("pk")).order_by("-n")]
    year = timezone.localdate().year
    requests = ExplanationRequest.objects.filter(system__organisation=organisation, received_at__year=year)
    return render(request, "public/home.html", {
        "organisation": organisation, "profile": getattr(organisation, "public_profile", None),
        "total": sum(by_status.values()), "by_status": by_status, "year": year,
        "domain_chart": transparency_charts.bar_chart("Systèmes d'IA par domaine", by_domain),
        "requests_received": requests.count(),
        "requests_answered": requests.filter(answered_at__isnull=False).count(),
        "laws": charter_for(organisation).principles, "nav": "home",
    })


@cached_public_page
def system_list(request, slug):
    organisation = get_organisation(slug)
    form = PublicFilterForm(request.GET or None, organisation=organisation)
    systems = public_systems(organisation).select_related("service", "check_result").only(
        "name", "public_summary", "status", "domain", "service__name", "check_result__risk_class")
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            systems = systems.filter(query_filter(data["q"]))
        for name in ("domain", "status"):
            if data[name]:
                systems = systems.filter(**{name: data[name]})
        if data["risk_class"]:
            systems = systems.filter(check_result__risk_class=data["risk_class"])
        if data["service"]:
            systems = systems.filter(service=data["service"])
    page = Paginator(systems.order_by("name", "pk"), settings.PUBLIC_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "public/list.html", {
        "organisation": organisation, "form": form, "page": page, "query": query.urlencode(),
        "labels": LABELS, "nav": "list",
    })


@cached_public_page
def system_detail(request, slug, pk):
    system = get_public_system(slug, pk)
    record = public_record(system)
    record["laws"] = record_outcomes(system, record["laws"])  # laws 7 to 9 as the organisation stands (0020)
    last = system.public_versions.order_by("-number").first()
    return render(request, "public/system.html", {
        "organisation": system.organisation, "record": record, "last_version": last, "nav": "list",
    })


def system_json(request, slug, pk):
    """The system's public record as JSON (the same whitelist as the page)."""
    record = public_record(get_public_system(slug, pk))
    return JsonResponse(record, json_dumps_params={"ensure_ascii": False, "indent": 1})


def system_versions(request, slug, pk):
    system = get_public_system(slug, pk)
    versions = system.public_versions.only("number", "published_at", "system_id")
    return render(request, "public/versions.html", {
        "organisation": system.organisation, "system": system, "versions": versions, "nav": "list",
    })


def system_version(request, slug, pk, number):
    system = get_public_system(slug, pk)
    version = get_object_or_404(PublicVersion, system=system, number=number)
    return render(request, "public/version.html", {
        "organisation": system.organisation, "system": system, "version": version, "record": version.content,
        "nav": "list",
    })


def laws_dashboard(request, slug):
    """For each law: the organisation's indicator and the systems with something to do."""
    organisation = get_organisation(slug)
    charter = charter_for(organisation)
    public_ids = public_systems(organisation).values("pk")
    outcomes = LawOutcome.objects.filter(system__in=public_ids)
    counts = {}
    for row in outcomes.values("number", "outcome").annotate(n=Count("pk")):
        counts.setdefault(row["number"], {})[row["outcome"]] = row["n"]
    todo = {}
    for row in outcomes.filter(outcome__in=["to_do", "violated"]).values("number", "system_id", "system__name"):
        todo.setdefault(row["number"], []).append(row)
    year = timezone.localdate().year
    evaluation = evaluate_organisation(charter, organisation_facts(organisation, year))
    org_eval = {o.number: o for o in evaluation.outcomes}
    exemplary = all_laws_met(organisation, charter, evaluation, outcomes)
    laws = [{
        "principle": p, "counts": counts.get(p.number, {}), "todo": todo.get(p.number, []),
        "organisation_outcome": org_eval.get(p.number),
    } for p in charter.principles]
    chart = transparency_charts.stacked_outcomes(
        "État des lois pour les systèmes publiés",
        [(f"{p.number}. {p.title}", counts.get(p.number, {})) for p in charter.principles if p.number not in org_eval],
    )
    return render(request, "public/laws.html", {
        "organisation": organisation, "charter": charter, "laws": laws, "chart": chart, "year": year, "nav": "laws",
        "all_met": exemplary,
    })


def accessibility(request):
    return render(request, "public/accessibility.html", {
        "contact": settings.PUBLIC_CONTACT_EMAIL, "audit_date": settings.ACCESSIBILITY_AUDIT_DATE,
    })


def all_laws_met(organisation, charter, evaluation, outcomes):
    """Return the published systems whose every principle is met, laws 7 to 9 read on the organisation (0020)."""
    if not charter.principles:
        return []
    organisation_met = {o.number for o in evaluation.outcomes if str(o.outcome) == "met"}
    if organisation_principle_numbers(charter) - organisation_met:
        return []
    needed = {p.number for p in charter.principles} - organisation_principle_numbers(charter)
    met = {}
    for row in outcomes.filter(outcome="met", number__in=needed).values("system_id", "system__name", "number"):
        met.setdefault((row["system_id"], row["system__name"]), set()).add(row["number"])
    return sorted(({"system_id": pk, "name": name} for (pk, name), numbers in met.items() if numbers == needed),
                  key=lambda s: s["name"])

