"""The site's own address for absolute URLs (e-mails, exports, notices, feeds): from SITE_URL or the request.

When `SITE_URL` is set it is used everywhere. When it is empty, the address is that of the
request being answered (scheme and host, port included), so a server started on any port
writes links to itself; outside a request (a command), `http://localhost` stands in and
`SITE_URL` should be set.
"""

from contextvars import ContextVar

from django.conf import settings

_origin = ContextVar("confiance_request_origin", default="")
FALLBACK = "http://localhost"


def site_url():
    """Return the site's address without a trailing slash."""
    configured = (settings.SITE_URL or "").rstrip("/")
    return configured or _origin.get() or FALLBACK


def absolute_url(path):
    """Return `path` (starting with "/") as an absolute URL on this site."""
    return site_url() + path


class RequestOriginMiddleware:
    """Remember the request's origin while it is answered, for site_url()."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            origin = f"{request.scheme}://{request.get_host()}"
        except Exception:  # DisallowedHost: the page will answer 400 anyway  # noqa: BLE001
            origin = ""
        token = _origin.set(origin)
        try:
            return self.get_response(request)
        finally:
            _origin.reset(token)
