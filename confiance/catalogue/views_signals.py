"""The catalogue's dashboard: counts, the sprawl and risk signals, their CSV export, and a recount."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from confiance.accounts.models import Organisation
from confiance.accounts.permissions import Action, organisations_where, visible_datasets_filter
from confiance.catalogue import tasks
from confiance.catalogue.choices import Classification, ReviewStatus
from confiance.catalogue.models import Dataset, Signal
from confiance.catalogue.sprawl import KIND_LABELS, signals_csv
from confiance.core.forms import record_id
from confiance.jobs.runner import start


def _visible_signals(request):
    """Signals of the organisations whose catalogue the person reads (the datasets' rule)."""
    signals = Signal.objects.filter(visible_datasets_filter(request.user), resolved_at__isnull=True)
    if request.GET.get("kind"):
        signals = signals.filter(kind=request.GET["kind"])
    steward = record_id(request.GET.get("steward"))
    if steward is not None:
        signals = signals.filter(steward_id=steward)
    return signals.select_related("steward", "system").prefetch_related("datasets").order_by("kind", "pk")


@login_required
def dashboard(request):
    datasets = Dataset.objects.filter(visible_datasets_filter(request.user))
    counted = datasets.filter(review_status=ReviewStatus.ACCEPTED, withdrawn=False)
    labels = dict(Classification.choices)
    by_class = [(row["classification"], labels.get(row["classification"]), row["n"])
                for row in counted.values("classification").annotate(n=Count("pk")).order_by("-n")]
    signals = _visible_signals(request)
    by_kind = [(row["kind"], KIND_LABELS.get(row["kind"], row["kind"]), row["n"])
               for row in signals.values("kind").annotate(n=Count("pk")).order_by("kind")]
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "catalogue/dashboard.html", {
        "query": query.urlencode(),
        "nav": "catalogue", "total": counted.count(), "by_class": by_class, "by_kind": by_kind,
        "pending": datasets.filter(review_status=ReviewStatus.PENDING).count(),
        "page": Paginator(signals, 50).get_page(request.GET.get("page")), 
        "organisations": Organisation.objects.filter(pk__in=organisations_where(request.user, Action.CREATE)),
        "selected_label": KIND_LABELS.get(request.GET.get("kind", ""), ""),
    })


@login_required
def signals_export(request):
    response = HttpResponse(signals_csv(_visible_signals(request), request.build_absolute_uri("/").rstrip("/")),
                            content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="signaux-catalogue.csv"'
    return response


@require_POST
@login_required
def signals_refresh(request):
    chosen = record_id(request.POST.get("organisation"))  # a hidden field: anything but an id was tampered with
    org = Organisation.objects.filter(pk=chosen, pk__in=organisations_where(request.user, Action.CREATE)).first() \
        if chosen is not None else None
    if org is None:
        raise Http404
    return redirect(start(tasks.refresh, kind="catalogue.signals", label=f"Signaux du catalogue — {org.name}",
                          organisation=org, started_by=request.user, organisation_id=org.pk))
