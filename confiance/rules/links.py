"""Web addresses as people write them in spreadsheets.

A cell meant to hold a link may hold a full address, an address without its
scheme ("www.lille.fr/air"), or a sentence ("accès interne uniquement"). Only
http and https addresses become links; a sentence is kept as a note, never
turned into a link. No Django import here.
"""

import re
import urllib.parse
from dataclasses import dataclass

# The one scheme rule for addresses that come from outside (core.weblinks uses it for forms, the API,
# imports and harvests): http and https, with a host, and no spaces.
WEB_SCHEMES = ("http", "https")
_HOST_START = re.compile(r"^[^\s/$.?#]")
_OTHER_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
# A host name with a dot and a known-looking top-level part, then an optional path; no spaces.
_BARE = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,24}(?::\d+)?(?:[/?#][^\s]*)?$", re.I)


@dataclass(frozen=True)
class Link:
    """The outcome of reading one cell: a link (`url`) or a note (`note`), never both."""

    url: str = ""
    note: str = ""

    @property
    def normalised(self):
        return bool(self.url)


def has_web_scheme(value):
    """Return True when `value` is written as an http(s) address with a host (no spaces anywhere)."""
    if not isinstance(value, str) or not value or any(c.isspace() for c in value):
        return False
    try:
        parts = urllib.parse.urlsplit(value)
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return False
    return (parts.scheme.lower() in WEB_SCHEMES and value[len(parts.scheme):].startswith("://")
            and bool(_HOST_START.match(parts.netloc)))


def read_link(text):
    """Return the Link written in `text`: an http(s) address (scheme added when missing) or a note."""
    value = (text or "").strip()
    if not value:
        return Link()
    if has_web_scheme(value):
        return Link(url=value)
    if value.lower().startswith("//") and _BARE.match(value[2:]):
        return Link(url="https:" + value)
    if not _OTHER_SCHEME.match(value) and _BARE.match(value):
        return Link(url="https://" + value)
    return Link(note=value)
