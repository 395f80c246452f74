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
from confiance.checks.inputs import charter_for
from confiance.checks.organisation_laws import OrganisationLaws, law_outcomes_by_system
from confiance.public.cache import cached_public_page
from confiance.public.forms import PublicFilterForm
from confiance.public.models import ExplanationRequest, PublicVersion
from confiance.public.records import LABELS, public_record, public_systems
from confiance.register.search import query_filter
from confiance.rules import transparency_charts
from confiance.rules.charter import meets_every_principle


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
    data = form.applied()
    if data.get("q"):
        systems = systems.filter(query_filter(data["q"]))
    for name in ("domain", "status"):
        if data.get(name):
            systems = systems.filter(**{name: data[name]})
    if data.get("risk_class"):
        systems = systems.filter(check_result__risk_class=data["risk_class"])
    if data.get("service"):
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
    record = public_record(system)  # laws 7 to 9 read as the organisation stands (0020)
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
    laws_reader = OrganisationLaws()
    systems = public_systems(organisation)
    read = law_outcomes_by_system(systems, laws_reader)  # laws 7 to 9 read on the organisation (0020)
    names = dict(systems.filter(pk__in=read).values_list("pk", "name"))
    counts, todo = {}, {}
    for system_id, outcomes in read.items():
        for number, outcome in outcomes.items():
            counts.setdefault(number, {}).setdefault(outcome, 0)
            counts[number][outcome] += 1
            if outcome in ("to_do", "violated"):
                todo.setdefault(number, []).append({"system_id": system_id, "system__name": names[system_id]})
    for rows in todo.values():
        rows.sort(key=lambda row: row["system__name"])
    evaluation = laws_reader.evaluation(organisation)
    org_eval = {o.number: o for o in evaluation.outcomes}
    laws = [{
        "principle": p, "counts": counts.get(p.number, {}), "todo": todo.get(p.number, []),
        "organisation_outcome": org_eval.get(p.number),
    } for p in charter.principles]
    chart = transparency_charts.stacked_outcomes(
        "État des lois pour les systèmes publiés",
        [(f"{p.number}. {p.title}", counts.get(p.number, {})) for p in charter.principles if p.number not in org_eval],
    )
    return render(request, "public/laws.html", {
        "organisation": organisation, "charter": charter, "laws": laws, "chart": chart,
        "year": laws_reader.year, "nav": "laws", "all_met": all_laws_met(charter, read, names),
    })


def accessibility(request):
    return render(request, "public/accessibility.html", {
        "contact": settings.PUBLIC_CONTACT_EMAIL, "audit_date": settings.ACCESSIBILITY_AUDIT_DATE,
    })


def all_laws_met(charter, read, names):
    """Return the published systems whose every principle reads met, laws 7 to 9 read on the organisation (0020).

    `read` is {system id: {number: outcome}} (checks.organisation_laws.law_outcomes_by_system).
    """
    numbers = [p.number for p in charter.principles]
    met = [{"system_id": pk, "name": names[pk]} for pk, outcomes in read.items()
           if meets_every_principle([{"outcome": outcomes.get(n, "")} for n in numbers])]
    return sorted(met, key=lambda s: s["name"])
