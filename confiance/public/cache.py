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

from django.conf import settings
from django.core.cache import cache
from django.db.models import Max
from django.urls import reverse

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
    return f"{versions}:{changed.timestamp() if changed else 0}:{_organisation_laws_changed(slug)}"


def _organisation_laws_changed(slug):
    """Return the latest change of what laws 7 to 9 read on the organisation (its trainings, its policy).

    Public pages show those laws as the organisation stands (decision 0020); their history
    rows record every change, deletions included.
    """
    from confiance.checks.models import OrganisationPolicy, TrainingEvent

    return ":".join(str(model.history.filter(organisation__slug=slug).aggregate(h=Max("history_id"))["h"])
                    for model in (TrainingEvent, OrganisationPolicy))


def page_key(request, slug):
    return f"public-page:{request.get_full_path()}:{generation(slug)}"


def cached_public_page(view):
    """Cache the view's successful GET answers for visitors who are not logged in.

    CachedPublicPageMiddleware answers from this cache before the session,
    authentication and CSRF layers run; this decorator fills it.
    """

    @wraps(view)
    def wrapper(request, slug, *args, **kwargs):
        if request.method != "GET" or request.user.is_authenticated:
            return view(request, slug, *args, **kwargs)
        key = page_key(request, slug)
        cached = cache.get(key)
        if cached is not None:
            return cached
        response = view(request, slug, *args, **kwargs)
        if response.status_code == 200:
            response.render() if hasattr(response, "render") else None
            cache.set(key, response, TIMEOUT)
        return response

    return wrapper


class CachedPublicPageMiddleware:
    """Answer a visitor's GET of a cached public page at once.

    Placed right after WhiteNoise: a visitor without a session cookie gets the
    cached bytes without paying for sessions, authentication, CSRF, messages
    and URL resolution, which is most of the cost of a cached page. Anything
    else, and any page not yet cached, goes down the normal stack.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = None

    def __call__(self, request):
        # The disallowed-host check comes first: a cached page answers only this site's hosts
        # (DisallowedHost becomes Django's 400).
        request.get_host()
        if request.method == "GET" and settings.SESSION_COOKIE_NAME not in request.COOKIES:
            if self.prefix is None:
                self.prefix = reverse("public:index")
            if request.path.startswith(self.prefix):
                slug = request.path[len(self.prefix):].split("/", 1)[0]
                if slug:
                    cached = cache.get(page_key(request, slug))
                    if cached is not None:
                        return cached
        return self.get_response(request)
