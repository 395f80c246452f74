"""API authentication: a bearer token, or the browser's session for reading."""

from ninja.security import HttpBearer

from confiance.accounts.models import ApiToken


class BearerToken(HttpBearer):
    """`Authorization: Bearer <token>`; tokens are issued in the admin or by `issuetoken`, revoked on their page."""

    def authenticate(self, request, token):
        person = ApiToken.person_for(token)
        if person is not None:
            request.user = person
        return person


def session_auth(request):
    """Let a signed-in browser read the API (GET only: writes need a token and no CSRF games)."""
    if request.method == "GET" and request.user.is_authenticated:
        return request.user
    return None
