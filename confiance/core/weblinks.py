"""Addresses that come from outside: web links are http(s), contacts mailto, harvests public (decision 0015).

A link typed in a form, sent to the API, read from an import or harvested from
another instance is only ever shown as a link when it is http(s) (or mailto for a
contact); anything else (`javascript:`, `data:`, `file:`) is refused on the way
in and shown as plain text if it is already stored. A harvest only fetches
http(s) addresses whose host resolves to public addresses, unless
LIBRARY_HARVEST_ALLOWED_NETWORKS lists the network (tests allow loopback).
"""

import ipaddress
import socket
import urllib.parse

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator

WEB_SCHEMES = ("http", "https")
web_url_validator = URLValidator(schemes=list(WEB_SCHEMES), message="Saisissez une adresse web en http:// ou https://.")


def is_web_url(value):
    """Return True when `value` is an http(s) address a page may link to."""
    if not isinstance(value, str) or not value:
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
    """A harvest address this instance must not fetch; the message says why, in French."""


def _allowed_networks():
    return [ipaddress.ip_network(n, strict=False) for n in getattr(settings, "LIBRARY_HARVEST_ALLOWED_NETWORKS", [])]


def check_harvest_url(url, resolve=True):
    """Raise UnsafeSource unless `url` is http(s) and (when `resolve`) its host is a public address."""
    parts = urllib.parse.urlsplit(str(url))
    if parts.scheme not in WEB_SCHEMES or not parts.hostname:
        raise UnsafeSource(f"adresse refusée « {str(url)[:200]} » : seules les adresses http:// et https:// sont moissonnées")
    if not resolve:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80),
                                   proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise UnsafeSource(f"hôte introuvable « {parts.hostname} »") from exc
    allowed = _allowed_networks()
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if any(address in network for network in allowed):
            continue
        if not address.is_global or address.is_multicast:
            raise UnsafeSource(
                f"adresse refusée « {parts.hostname} » ({address}) : adresse privée, locale ou réservée "
                "(réglage LIBRARY_HARVEST_ALLOWED_NETWORKS pour l'autoriser)")
