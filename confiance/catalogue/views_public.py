"""The public, stable addresses of an organisation's open catalogue: DCAT-AP 3 (three syntaxes), SCDL CSV, pages."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render

from confiance.accounts.models import Organisation
from confiance.catalogue import publication

RDF_FORMATS = {"ttl": ("turtle", "text/turtle"), "rdf": ("xml", "application/rdf+xml"),
               "jsonld": ("json-ld", "application/ld+json")}


def index(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    rows, incomplete = publication.scdl_rows(organisation)
    page = Paginator(publication.open_datasets(organisation).only("pk", "title"), settings.PUBLIC_PAGE_SIZE)
    return render(request, "catalogue/public_index.html", {
        "organisation": organisation, "page": page.get_page(request.GET.get("page")), "formats": RDF_FORMATS,
        "scdl_count": len(rows), "incomplete": incomplete})


def catalogue_rdf(request, slug, fmt):
    organisation = get_object_or_404(Organisation, slug=slug)
    if fmt not in RDF_FORMATS:
        raise Http404
    syntax, media = RDF_FORMATS[fmt]
    data = publication.dcat_graph(organisation).serialize(format=syntax)
    response = HttpResponse(data, content_type=f"{media}; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    return response


def catalogue_scdl(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    rows, _ = publication.scdl_rows(organisation)
    response = HttpResponse(publication.scdl_csv(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="catalogue-{slug}.csv"'
    return response


def dataset(request, slug, pk):
    d = get_object_or_404(publication.open_datasets(get_object_or_404(Organisation, slug=slug)), pk=pk)
    return render(request, "catalogue/public_dataset.html", {"dataset": d, "organisation": d.organisation})
