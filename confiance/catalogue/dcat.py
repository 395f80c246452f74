"""DCAT-AP 3 both ways: the open datasets of an organisation as a graph, and any DCAT document read back.

Writing follows the DCAT-AP 3.0.0 application profile (SEMIC, 2023) so that data.gouv.fr's
DCAT harvester, CKAN (ckanext-dcat) and Opendatasoft can harvest it; the tests validate
it against the profile's SHACL shapes. Values that have an EU controlled vocabulary use
it (frequencies, file types, languages); the licences are Etalab's and the ODbL's IRIs.

Reading accepts what CKAN, udata and Opendatasoft write (Turtle, RDF/XML, JSON-LD,
N-Triples; hydra paging; licences and formats on the dataset or on its distributions;
strings or IRIs where the profile wants IRIs) and returns plain dicts, one per dataset,
with the catalogue's field names (`parse_catalogue`).
"""

import hashlib
import json
from datetime import date, datetime

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, RDFS, SKOS, XSD

from confiance.catalogue.choices import Frequency, Licence

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
HYDRA = Namespace("http://www.w3.org/ns/hydra/core#")
SCHEMA = Namespace("http://schema.org/")
EU_FREQUENCY = "http://publications.europa.eu/resource/authority/frequency/"
EU_FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
EU_LANGUAGE_FRA = URIRef("http://publications.europa.eu/resource/authority/language/FRA")

FREQUENCY_IRIS = {
    Frequency.CONTINUOUS: "UPDATE_CONT", Frequency.HOURLY: "HOURLY", Frequency.DAILY: "DAILY",
    Frequency.WEEKLY: "WEEKLY", Frequency.MONTHLY: "MONTHLY", Frequency.BIMONTHLY: "BIMONTHLY",
    Frequency.QUARTERLY: "QUARTERLY", Frequency.SEMIANNUAL: "ANNUAL_2", Frequency.ANNUAL: "ANNUAL",
    Frequency.BIENNIAL: "BIENNIAL", Frequency.TRIENNIAL: "TRIENNIAL", Frequency.QUINQUENNIAL: "QUINQUENNIAL",
    Frequency.IRREGULAR: "IRREG", Frequency.PUNCTUAL: "NEVER", Frequency.UNKNOWN: "UNKNOWN",
}
# What portals write instead: the EU codes, older Dublin Core collection terms, udata's and ODS's words.
FREQUENCY_WORDS = {code.lower(): value for value, code in FREQUENCY_IRIS.items()} | {
    "continuous": Frequency.CONTINUOUS, "cont": Frequency.CONTINUOUS, "daily": Frequency.DAILY,
    "weekly": Frequency.WEEKLY, "monthly": Frequency.MONTHLY, "quarterly": Frequency.QUARTERLY,
    "semiannual": Frequency.SEMIANNUAL, "biannual": Frequency.SEMIANNUAL, "annual": Frequency.ANNUAL,
    "yearly": Frequency.ANNUAL, "irregular": Frequency.IRREGULAR, "punctual": Frequency.PUNCTUAL,
    "never": Frequency.PUNCTUAL, "unknown": Frequency.UNKNOWN, "hourly": Frequency.HOURLY,
    "bimonthly": Frequency.BIMONTHLY, "biennial": Frequency.BIENNIAL, "triennial": Frequency.TRIENNIAL,
    "quinquennial": Frequency.QUINQUENNIAL, "threeTimesAYear": Frequency.QUARTERLY,
}
LICENCE_IRIS = {
    Licence.LO_2: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
    Licence.ODBL: "https://opendatacommons.org/licenses/odbl/1-0/",
}
LICENCE_HINTS = (  # (substring of a folded IRI or label, licence)
    ("etalab", Licence.LO_2), ("licence-ouverte", Licence.LO_2), ("licence ouverte", Licence.LO_2),
    ("open licence", Licence.LO_2), ("lov2", Licence.LO_2), ("fr-lo", Licence.LO_2),
    ("odbl", Licence.ODBL), ("open database", Licence.ODBL),
)
MEDIA_TYPES = {"csv": "text/csv", "json": "application/json", "geojson": "application/geo+json",
               "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "pdf": "application/pdf",
               "zip": "application/zip", "xml": "application/xml", "shp": "application/zip"}


def _date(value):
    return Literal(value.isoformat(), datatype=XSD.date)


def catalogue_graph(organisation, datasets, *, catalogue_uri, home_url, dataset_uri, title, description):
    """Return the DCAT-AP 3 graph of `datasets` (already filtered to what may be published).

    `dataset_uri(dataset)` gives each dataset's stable IRI.
    """
    g = Graph()
    for prefix, ns in (("dcat", DCAT), ("dct", DCTERMS), ("foaf", FOAF), ("skos", SKOS), ("vcard", VCARD)):
        g.bind(prefix, ns)
    catalog = URIRef(catalogue_uri)
    publisher = URIRef(f"{catalogue_uri}#publisher")
    g.add((catalog, RDF.type, DCAT.Catalog))
    g.add((catalog, DCTERMS.title, Literal(title, lang="fr")))
    g.add((catalog, DCTERMS.description, Literal(description, lang="fr")))
    g.add((catalog, DCTERMS.publisher, publisher))
    g.add((catalog, FOAF.homepage, URIRef(home_url)))
    g.add((URIRef(home_url), RDF.type, FOAF.Document))
    g.add((catalog, DCTERMS.language, EU_LANGUAGE_FRA))
    g.add((EU_LANGUAGE_FRA, RDF.type, DCTERMS.LinguisticSystem))
    g.add((publisher, RDF.type, FOAF.Agent))
    g.add((publisher, RDF.type, FOAF.Organization))
    g.add((publisher, FOAF.name, Literal(organisation.name)))
    if organisation.website:
        g.add((publisher, FOAF.homepage, URIRef(organisation.website)))
        g.add((URIRef(organisation.website), RDF.type, FOAF.Document))
    for dataset in datasets:
        _add_dataset(g, catalog, publisher, dataset, URIRef(dataset_uri(dataset)), catalogue_uri)
    return g


def _add_dataset(g, catalog, publisher, d, node, catalogue_uri):
    g.add((catalog, DCAT.dataset, node))
    g.add((node, RDF.type, DCAT.Dataset))
    g.add((node, DCTERMS.title, Literal(d.title, lang="fr")))
    g.add((node, DCTERMS.description, Literal(d.description or d.title, lang="fr")))
    g.add((node, DCTERMS.identifier, Literal(d.identifier or str(d.pk))))
    g.add((node, DCTERMS.publisher, publisher))
    for word in (w.strip() for w in d.keywords.split(",")):
        if word:
            g.add((node, DCAT.keyword, Literal(word, lang="fr")))
    if d.theme:
        theme = URIRef(f"{catalogue_uri}#theme-{hashlib.sha1(d.theme.encode()).hexdigest()[:12]}")
        g.add((node, DCAT.theme, theme))
        g.add((theme, RDF.type, SKOS.Concept))
        g.add((theme, SKOS.prefLabel, Literal(d.theme, lang="fr")))
    if d.frequency:
        freq = URIRef(EU_FREQUENCY + FREQUENCY_IRIS.get(d.frequency, "UNKNOWN"))
        g.add((node, DCTERMS.accrualPeriodicity, freq))
        g.add((freq, RDF.type, DCTERMS.Frequency))
    if d.issued:
        g.add((node, DCTERMS.issued, _date(d.issued)))
    if d.last_updated:
        g.add((node, DCTERMS.modified, _date(d.last_updated)))
    if d.temporal_start or d.temporal_end:
        period = URIRef(f"{node}#periode")
        g.add((node, DCTERMS.temporal, period))
        g.add((period, RDF.type, DCTERMS.PeriodOfTime))
        if d.temporal_start:
            g.add((period, DCAT.startDate, _date(d.temporal_start)))
        if d.temporal_end:
            g.add((period, DCAT.endDate, _date(d.temporal_end)))
    if d.landing_page:
        g.add((node, DCAT.landingPage, URIRef(d.landing_page)))
        g.add((URIRef(d.landing_page), RDF.type, FOAF.Document))
    if d.schema_url:
        g.add((node, DCTERMS.conformsTo, URIRef(d.schema_url)))
        g.add((URIRef(d.schema_url), RDF.type, DCTERMS.Standard))
    licence = _licence_node(g, d, node)
    for i, dist in enumerate(d.distributions or []):
        _add_distribution(g, node, i, dist, licence)


def _licence_node(g, d, node):
    if not d.licence:
        return None
    if d.licence in LICENCE_IRIS:
        licence = URIRef(LICENCE_IRIS[d.licence])
    else:
        licence = URIRef(f"{node}#licence")
        g.add((licence, RDFS.label, Literal(d.licence_other)))
    g.add((licence, RDF.type, DCTERMS.LicenseDocument))
    g.add((node, DCTERMS.license, licence))  # not in the profile for a dataset, but what ODS and udata read
    return licence


def _add_distribution(g, node, i, dist, licence):
    url = (dist.get("url") or "").strip()
    if not url:
        return
    dnode = URIRef(f"{node}#ressource-{i + 1}")
    g.add((node, DCAT.distribution, dnode))
    g.add((dnode, RDF.type, DCAT.Distribution))
    g.add((dnode, DCAT.accessURL, URIRef(url)))
    g.add((dnode, DCAT.downloadURL, URIRef(url)))
    g.add((URIRef(url), RDF.type, RDFS.Resource))  # the shapes check the class without RDFS inference
    if dist.get("title"):
        g.add((dnode, DCTERMS.title, Literal(dist["title"], lang="fr")))
    fmt = (dist.get("format") or "").strip().lower()
    if fmt:
        ftype = URIRef(EU_FILE_TYPE + fmt.upper())
        g.add((dnode, DCTERMS.format, ftype))
        g.add((ftype, RDF.type, DCTERMS.MediaTypeOrExtent))
        if fmt in MEDIA_TYPES:
            media = URIRef(f"https://www.iana.org/assignments/media-types/{MEDIA_TYPES[fmt]}")
            g.add((dnode, DCAT.mediaType, media))
            g.add((media, RDF.type, DCTERMS.MediaType))
    if licence is not None:
        g.add((dnode, DCTERMS.license, licence))


# ---------------------------------------------------------------------------------------------- reading


class DcatError(ValueError):
    """The document cannot be read as DCAT; the message is French and says why."""


FORMATS = {"turtle": "turtle", "xml": "xml", "json-ld": "json-ld", "nt": "nt"}


def guess_format(data, content_type="", name=""):
    """Return the rdflib format of a document from its media type, its name, or its first bytes."""
    content_type, name = (content_type or "").lower(), (name or "").lower()
    for hint, fmt in (("turtle", "turtle"), ("n-triples", "nt"), ("rdf+xml", "xml"), ("ld+json", "json-ld")):
        if hint in content_type:
            return fmt
    for ext, fmt in ((".ttl", "turtle"), (".nt", "nt"), (".rdf", "xml"), (".xml", "xml"), (".jsonld", "json-ld"),
                     (".json", "json-ld")):
        if name.endswith(ext):
            return fmt
    head = data[:2000].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<?xml") or head.startswith(b"<rdf:RDF") or head.startswith(b"<"):
        return "turtle" if head.startswith(b"<http") else "xml"
    if head.startswith(b"{") or head.startswith(b"["):
        return "json-ld"
    return "turtle"


def parse_graph(data, fmt):
    """Return an rdflib Graph of `data` (bytes), or raise DcatError with a French message."""
    if fmt != "xml":  # XML declares its own encoding; the others are UTF-8 by their specifications
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise DcatError("Le document n'est pas encodé en UTF-8 : enregistrez-le en UTF-8 et recommencez.") from None
    g = Graph()
    try:
        if fmt == "xml":
            g.parse(data=data, format="xml")
        elif fmt == "json-ld":
            json.loads(text)  # a clearer message than the JSON-LD parser's for plain garbage
            g.parse(data=text, format="json-ld")
        else:
            g.parse(data=text, format=fmt)
    except DcatError:
        raise
    except Exception as exc:  # noqa: BLE001 - every parser error becomes one French message
        detail = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        raise DcatError(f"Le document n'est pas du RDF lisible ({fmt}) : {detail}") from None
    return g


def _text(g, node, prop):
    """Return the French value of a literal property, else the untagged one, else any; "" when absent."""
    best = {}
    for value in g.objects(node, prop):
        if isinstance(value, Literal):
            best.setdefault(value.language or "", str(value))
        elif isinstance(value, URIRef):
            best.setdefault("iri", str(value))
    for lang in ("fr", "", "en"):
        if lang in best:
            return best[lang].strip()
    return next(iter(best.values()), "").strip()


def _date_of(g, node, prop):
    for value in g.objects(node, prop):
        text = str(value).strip()[:10]
        try:
            return date.fromisoformat(text)
        except ValueError:
            try:
                return datetime.fromisoformat(str(value)).date()
            except ValueError:
                continue
    return None


def _frequency(g, node):
    for value in g.objects(node, DCTERMS.accrualPeriodicity):
        text = str(value).rstrip("/")
        code = text.rsplit("/", 1)[-1].rsplit("#", 1)[-1]
        if code.lower() in FREQUENCY_WORDS:
            return str(FREQUENCY_WORDS[code.lower()])
        if isinstance(value, BNode):  # udata: a blank node with rdfs:label, or a dct:Frequency with rdf:value
            label = _text(g, value, RDFS.label) or _text(g, value, RDF.value)
            if label.lower() in FREQUENCY_WORDS:
                return str(FREQUENCY_WORDS[label.lower()])
    return Frequency.UNKNOWN.value


def _licence(g, nodes):
    for node in nodes:
        for value in g.objects(node, DCTERMS.license):
            label = (_text(g, value, RDFS.label) or _text(g, value, DCTERMS.title)) if not isinstance(value, Literal) else ""
            folded = f"{value} {label}".lower()
            for hint, licence in LICENCE_HINTS:
                if hint in folded:
                    return licence.value, ""
            return Licence.OTHER.value, (label or str(value))[:200]
    return "", ""


def _format(g, dist):
    for prop in (DCTERMS.format, DCAT.mediaType):
        for value in g.objects(dist, prop):
            text = str(value).strip()
            if isinstance(value, BNode):
                text = _text(g, value, RDFS.label) or _text(g, value, RDF.value)
            code = text.rstrip("/").rsplit("/", 1)[-1].lower()
            return {"vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx", "geo+json": "geojson",
                    "ld+json": "jsonld"}.get(code, code)[:30]
    return ""


def _distributions(g, node):
    result = []
    for dist in g.objects(node, DCAT.distribution):
        url = next((str(v) for p in (DCAT.downloadURL, DCAT.accessURL) for v in g.objects(dist, p)), "")
        if not url:
            continue
        result.append({"url": url, "format": _format(g, dist), "title": _text(g, dist, DCTERMS.title)})
    return sorted(result, key=lambda d: (d["url"], d["format"], d["title"]))


def _theme(g, node):
    """Return one theme label (the first in alphabetical order, so that a re-read gives the same)."""
    labels = sorted(filter(None, (_text(g, v, SKOS.prefLabel) if not isinstance(v, Literal) else str(v).strip()
                                  for v in g.objects(node, DCAT.theme))))
    return labels[0][:140] if labels else ""


def _keywords(g, node):
    words = {str(v).strip() for v in g.objects(node, DCAT.keyword) if str(v).strip()}
    return ", ".join(sorted(words))


def dataset_record(g, node):
    """Return one dataset of the graph as the catalogue's fields (only what DCAT carries)."""
    temporal = next(iter(g.objects(node, DCTERMS.temporal)), None)
    start = _date_of(g, temporal, DCAT.startDate) or _date_of(g, temporal, SCHEMA.startDate) if temporal else None
    end = _date_of(g, temporal, DCAT.endDate) or _date_of(g, temporal, SCHEMA.endDate) if temporal else None
    distributions = _distributions(g, node)
    licence, licence_other = _licence(g, [node, *g.objects(node, DCAT.distribution)])
    landing = next((str(v) for v in g.objects(node, DCAT.landingPage)), "")
    schema = next((str(v) for v in g.objects(node, DCTERMS.conformsTo) if isinstance(v, URIRef)), "")
    title = _text(g, node, DCTERMS.title)
    record = {
        "uri": str(node) if isinstance(node, URIRef) else "",
        "identifier": _text(g, node, DCTERMS.identifier)[:300],
        "title": title[:300],
        "description": _text(g, node, DCTERMS.description),
        "keywords": _keywords(g, node)[:500],
        "theme": _theme(g, node),
        "frequency": _frequency(g, node),
        "issued": _date_of(g, node, DCTERMS.issued),
        "last_updated": _date_of(g, node, DCTERMS.modified),
        "temporal_start": start,
        "temporal_end": end,
        "licence": licence,
        "licence_other": licence_other,
        "landing_page": landing[:500],
        "schema_url": schema[:500],
        "distributions": distributions,
    }
    if not record["uri"]:
        record["uri"] = f"urn:dcat:identifier:{record['identifier']}" if record["identifier"] else ""
    return record


def record_hash(record):
    """Return a stable digest of a parsed dataset: two harvests of an unchanged dataset give the same one."""
    payload = json.dumps(record, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


def next_page(g):
    """Return the hydra next page announced by the document (CKAN: nextPage; udata: next), or None."""
    for prop in (HYDRA.nextPage, HYDRA.next):
        for value in g.objects(None, prop):
            return str(value)
    return None


def parse_catalogue(g, progress=None, allow_empty=False):
    """Return the datasets of graph `g` as a list of records; raise DcatError when there is none to read
    (unless `allow_empty`: a later page of a paged catalogue may be empty)."""
    nodes = list(g.subjects(RDF.type, DCAT.Dataset))
    if not nodes and allow_empty:
        return []
    if not nodes:
        raise DcatError("Le document ne décrit aucun jeu de données DCAT (dcat:Dataset).")
    records = []
    for i, node in enumerate(nodes, 1):
        record = dataset_record(g, node)
        if not record["title"] or not record["uri"]:
            continue  # a dataset with neither title nor identity cannot be reviewed; counted as skipped
        records.append(record)
        if progress and i % 1000 == 0:
            progress(i, len(nodes))
    if not records and not allow_empty:
        raise DcatError("Aucun jeu de données du document n'a de titre et d'identifiant : rien à importer.")
    return records
