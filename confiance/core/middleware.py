"""Refuse, before any view, input no database can store."""

from django.http import JsonResponse

from confiance.core.views import bad_request


class RejectNullCharactersMiddleware:
    """Answer 400 in French to a query string holding a null character (%00).

    PostgreSQL cannot store or compare text with one, and views that read
    request.GET directly (search boxes) would otherwise fail with a 500. Form
    fields already refuse it in bodies (Django's ProhibitNullCharactersValidator).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "%00" in request.META.get("QUERY_STRING", "") or "\x00" in request.path:
            if request.path.startswith("/api/"):
                return JsonResponse({"message": "La requête contient un caractère nul (%00) : rien n'a été fait.",
                                     "errors": {"requête": ["Caractère nul refusé."]}}, status=400)
            return bad_request(request)
        return self.get_response(request)
