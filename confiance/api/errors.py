"""Every API error is French JSON naming the field, and bad input never reaches the database.

`StrictJSONParser` refuses a body that is not a JSON object or that holds text
no database can store (a lone UTF-16 surrogate such as "\\ud800"); the handlers
turn ninja's and Django's English errors into `{"message", "errors"}`;
`BoundedLimitOffset` keeps `limit` and `offset` within what a database accepts.
"""

import json

from django.core.exceptions import RequestDataTooBig
from django.http import Http404
from ninja import Field, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.pagination import LimitOffsetPagination
from ninja.parser import Parser

from confiance.api.schemas import ErrorOut

# Documented on every operation, so that every answer matches the OpenAPI document.
ERRORS = {400: ErrorOut, 401: ErrorOut, 404: ErrorOut, 413: ErrorOut, 422: ErrorOut}
MAX_LIMIT = 1000
MAX_OFFSET = 10**9


class BadBody(ValueError):
    """The body is JSON but not one the API can take; `field` names where."""

    def __init__(self, field, message):
        super().__init__(message)
        self.field, self.message = field, message


def has_lone_surrogate(text):
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _check_text(value, path):
    if isinstance(value, str):
        if has_lone_surrogate(value):
            raise BadBody(path or "corps", "Ce texte contient un caractère invalide (demi-caractère UTF-16 isolé).")
        if "\x00" in value:
            raise BadBody(path or "corps", "Ce texte contient un caractère nul (\\u0000), refusé.")
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_text(key, path)
            _check_text(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_text(item, f"{path}.{index}" if path else str(index))


class StrictJSONParser(Parser):
    """Parse a JSON object; refuse other JSON values and lone surrogates."""

    def parse_body(self, request):
        data = json.loads(request.body)
        if not isinstance(data, dict):
            raise BadBody("corps", "Le corps de la requête doit être un objet JSON ({…}).")
        _check_text(data, "")
        return data


class BoundedLimitOffset(LimitOffsetPagination):
    """Limit/offset pagination whose numbers stay within what the database accepts."""

    class Input(Schema):
        limit: int = Field(100, ge=1, le=MAX_LIMIT, description=f"De 1 à {MAX_LIMIT}.")
        offset: int = Field(0, ge=0, le=MAX_OFFSET, description=f"De 0 à {MAX_OFFSET}.")

    def __init__(self, **kwargs):
        super().__init__(max_limit=MAX_LIMIT, **kwargs)


class UnknownParameters(HttpError):
    """Query parameters the operation does not know: a misspelt filter must not silently list everything."""

    def __init__(self, names, reason="Paramètre inconnu."):
        super().__init__(422, "unknown parameters")
        self.names, self.reason = names, reason


def refuse_unknown_query(request, *known):
    """Raise UnknownParameters when the query string holds a parameter not in `known`."""
    unknown = sorted(set(request.GET) - set(known))
    if unknown:
        raise UnknownParameters(unknown)
    null = sorted(name for name, values in request.GET.lists() if any("\x00" in v for v in values))
    if null:
        raise UnknownParameters(null, "Ce paramètre contient un caractère nul (%00), refusé.")


MESSAGES = {
    "missing": "Champ obligatoire.",
    "int_parsing": "Nombre entier attendu.", "int_type": "Nombre entier attendu.",
    "int_from_float": "Nombre entier attendu.",
    "bool_parsing": "true ou false attendu.", "bool_type": "true ou false attendu.",
    "string_type": "Texte attendu.", "dict_type": "Objet JSON attendu.", "model_type": "Objet JSON attendu.",
    "list_type": "Liste attendue.", "greater_than_equal": "Valeur trop petite.",
    "less_than_equal": "Valeur trop grande.", "greater_than": "Valeur trop petite.", "less_than": "Valeur trop grande.",
    "string_too_long": "Texte trop long.", "json_invalid": "JSON illisible.", "extra_forbidden": "Champ inconnu.",
}


def french_message(error):
    """Return a French sentence for one pydantic error of ninja's ValidationError."""
    return MESSAGES.get(error.get("type"), f"Valeur invalide ({error.get('type', 'erreur')}).")


def error(message, errors=None):
    return {"message": message, "errors": errors or {}}


def etag_header_doc(status):
    """Return the OpenAPI fragment documenting the `ETag` header of a response."""
    return {"responses": {status: {"headers": {"ETag": {
        "description": "La version de la fiche ; à renvoyer dans If-Match pour la modifier.",
        "schema": {"type": "string"},
    }}}}}


def install(api):
    """Answer every error of `api` in French JSON."""

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        if isinstance(exc, UnknownParameters):
            return api.create_response(request, error(
                "Paramètre refusé : rien n'a été fait. Vérifiez les filtres.",
                {name[:100]: [exc.reason] for name in exc.names[:20]}), status=422)
        cause = exc.__cause__
        if isinstance(cause, BadBody):
            return api.create_response(request, error("La requête n'est pas valide : rien n'a été enregistré.",
                                                      {cause.field: [cause.message]}), status=422)
        if isinstance(cause, (json.JSONDecodeError, UnicodeDecodeError)):
            return api.create_response(request, error(
                "Le corps de la requête n'est pas du JSON valide : rien n'a été enregistré.",
                {"corps": [f"JSON illisible (ligne {getattr(cause, 'lineno', '?')}, "
                           f"colonne {getattr(cause, 'colno', '?')})."]}), status=400)
        if isinstance(exc, AuthenticationError) or exc.status_code == 401:
            return api.create_response(request, error(
                "Authentification requise : envoyez l'en-tête « Authorization: Bearer <jeton> » "
                "avec un jeton valide.", {"Authorization": ["Jeton absent ou invalide."]}), status=401)
        if exc.status_code == 403:
            return api.create_response(request, error("Vous n'avez pas le droit de faire cela."), status=403)
        return api.create_response(request, error("La requête n'est pas valide : rien n'a été enregistré."),
                                   status=exc.status_code)

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return api.create_response(request, error("Aucun objet ne correspond à cette adresse."), status=404)

    @api.exception_handler(RequestDataTooBig)
    def too_big(request, exc):
        return api.create_response(request, error(
            "Le corps de la requête est trop volumineux : rien n'a été enregistré.",
            {"corps": ["Taille maximale dépassée (réglage DATA_UPLOAD_MAX_MEMORY_SIZE)."]}), status=413)


# Every operation can meet these, whichever router it lives in: the parser (400, 413), the
# authentication (401), the one permission check (403), an object the caller cannot see (404)
# and a form's refusal (422). They are documented once here rather than on every endpoint.
COMMON_ERRORS = {
    400: "Requête illisible (corps JSON invalide, paramètre hors limites).",
    401: "Authentification requise : jeton absent ou invalide.",
    403: "Vous n'avez pas le droit de faire cela.",
    404: "Objet introuvable, ou que vous ne pouvez pas voir.",
    413: "Corps de requête trop volumineux.",
    422: "Donnée refusée : le champ en cause est nommé dans « errors ».",
}


def document_common_errors(schema):
    """Add the common French errors to every operation of an OpenAPI `schema` that does not list them."""
    reference = {"$ref": "#/components/schemas/ErrorOut"}
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            responses = operation["responses"]
            documented = {int(code) for code in responses}
            for code, description in COMMON_ERRORS.items():
                if code not in documented:
                    responses[code] = {"description": description,
                                       "content": {"application/json": {"schema": reference}}}
    return schema


def document_on(api):
    """Make `api`'s OpenAPI document list the common errors on every operation."""
    build = api.get_openapi_schema

    def get_openapi_schema(*args, **kwargs):
        return document_common_errors(build(*args, **kwargs))

    api.get_openapi_schema = get_openapi_schema
