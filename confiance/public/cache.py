"""Serve the busiest public pages from the cache while what they show is unchanged.

A page's cache key holds the organisation's "generation": the latest public
version id and the latest change of any of its records. Every change of what a
public page says creates a version (confiance.public.signals), and any record
leaving the public statuses bumps `updated_at`. Each worker process re-reads
the generation at most every GENERATION_TTL seconds, so a page is at most that
old, in any worker, without shared cache invalidation.
"""

import time
from functools import wraps

from django.core.cache import cache
from django.db.models import Max

from confiance.public.models import PublicVersion
from confiance.register.models import AISystem

TIMEOUT = 3600
GENERATION_TTL = 1.0
_generations = {}  # slug -> (read at, generation), per process


def generation(slug):
    """Return the organisation's generation, re-read from the database at most every GENERATION_TTL seconds."""
    now = time.monotonic()
    read_at, value = _generations.get(slug, (0.0, None))
    if value is None or now - read_at > GENERATION_TTL:
        value = read_generation(slug)
        _generations[slug] = (now, value)
    return value


def read_generation(slug):
    versions = PublicVersion.objects.filter(system__organisation__slug=slug).aggregate(v=Max("id"))["v"]
    changed = AISystem.objects.filter(organisation__slug=slug).aggregate(u=Max("updated_at"))["u"]
    return f"{versions}:{changed.timestamp() if changed else 0}"


def cached_public_page(view):
    """Cache the view's successful GET answers for visitors who are not logged in."""

    @wraps(view)
    def wrapper(request, slug, *args, **kwargs):
        if request.method != "GET" or request.user.is_authenticated:
            return view(request, slug, *args, **kwargs)
        key = f"public-page:{request.get_full_path()}:{generation(slug)}"
        cached = cache.get(key)
        if cached is not None:
            return cached
        response = view(request, slug, *args, **kwargs)
        if response.status_code == 200:
            response.render() if hasattr(response, "render") else None
            cache.set(key, response, TIMEOUT)
        return response

    return wrapper
