"""Addresses that come from outside: web links are http(s), contacts mailto, harvests public (decision 0015).

A link typed in a form, sent to the API, read from an import or harvested from
another instance is only ever shown as a link when it is http(s) (or mailto for a
contact); anything else (`javascript:`, `data:`, `file:`) is refused on the way
in and shown as plain text if it is already stored. Every fetch this instance
makes from an address someone gave it (library harvests, catalogue imports and
harvests) goes through one guard, `check_outbound_url`: http(s) only, and every
address the host resolves to public, unless OUTBOUND_ALLOWED_NETWORKS lists its
network (tests allow loopback). The scheme rule itself is `rules.links.has_web_scheme`.
"""

import ipaddress
import socket
import urllib.parse

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator

from confiance.rules.links import WEB_SCHEMES, has_web_scheme

web_url_validator = URLValidator(schemes=list(WEB_SCHEMES), message="Saisissez une adresse web en http:// ou https://.")


def is_web_url(value):
    """Return True when `value` is an http(s) address a page may link to."""
    if not isinstance(value, str) or not has_web_scheme(value.strip()):
        return False
    try:
        web_url_validator(value.strip())
    except ValidationError:
        return False
    return True


def is_contact_url(value):
    """Return True for an http(s) address or a mailto: with a valid e-mail."""
    if is_web_url(value):
        return True
    if isinstance(value, str) and value.lower().startswith("mailto:"):
        try:
            EmailValidator()(value[7:].split("?", 1)[0])
        except ValidationError:
            return False
        return True
    return False


def validate_web_url(value):
    """Django validator: refuse any address that is not http(s)."""
    if value and not is_web_url(value):
        raise ValidationError("Saisissez une adresse web en http:// ou https:// (les autres types de lien sont refusés).",
                              code="invalid_scheme")


class UnsafeSource(ValueError):
    """An address this instance must not fetch; the message says why, in French."""


EVERY_NETWORK = ("0.0.0.0/0", "::/0")


def outbound_allowed_networks():
    """Return the networks a fetch may reach although they are not public.

    OUTBOUND_ALLOWED_NETWORKS, plus the deprecated aliases it replaced:
    LIBRARY_HARVEST_ALLOWED_NETWORKS (same meaning) and CATALOGUE_ALLOW_PRIVATE_URLS
    (true: every network).
    """
    names = [*getattr(settings, "OUTBOUND_ALLOWED_NETWORKS", []),
             *getattr(settings, "LIBRARY_HARVEST_ALLOWED_NETWORKS", [])]
    if getattr(settings, "CATALOGUE_ALLOW_PRIVATE_URLS", False):
        names += EVERY_NETWORK
    return [ipaddress.ip_network(n, strict=False) for n in names]


def check_outbound_url(url, resolve=True):
    """Raise UnsafeSource unless `url` is http(s) and (when `resolve`) every address of its host is public
    or in outbound_allowed_networks(). Check each redirect's target again."""
    text = str(url)
    try:
        parts = urllib.parse.urlsplit(text)
        hostname, port = parts.hostname, parts.port
    except ValueError:
        hostname, port = None, None
    if not has_web_scheme(text) or not hostname:
        raise UnsafeSource(f"adresse refusée « {text[:200]} » : seules les adresses http:// ou https:// sont "
                           "acceptées")
    if not resolve:
        return
    try:
        infos = socket.getaddrinfo(hostname, port or (443 if parts.scheme.lower() == "https" else 80),
                                   proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise UnsafeSource(f"serveur introuvable « {hostname} »") from exc
    allowed = outbound_allowed_networks()
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if any(address.version == network.version and address in network for network in allowed):
            continue
        if not address.is_global or address.is_multicast:
            raise UnsafeSource(
                f"adresse refusée « {hostname} » ({address}) : adresse privée, locale ou réservée (réseau privé "
                "ou local) ; le réglage OUTBOUND_ALLOWED_NETWORKS peut l'autoriser")


check_harvest_url = check_outbound_url  # the library's name for the same guard
