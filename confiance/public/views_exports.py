"""Download the public register: CSV, JSON, JSON-LD, the standards, DCAT, and the schemas."""

import json

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render

from confiance.public import exports
from confiance.public.views import get_organisation
from confiance.rules import transparency_standards

CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json", "jsonld": "application/ld+json",
                 "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                 "ods": "application/vnd.oasis.opendocument.spreadsheet"}


def _json(data, content_type="application/json", filename=None):
    response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=1), content_type=content_type)
    response["Access-Control-Allow-Origin"] = "*"
    if filename:
        response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


FORMATS = {"csv": "CSV", "xlsx": "XLSX (Excel)", "ods": "ODS (LibreOffice)", "json": "JSON", "jsonld": "JSON-LD",
           "ttl": "Turtle (RDF)", "rdf": "RDF/XML"}


def open_data(request, slug):
    """The page that lists every export with its format and size, and explains each schema."""
    organisation = get_organisation(slug)
    files = [{"fmt": fmt, "format": FORMATS[fmt], "size": len(export(request, slug, fmt).content)}
             for fmt in ("csv", "xlsx", "ods", "json", "jsonld")]
    dcat_files = [{"fmt": fmt, "format": FORMATS[fmt], "size": len(dcat(request, slug, fmt).content)}
                  for fmt in ("ttl", "rdf")]
    standards = [(key, std, len(standard(request, slug, key).content))
                 for key, std in transparency_standards.STANDARDS.items()]
    return render(request, "public/open_data.html", {
        "organisation": organisation, "standards": standards, "files": files, "dcat_files": dcat_files,
        "nav": "data",
    })


def export(request, slug, fmt):
    organisation = get_organisation(slug)
    records = exports.records_for(organisation)
    name = f"registre-ia-{organisation.slug}.{fmt}"
    if fmt == "csv":
        response = HttpResponse(exports.register_csv(records), content_type=CONTENT_TYPES["csv"])
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    if fmt in ("xlsx", "ods"):
        response = HttpResponse(exports.register_spreadsheet(records, fmt), content_type=CONTENT_TYPES[fmt])
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    if fmt == "json":
        return _json(exports.register_json(organisation, records), filename=name)
    if fmt == "jsonld":
        return _json(exports.register_jsonld(organisation, records), CONTENT_TYPES["jsonld"], filename=name)
    raise Http404("Format inconnu.")


def standard(request, slug, key):
    if key not in transparency_standards.STANDARDS:
        raise Http404("Norme inconnue.")
    organisation = get_organisation(slug)
    return _json(exports.standard_export(key, organisation, exports.records_for(organisation)),
                 filename=f"{key}-{organisation.slug}.json")


def interconnectes(request, slug):
    """The public records as a CSV in Les Interconnectés' library format."""
    organisation = get_organisation(slug)
    response = HttpResponse(exports.interconnectes_csv(exports.records_for(organisation)),
                            content_type=CONTENT_TYPES["csv"])
    response["Content-Disposition"] = f'attachment; filename="interconnectes-{organisation.slug}.csv"'
    return response


def dcat(request, slug, fmt):
    graph = exports.dcat_graph(get_organisation(slug))
    if fmt == "ttl":
        return HttpResponse(graph.serialize(format="turtle"), content_type="text/turtle; charset=utf-8")
    return HttpResponse(graph.serialize(format="xml"), content_type="application/rdf+xml; charset=utf-8")


def schema(request, name):
    path = exports.SCHEMA_DIR / name
    if "/" in name or not name.endswith(".json") or not path.is_file():
        raise Http404("Schéma inconnu.")
    response = FileResponse(path.open("rb"), content_type="application/schema+json")
    response["Access-Control-Allow-Origin"] = "*"
    return response


