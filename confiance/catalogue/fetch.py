"""Fetch a catalogue from a URL, refusing what a public server must never be made to fetch.

Every address goes through the instance's one outbound guard,
`core.weblinks.check_outbound_url` (http(s) only; private, loopback, link-local,
multicast and reserved addresses refused unless `OUTBOUND_ALLOWED_NETWORKS` lists
them; tests serve fixture portals on 127.0.0.1); redirects are followed by hand (at most
`MAX_REDIRECTS`, each target checked the same way, loops refused); the body is read up to
`CATALOGUE_MAX_DOWNLOAD_MB`. Every failure is a `FetchError` with a French message.
"""

import socket
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings

from confiance.core.weblinks import UnsafeSource, check_outbound_url

MAX_REDIRECTS = 5
CHUNK = 1 << 16


class FetchError(Exception):
    """The URL cannot be fetched; the message is French and says why."""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # let the 3xx surface as an HTTPError, handled by fetch()


_opener = urllib.request.build_opener(_NoRedirect, urllib.request.ProxyHandler({}))


def check_url(url):
    """Raise FetchError (a French sentence) unless core.weblinks.check_outbound_url accepts `url`."""
    try:
        check_outbound_url(url)
    except UnsafeSource as exc:
        text = str(exc)
        raise FetchError(text[:1].upper() + text[1:] + ".") from None


def fetch(url, accept="text/turtle, application/rdf+xml;q=0.9, application/ld+json;q=0.8, */*;q=0.1"):
    """Return (body bytes, content type, final URL) of `url`, or raise FetchError."""
    max_bytes = settings.CATALOGUE_MAX_DOWNLOAD_MB * 1024 * 1024
    seen = set()
    for _ in range(MAX_REDIRECTS + 1):
        if url in seen:
            raise FetchError("Le serveur renvoie vers une adresse déjà visitée (boucle de redirections).")
        seen.add(url)
        check_url(url)
        request = urllib.request.Request(url, headers={"Accept": accept, "User-Agent": "Confiance-catalogue/1"})
        try:
            with _opener.open(request, timeout=settings.CATALOGUE_FETCH_TIMEOUT) as response:
                length = response.headers.get("Content-Length")
                if length and length.isdigit() and int(length) > max_bytes:
                    raise _too_large()
                body = bytearray()
                while chunk := response.read(CHUNK):
                    body += chunk
                    if len(body) > max_bytes:
                        raise _too_large()
                return bytes(body), response.headers.get("Content-Type", ""), url
        except urllib.error.HTTPError as exc:
            if exc.code in (301, 302, 303, 307, 308) and exc.headers.get("Location"):
                url = urllib.parse.urljoin(url, exc.headers["Location"])
                continue
            raise FetchError(f"Le serveur a répondu par une erreur (code HTTP {exc.code}).") from None
        except TimeoutError:
            raise FetchError(f"Le serveur n'a pas répondu dans les {settings.CATALOGUE_FETCH_TIMEOUT} secondes.") from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, TimeoutError | socket.timeout):
                raise FetchError(
                    f"Le serveur n'a pas répondu dans les {settings.CATALOGUE_FETCH_TIMEOUT} secondes.") from None
            raise FetchError(f"Le serveur est injoignable ({exc.reason}).") from None
        except (ConnectionError, OSError) as exc:
            if isinstance(exc, FetchError):
                raise
            raise FetchError(f"La connexion au serveur a échoué ({exc.__class__.__name__}).") from None
    raise FetchError(f"Trop de redirections (plus de {MAX_REDIRECTS}) : l'adresse est refusée.")


def _too_large():
    return FetchError(f"Le document dépasse la taille maximale acceptée ({settings.CATALOGUE_MAX_DOWNLOAD_MB} Mo).")
