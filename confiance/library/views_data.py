"""Machine-readable answers of the library: the federation feed, the Interconnectés export, a JSON API.

Each goes through the tier rule: the tier comes from the session's person or
from a feed token issued to a member organisation.
"""

import json

from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from confiance.library import access
from confiance.library.federation import feed_page
from confiance.library.interconnectes import export_csv
from confiance.library.models import LOCAL_ORIGIN, FeedToken, SharedProject
from confiance.library.remote_contact import MAX_MESSAGE_CHARS
from confiance.library.search import search
from confiance.library.sharing import notify_team
from confiance.library.views import search_filters
from confiance.rules.library_tiers import Tier


def _bearer(request):
    header = request.headers.get("Authorization", "")
    return header[7:].strip() if header.startswith("Bearer ") else ""


def _tier(request):
    """Return the reader's tier: the higher of their session's and their feed token's."""
    return max(access.tier_of_person(request.user), FeedToken.tier_for(_bearer(request)))


def _json(data, status=200):
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def _int(value, default):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


class BadNumber(ValueError):
    """A paging number out of range; answered 400 in French naming the parameter."""


def _bounded(request, name, default, low, high):
    """Return the integer parameter `name`, refusing with BadNumber what is not in [low, high]."""
    raw = request.GET.get(name)
    if raw is None or raw == "":
        return default
    if not raw.strip().lstrip("-").isdigit() or len(raw) > 12 or not low <= int(raw) <= high:
        raise BadNumber(name, f"Un nombre entier de {low} à {high}.")
    return int(raw)


def _bad_number(exc):
    name, message = exc.args
    return _json({"message": "La requête n'est pas valide.", "errors": {name: [message]}}, status=400)


def feed(request):
    """The paged feed of this instance's share: tier 1 openly, tier 2/3 with a member's token."""
    token = _bearer(request)
    tier = FeedToken.tier_for(token)
    if token and tier == Tier.PUBLIC:
        return _json({"message": "Jeton inconnu ou révoqué."}, status=401)
    base = request.build_absolute_uri(reverse("library:feed"))
    try:
        page = _bounded(request, "page", 1, 1, 10**6)
        page_size = _bounded(request, "page_size", 100, 1, 10**6)
    except BadNumber as exc:
        return _bad_number(exc)
    return _json(feed_page(tier, page, page_size, base))


@csrf_exempt
@require_POST
def feed_contact(request, origin_id):
    """Take a member hub's message for the team of one of this instance's projects (member token required)."""
    if FeedToken.tier_for(_bearer(request)) < Tier.MEMBER:
        return _json({"message": "Un jeton de membre est nécessaire."}, status=401)
    project = SharedProject.objects.filter(origin_instance=LOCAL_ORIGIN, origin_id=origin_id, withdrawn=False,
                                           organisation__isnull=False).first()
    if project is None:
        return _json({"message": "Aucun projet de cette instance ne correspond."}, status=404)
    try:
        data = json.loads(request.body.decode("utf-8"))
        message = str(data.get("message", "")).strip()[:MAX_MESSAGE_CHARS]
    except (ValueError, AttributeError, UnicodeDecodeError):
        return _json({"message": "Le message doit être un objet JSON."}, status=400)
    if not message:
        return _json({"message": "Le message est vide."}, status=400)
    sender = ", ".join(str(data.get(k, ""))[:200] for k in ("sender_name", "sender_organisation", "sender_email")
                       if data.get(k))
    notify_team(project, f"Message reçu par la bibliothèque d'une autre instance sur « {project.name} » — de "
                f"{sender or 'un membre'} :\n{message}")
    return _json({"message": "Message transmis à l'équipe."}, status=201)


def export_interconnectes(request):
    tier = _tier(request)
    projects = SharedProject.objects.filter(withdrawn=False).order_by("pk")
    response = HttpResponse(export_csv(projects, tier), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="bibliotheque-ia-interconnectes.csv"'
    return response


def api_projects(request):
    """Search the library: results (redacted to the reader's tier) and facet counts."""
    tier = _tier(request)
    try:
        limit = min(_bounded(request, "limit", 20, 1, 10**6), 100)
        offset = _bounded(request, "offset", 0, 0, 10**6)
    except BadNumber as exc:
        return _bad_number(exc)
    result = search(request.GET.get("q", "")[:300], tier, search_filters(request.GET), offset=offset, limit=limit)
    ids = result.ids
    projects = SharedProject.objects.in_bulk(ids)
    return _json({
        "tier": int(tier), "count": result.total,
        "results": [{"id": pk, **projects[pk].fields_for_tier(tier)} for pk in ids if pk in projects],
        "facets": {f.name: {v.value: v.count for v in f.values} for f in result.facets},
    })


def api_project(request, pk):
    project = SharedProject.objects.filter(pk=pk, withdrawn=False).first()
    if project is None:
        return _json({"message": "Aucun projet de la bibliothèque ne correspond."}, status=404)
    tier = _tier(request)
    return _json({"id": project.pk, "tier": int(tier), **project.fields_for_tier(tier)})
