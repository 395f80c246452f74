"""The controlled vocabularies a DCAT-AP 3.0.0 description uses, as IRIs: one place for every DCAT we publish.

DCAT-AP 3.0.0 (SEMIC; its SHACL shapes are committed in tests/data/) expects
controlled values as IRIs of typed nodes, never as plain strings:

- `dct:format` an IRI of the EU "File type" authority table
  (http://publications.europa.eu/resource/authority/file-type/), typed
  `dct:MediaTypeOrExtent`;
- `dcat:mediaType` an IRI of the IANA media types registry
  (https://www.iana.org/assignments/media-types/), typed `dct:MediaType`;
- `dct:language` an IRI of the EU "Language" table, typed `dct:LinguisticSystem`;
- `dct:license` a `dct:LicenseDocument`; Etalab's Licence Ouverte 2.0 is in the
  EU "Licence" table as ETALAB_2_0;
- `dcat:theme` a `skos:Concept` of the EU "Data theme" table;
- `dct:publisher` a `foaf:Agent`, and `dcat:contactPoint` a `vcard:Kind`.

The register's DCAT (confiance.public.exports) uses this module; a data
catalogue's DCAT should use it too, so that both speak the same vocabulary.
No Django import here: plain strings and dicts.
"""

EU_AUTHORITY = "http://publications.europa.eu/resource/authority/"
FILE_TYPE = EU_AUTHORITY + "file-type/"
LANGUAGE = EU_AUTHORITY + "language/"
LICENCE = EU_AUTHORITY + "licence/"
DATA_THEME = EU_AUTHORITY + "data-theme/"
IANA_MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"

# The classes DCAT-AP 3.0.0's shapes require of the nodes these IRIs name.
MEDIA_TYPE_CLASS = "http://purl.org/dc/terms/MediaType"
FORMAT_CLASS = "http://purl.org/dc/terms/MediaTypeOrExtent"
LINGUISTIC_SYSTEM_CLASS = "http://purl.org/dc/terms/LinguisticSystem"
LICENCE_CLASS = "http://purl.org/dc/terms/LicenseDocument"
CONCEPT_CLASS = "http://www.w3.org/2004/02/skos/core#Concept"
CONCEPT_SCHEME_CLASS = "http://www.w3.org/2004/02/skos/core#ConceptScheme"
AGENT_CLASS = "http://xmlns.com/foaf/0.1/Agent"
ORGANIZATION_CLASS = "http://xmlns.com/foaf/0.1/Organization"
VCARD_KIND_CLASS = "http://www.w3.org/2006/vcard/ns#Kind"

# Our export formats: key -> (EU file type code, IANA media type, name people read).
FORMATS = {
    "csv": ("CSV", "text/csv", "CSV"),
    "json": ("JSON", "application/json", "JSON"),
    "jsonld": ("JSON_LD", "application/ld+json", "JSON-LD"),
    "ttl": ("RDF_TURTLE", "text/turtle", "Turtle"),
    "rdf": ("RDF_XML", "application/rdf+xml", "RDF/XML"),
    "pdf": ("PDF", "application/pdf", "PDF"),
    "xlsx": ("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX"),
    "parquet": ("PARQUET", "application/vnd.apache.parquet", "Parquet"),
    "geojson": ("GEOJSON", "application/geo+json", "GeoJSON"),
    "zip": ("ZIP", "application/zip", "ZIP"),
}

# Licences: the name a French authority writes -> EU licence table code.
LICENCES = {
    "etalab-2.0": "ETALAB_2_0",
    "licence ouverte 2.0": "ETALAB_2_0",
    "licence ouverte / open licence 2.0": "ETALAB_2_0",
    "odbl": "ODBL_1_0",
    "odbl-1.0": "ODBL_1_0",
    "cc-by-4.0": "CC_BY_4_0",
    "cc0-1.0": "CC0",
    "eupl-1.2": "EUPL_1_2",
}
REGISTER_LICENCE = "ETALAB_2_0"

# ISO 639-1 code -> EU language table code.
LANGUAGES = {"fr": "FRA", "en": "ENG", "nl": "NLD", "de": "DEU", "es": "SPA", "it": "ITA", "oc": "OCI", "br": "BRE"}

# Register domain -> EU data theme (the table has 13 themes).
DOMAIN_THEMES = {
    "waste": "ENVI", "mobility": "TRAN", "housing": "REGI", "water": "ENVI", "energy_sobriety": "ENER",
    "user_relations": "GOVE", "solidarity": "SOCI", "education": "EDUC", "early_childhood": "SOCI",
    "public_safety": "JUST", "health": "HEAL", "culture": "EDUC", "urban_planning": "REGI", "hr": "GOVE",
    "finance": "ECON", "administration": "GOVE", "other": "GOVE",
}
# The EU data themes' labels, as the authority table gives them in French.
THEME_LABELS = {
    "AGRI": "Agriculture, pêche, sylviculture et alimentation", "ECON": "Économie et finances",
    "EDUC": "Éducation, culture et sport", "ENER": "Énergie", "ENVI": "Environnement",
    "GOVE": "Gouvernement et secteur public", "HEAL": "Santé", "INTR": "Questions internationales",
    "JUST": "Justice, système juridique et sécurité publique", "REGI": "Régions et villes",
    "SOCI": "Population et société", "TECH": "Science et technologie", "TRAN": "Transports",
}


def format_iri(key):
    """Return the EU file-type IRI of one of our formats (KeyError for an unknown one)."""
    return FILE_TYPE + FORMATS[key][0]


def media_type_iri(key):
    """Return the IANA media type IRI of one of our formats."""
    return IANA_MEDIA_TYPES + FORMATS[key][1]


def language_iri(code):
    """Return the EU language IRI of an ISO 639-1 code ("fr" -> .../language/FRA)."""
    return LANGUAGE + LANGUAGES[code]


def licence_iri(name):
    """Return the EU licence IRI of a licence name, or None when the table has no entry we know for it."""
    code = LICENCES.get((name or "").strip().lower())
    return LICENCE + code if code else None


def theme_iri(domain):
    """Return the EU data theme IRI of a register domain."""
    return DATA_THEME + DOMAIN_THEMES.get(domain, "GOVE")


def theme_label(iri):
    """Return the French label of an EU data theme IRI."""
    return THEME_LABELS.get(iri.rsplit("/", 1)[-1], "")
