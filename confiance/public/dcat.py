"""The register's DCAT catalogue, conforming to DCAT-AP 3.0.0 (issue #17).

The catalogue holds the register as one dataset with its distributions (CSV,
JSON, JSON-LD, and each standard's JSON), and each public record's JSON
document as a dataset of its own. Controlled values are IRIs from
confiance.rules.dcat_vocabulary (EU file types, IANA media types, EU languages,
licences and data themes), every node is typed as the SHACL shapes expect
(`foaf:Agent` publishers, `vcard:Kind` contact points, `dct:LicenseDocument`,
`dct:LinguisticSystem`, `dct:MediaType`, `dct:MediaTypeOrExtent`,
`skos:Concept` in a `skos:ConceptScheme`). tests/data/dcat-ap-3.0.0-SHACL.ttl
checks it in the tests.
"""

from django.urls import reverse
from django.utils import timezone
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, RDFS, SKOS, XSD

from confiance.public.records import absolute
from confiance.rules import dcat_vocabulary as vocabulary
from confiance.rules import transparency_standards
from confiance.rules.publication_standards import to_dcat

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
REGISTER_SCHEMA = "register-v1.schema.json"


def _typed(g, iri, cls, label=None):
    """Add `iri` typed `cls` (with an optional label) and return it as a URIRef."""
    node = URIRef(iri)
    g.add((node, RDF.type, URIRef(cls)))
    if label:
        g.add((node, DCTERMS.title if cls == vocabulary.LICENCE_CLASS else SKOS.prefLabel, Literal(label, lang="fr")))
    return node


def _theme(g, iri):
    node = _typed(g, iri, vocabulary.CONCEPT_CLASS, vocabulary.theme_label(iri))
    g.add((node, SKOS.inScheme, URIRef(vocabulary.DATA_THEME[:-1])))
    return node


def _agent(g, iri, name):
    node = URIRef(iri)
    g.add((node, RDF.type, FOAF.Agent))
    g.add((node, RDF.type, FOAF.Organization))
    g.add((node, FOAF.name, Literal(name)))
    return node


def _contact(g, iri, email, name):
    node = URIRef(iri)
    g.add((node, RDF.type, VCARD.Kind))
    g.add((node, VCARD.fn, Literal(name)))
    g.add((node, VCARD.hasEmail, URIRef(f"mailto:{email}")))
    return node


def _distribution(g, iri, title, url, fmt, licence, conforms_to=None):
    node = URIRef(iri)
    g.add((node, RDF.type, DCAT.Distribution))
    g.add((node, DCTERMS.title, Literal(title, lang="fr")))
    # The shapes check the class of these values without inference: type them.
    g.add((node, DCAT.accessURL, _typed(g, url, str(RDFS.Resource))))
    g.add((node, DCAT.downloadURL, URIRef(url)))
    g.add((node, DCAT.mediaType, _typed(g, vocabulary.media_type_iri(fmt), vocabulary.MEDIA_TYPE_CLASS)))
    g.add((node, DCTERMS["format"], _typed(g, vocabulary.format_iri(fmt), vocabulary.FORMAT_CLASS)))
    g.add((node, DCTERMS.license, licence))
    if conforms_to:
        standard = URIRef(conforms_to)
        g.add((standard, RDF.type, DCTERMS.Standard))
        g.add((node, DCTERMS.conformsTo, standard))
    return node


def _date(value):
    return Literal(value, datatype=XSD.date)


def dcat_graph(organisation, records):
    """Return an rdflib Graph describing the register and its public records as a DCAT-AP catalogue."""
    g = Graph()
    for prefix, namespace in (("dcat", DCAT), ("dct", DCTERMS), ("foaf", FOAF), ("vcard", VCARD), ("skos", SKOS)):
        g.bind(prefix, namespace)
    slug = organisation.slug
    home = absolute(reverse("public:home", kwargs={"slug": slug}))
    catalog, register = URIRef(home + "#catalogue"), URIRef(home + "#registre")
    publisher = _agent(g, home + "#organisation", organisation.name)
    licence = _typed(g, vocabulary.LICENCE + vocabulary.REGISTER_LICENCE, vocabulary.LICENCE_CLASS,
                     "Licence Ouverte / Open Licence 2.0")
    language = _typed(g, vocabulary.language_iri("fr"), vocabulary.LINGUISTIC_SYSTEM_CLASS)
    themes = URIRef(vocabulary.DATA_THEME[:-1])
    g.add((themes, RDF.type, SKOS.ConceptScheme))
    g.add((themes, DCTERMS.title, Literal("Data theme", lang="en")))

    g.add((catalog, RDF.type, DCAT.Catalog))
    g.add((catalog, DCTERMS.title, Literal(f"Données ouvertes sur l'IA — {organisation.name}", lang="fr")))
    g.add((catalog, DCTERMS.description, Literal("Catalogue du registre public des systèmes d'IA.", lang="fr")))
    g.add((catalog, DCTERMS.publisher, publisher))
    g.add((catalog, DCTERMS.language, language))
    g.add((catalog, DCTERMS.license, licence))
    g.add((catalog, DCTERMS.modified, _date(timezone.now().date().isoformat())))
    g.add((catalog, FOAF.homepage, _typed(g, home, str(FOAF.Document))))
    g.add((catalog, DCAT.themeTaxonomy, themes))
    g.add((catalog, DCAT.dataset, register))

    g.add((register, RDF.type, DCAT.Dataset))
    g.add((register, DCTERMS.title, Literal(f"Registre des systèmes d'intelligence artificielle — {organisation.name}",
                                           lang="fr")))
    g.add((register, DCTERMS.description, Literal(
        "Les systèmes d'IA en expérimentation, déployés ou retirés : finalité, données, contrôle humain, classe "
        "de risque, avis et décisions publiés.", lang="fr")))
    g.add((register, DCTERMS.publisher, publisher))
    g.add((register, DCTERMS.modified, _date(timezone.now().date().isoformat())))
    g.add((register, DCTERMS.language, language))
    g.add((register, DCAT.keyword, Literal("intelligence artificielle", lang="fr")))
    g.add((register, DCAT.keyword, Literal("algorithmes publics", lang="fr")))
    g.add((register, DCAT.theme, _theme(g, vocabulary.DATA_THEME + "GOVE")))
    g.add((register, DCAT.landingPage, _typed(g, absolute(reverse("public:list", kwargs={"slug": slug})),
                                              str(FOAF.Document))))
    profile = getattr(organisation, "public_profile", None)
    if profile and profile.contact_email:
        g.add((register, DCAT.contactPoint, _contact(g, home + "#contact", profile.contact_email, organisation.name)))
    for fmt in ("csv", "json", "jsonld"):
        url = absolute(reverse("public:export", kwargs={"slug": slug, "fmt": fmt}))
        schema = absolute(reverse("public:schema", kwargs={"name": REGISTER_SCHEMA})) if fmt == "json" else None
        name = vocabulary.FORMATS[fmt][2]
        g.add((register, DCAT.distribution, _distribution(
            g, home + f"#distribution-{fmt}", f"Registre au format {name}", url, fmt, licence, schema)))
    for key, (title, version, _, schema_name) in transparency_standards.STANDARDS.items():
        url = absolute(reverse("public:standard", kwargs={"slug": slug, "key": key}))
        schema = absolute(reverse("public:schema", kwargs={"name": schema_name}))
        g.add((register, DCAT.distribution, _distribution(
            g, home + f"#distribution-{key}", f"Registre selon la norme {title} {version}", url, "json", licence,
            schema)))
    url = absolute(reverse("public:interconnectes", kwargs={"slug": slug}))
    g.add((register, DCAT.distribution, _distribution(
        g, home + "#distribution-interconnectes", "Registre au format de la bibliothèque des Interconnectés (CSV)",
        url, "csv", licence)))

    for record in records:
        dataset = _record_dataset(g, record, publisher, licence, language)
        g.add((catalog, DCAT.dataset, dataset))
    return g


def _record_dataset(g, record, publisher, licence, language):
    """Add one record's public JSON document as a dataset; only the properties the record holds."""
    props = to_dcat(record).registration
    node = URIRef(record["url"] + "#fiche")
    g.add((node, RDF.type, DCAT.Dataset))
    g.add((node, DCTERMS.identifier, Literal(props["identifier"])))
    g.add((node, DCTERMS.title, Literal(props["title"], lang="fr")))
    g.add((node, DCTERMS.description, Literal(props["description"], lang="fr")))
    g.add((node, DCTERMS.publisher, publisher))
    g.add((node, DCTERMS.language, language))
    g.add((node, DCAT.landingPage, _typed(g, props["landing_page"], str(FOAF.Document))))
    if "keyword" in props:
        g.add((node, DCAT.keyword, Literal(props["keyword"], lang="fr")))
    if "theme" in props:
        g.add((node, DCAT.theme, _theme(g, props["theme"])))
    if "contact_point" in props:
        g.add((node, DCAT.contactPoint, _contact(g, record["url"] + "#contact", props["contact_point"],
                                                 record["organisation"])))
    if "modified" in props:
        g.add((node, DCTERMS.modified, _date(props["modified"])))
    if "issued" in props:
        g.add((node, DCTERMS.issued, _date(props["issued"])))
    if "distribution" in props:
        g.add((node, DCAT.distribution, _distribution(
            g, record["url"] + "#json", f"Fiche « {record['name']} » en JSON", props["distribution"], "json",
            licence)))
    return node
