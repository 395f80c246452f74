"""What an organisation publishes of its catalogue: its open datasets, in DCAT-AP 3 and as the SCDL catalogue CSV.

Only datasets classified open, accepted by the steward and still published at the source go out.
The SCDL "catalogue" schema (schema.data.gouv.fr, scdl/catalogue 0.1.2, OpenDataFrance) requires
every one of its 20 columns; a dataset that lacks a value the schema requires is left out of the
CSV and listed by `scdl_rows` among the incomplete, never filled with an invented value.
"""

import csv
import io

from django.conf import settings
from django.urls import reverse

from confiance.catalogue import dcat
from confiance.catalogue.choices import Classification, Frequency, Licence, ReviewStatus
from confiance.catalogue.models import CatalogueProfile, Dataset

SCDL_COLUMNS = ["COLL_NOM", "COLL_SIRET", "ID", "TITRE", "DESCRIPTION", "THEME", "PRODUCTEUR_NOM", "PRODUCTEUR_SIRET",
                "COUV_SPAT_MAILLE", "COUV_SPAT_NOM", "COUV_TEMP_DEBUT", "COUV_TEMP_FIN", "DATE_PUBL", "FREQ_MAJ",
                "DATE_MAJ", "MOTS_CLES", "LICENCE", "NOMBRE_RESSOURCES", "FORMAT_RESSOURCES", "URL"]
SCDL_FREQUENCIES = {
    Frequency.CONTINUOUS: "Continuelle", Frequency.HOURLY: "Toutes les heures",
    Frequency.DAILY: "Quotidienne ou plusieurs fois par jour", Frequency.WEEKLY: "Hebdomadaire ou plusieurs fois par semaine",
    Frequency.MONTHLY: "Mensuelle ou plusieurs fois par mois", Frequency.BIMONTHLY: "Bimestrielle",
    Frequency.QUARTERLY: "Trimestrielle", Frequency.SEMIANNUAL: "Semestrielle", Frequency.ANNUAL: "Annuelle",
    Frequency.BIENNIAL: "Biennale", Frequency.TRIENNIAL: "Triennale", Frequency.QUINQUENNIAL: "Quinquennale",
    Frequency.IRREGULAR: "Irrégulière", Frequency.PUNCTUAL: "Ponctuelle", Frequency.UNKNOWN: "Inconnue",
}
SCDL_LICENCES = {Licence.LO_2: "Licence Ouverte-LO", Licence.ODBL: "Open Database License-ODBL",
                 Licence.OTHER: "Spécifique ou autre"}


def absolute(path):
    return settings.SITE_URL.rstrip("/") + path


def open_datasets(organisation):
    return Dataset.objects.filter(organisation=organisation, classification=Classification.OPEN,
                                  review_status=ReviewStatus.ACCEPTED, withdrawn=False).order_by("title", "pk")


def dataset_uri(dataset):
    return absolute(reverse("catalogue_public:dataset", kwargs={"slug": dataset.organisation.slug, "pk": dataset.pk}))


def dcat_graph(organisation):
    """Return the organisation's open datasets as a DCAT-AP 3 graph."""
    home = absolute(reverse("catalogue_public:index", kwargs={"slug": organisation.slug}))
    datasets = open_datasets(organisation).select_related("organisation")
    return dcat.catalogue_graph(
        organisation, datasets, catalogue_uri=home + "catalogue", home_url=home, dataset_uri=dataset_uri,
        title=f"Catalogue des données ouvertes — {organisation.name}",
        description=f"Les jeux de données ouverts de {organisation.name}, tenus par ses référents data.")


def _scdl_row(organisation, profile, d):
    """Return (row, missing column names) for one dataset."""
    formats = sorted({(r.get("format") or "").lower() for r in d.distributions or [] if r.get("format")})
    row = {
        "COLL_NOM": organisation.name[:140], "COLL_SIRET": profile.siret if profile else "",
        "ID": d.identifier or f"{organisation.slug}-{d.pk}", "TITRE": d.title, "DESCRIPTION": d.description,
        "THEME": d.theme, "PRODUCTEUR_NOM": organisation.name[:140],
        "PRODUCTEUR_SIRET": profile.siret if profile else "",
        "COUV_SPAT_MAILLE": profile.spatial_granularity if profile else "",
        "COUV_SPAT_NOM": (profile.spatial_name if profile else "") or organisation.name[:140],
        "COUV_TEMP_DEBUT": d.temporal_start.isoformat() if d.temporal_start else "",
        "COUV_TEMP_FIN": d.temporal_end.isoformat() if d.temporal_end else "",
        "DATE_PUBL": d.issued.isoformat() if d.issued else "",
        "FREQ_MAJ": SCDL_FREQUENCIES.get(d.frequency, "Inconnue"),
        "DATE_MAJ": d.last_updated.isoformat() if d.last_updated else "",
        "MOTS_CLES": ";".join(w.strip() for w in d.keywords.split(",") if w.strip()),
        "LICENCE": SCDL_LICENCES.get(d.licence, ""),
        "NOMBRE_RESSOURCES": str(len(d.distributions or [])) if d.distributions else "",
        "FORMAT_RESSOURCES": ";".join(formats),
        "URL": d.landing_page or dataset_uri(d),
    }
    return row, [name for name in SCDL_COLUMNS if not row[name]]


def scdl_rows(organisation):
    """Return (complete rows, [(dataset, missing columns)]) of the organisation's open datasets."""
    profile = CatalogueProfile.objects.filter(organisation=organisation).first()
    rows, incomplete = [], []
    for d in open_datasets(organisation).select_related("organisation"):
        row, missing = _scdl_row(organisation, profile, d)
        if missing:
            incomplete.append((d, missing))
        else:
            rows.append(row)
    return rows, incomplete


def scdl_csv(rows):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=SCDL_COLUMNS, delimiter=",", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
