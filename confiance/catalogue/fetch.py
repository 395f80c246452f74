"""Fetch a catalogue from a URL, refusing what a public server must never be made to fetch.

Only http(s); the host's addresses are resolved first and private, loopback, link-local,
multicast and reserved ones are refused unless `CATALOGUE_ALLOW_PRIVATE_URLS` is set
(tests serve fixture portals on 127.0.0.1); redirects are followed by hand (at most
`MAX_REDIRECTS`, each target checked the same way, loops refused); the body is read up to
`CATALOGUE_MAX_DOWNLOAD_MB`. Every failure is a `FetchError` with a French message.
"""

import ipaddress
import socket
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings

MAX_REDIRECTS = 5
CHUNK = 1 << 16


class FetchError(Exception):
    """The URL cannot be fetched; the message is French and says why."""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # let the 3xx surface as an HTTPError, handled by fetch()


_opener = urllib.request.build_opener(_NoRedirect, urllib.request.ProxyHandler({}))


def check_url(url):
    """Raise FetchError unless `url` is http(s) to a host whose every address may be fetched."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError("Seules les adresses http:// ou https:// sont acceptées.")
    if not parts.hostname:
        raise FetchError("L'adresse ne contient pas de nom de serveur.")
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80),
                                   proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError):
        raise FetchError(f"Le serveur « {parts.hostname} » est introuvable.") from None
    if getattr(settings, "CATALOGUE_ALLOW_PRIVATE_URLS", False):
        return
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if (address.is_private or address.is_loopback or address.is_link_local or address.is_multicast
                or address.is_reserved or address.is_unspecified):
            raise FetchError(f"L'adresse « {parts.hostname} » désigne un réseau privé ou local : elle est refusée.")


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
