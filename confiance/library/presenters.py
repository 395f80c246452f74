"""Turn a shared project into what a viewer of one tier may read: rows, snippets, cards.

Templates receive these dicts, never the model instance, so a template cannot
show a field the tier rule withheld.
"""

from django.utils.html import format_html

from confiance.core.weblinks import is_web_url
from confiance.library.models import SharedProject
from confiance.rules.library_text import snippet
from confiance.rules.library_tiers import TIER_1, TIER_2, TIER_3, Tier

CHOICE_FIELDS = ("domain", "technique", "status", "organisation_kind", "size_band", "risk_class")
HIDDEN_ROWS = {"name", "summary", "public_extra", "member_extra", "sources", "origin_updated_at"}
URL_FIELDS = {"info_url", "repository_url", "documentation_url", "demonstrator_url", "resources_url"}
EXTRA_LABELS = {
    "SIRET": "SIRET", "Latitude": "Latitude", "Longitude": "Longitude", "URL_Logo": "Logo",
    "Date_de_derniere_mise_a_jour": "Mise à jour (Interconnectés)", "Type_de_collectivite": "Type (Interconnectés)",
    "nom_algorithme": "Nom de l'algorithme", "algorithme_description": "Description de l'algorithme",
    "algorithme_operations": "Opérations de l'algorithme", "type_algorithme": "Type d'algorithme",
    "impact_environnement": "Impact environnemental", "donnees_source": "Source des données",
    "donnees_acces": "Collecte des données", "risque": "Évaluation des risques", "proportionalite": "Proportionnalité",
    "decision": "Portée de la décision", "erreur": "Efficacité", "explicabilite": "Explicabilité",
    "reversibilite": "Réversibilité", "objection": "Procédure d'objection",
}


def _label(name):
    return str(SharedProject._meta.get_field(name).verbose_name).capitalize()


def display_value(name, value):
    if name in CHOICE_FIELDS and value:
        return dict(SharedProject._meta.get_field(name).choices).get(value, value)
    return value


def rows(fields, names, extra_key=None):
    """Return [(label, value, is_url)] for the non-empty `fields` among `names`."""
    result = []
    for name in names:
        if name in HIDDEN_ROWS or name not in fields or not fields[name]:
            continue
        result.append((_label(name), display_value(name, fields[name]), name in URL_FIELDS and is_web_url(fields[name])))
    if extra_key and fields.get(extra_key):
        for key, value in fields[extra_key].items():
            if value:
                result.append((EXTRA_LABELS.get(key, key), value, is_web_url(value)))
    return result


def card(project, tier, groups=None, semantic=False):
    """Return a search result as a viewer of `tier` sees it, with a snippet of readable text."""
    fields = project.fields_for_tier(tier)
    readable = [fields.get(n) or "" for n in ("summary", "outcome", "abandon_reason", "partners")]
    if tier >= Tier.MEMBER:
        readable += [fields.get(n) or "" for n in ("data_used", "lessons_worked", "lessons_failed",
                                                    "success_factors", "evaluation", "vendor")]
    excerpt = None
    if groups:
        for text in readable:
            found = snippet(text, groups)
            if found:
                excerpt = format_html("{}<mark>{}</mark>{}", *found)
                break
    summary = fields.get("summary", "")
    return {
        "pk": project.pk, "name": fields["name"], "organisation_name": fields["organisation_name"],
        "summary": summary if len(summary) < 300 else summary[:297] + "…",
        "excerpt": excerpt, "semantic": semantic,
        "badges": [display_value(n, fields.get(n)) for n in ("domain", "status", "technique") if fields.get(n)],
        "region": fields.get("region", ""),
    }


def detail(project, tier):
    """Return the project page's content for a viewer of `tier`."""
    fields = project.fields_for_tier(tier)
    return {
        "pk": project.pk, "name": fields["name"], "summary": fields["summary"],
        "organisation_name": fields["organisation_name"], "sources": fields.get("sources", ""),
        "origin": "cette instance" if project.is_local or not project.origin_instance.startswith("http")
        else project.origin_instance,
        "tier1": rows(fields, TIER_1, "public_extra"),
        "tier2": rows(fields, TIER_2, "member_extra") if tier >= Tier.MEMBER else None,
        "tier3": rows(fields, TIER_3) if tier >= Tier.EXPERT else None,
    }
