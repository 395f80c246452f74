"""The library's vector index: int8 embeddings in a memory-mapped file shared by every process.

Web workers do not each hold the embeddings of the whole library (decision 0018). The
embedding task (`confiance.library.tasks.embed_projects`) writes, in
`LIBRARY_VECTOR_DIR/<database>/`, one generation of three NumPy files:

- `vectors-G.npy`: one row of 384 int8 per project, each row scaled to its largest component;
- `scales-G.npy`: the float32 scale of each row (vector ≈ row × scale);
- `ids-G.npy`: the project ids (sorted) and `stamps-G.npy` the `embedded_at` of each vector;

then points `current.json` at G (written atomically). A process opens the current
generation, and the new one when `current.json` changes. A search computes the dot
products over the file in blocks read with `pread` (its pages stay in the kernel's page
cache, shared by every process, not in each worker's memory), takes the best candidates,
then rescores them exactly with their float32 vectors read from the database through the
caller's queryset: what the queryset does not contain (a withdrawn project, another
tier's filter) never comes back.

Vectors computed since the generation was built (a project saved a moment ago) are the
"delta": rows whose `embedded_at` is later than the build minus a margin and differs from
the stamp in the file. They are read from the database (bounded, cached per process).
"""

import fcntl
import json
import logging
import os
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
from django.conf import settings
from django.db import connection
from django.utils import timezone
from threadpoolctl import ThreadpoolController

logger = logging.getLogger(__name__)

DIM = 384
BLOCK_ROWS = 4096  # rows converted to float32 at a time: 6 MB of scratch memory
DELTA_MARGIN = timedelta(minutes=2)  # saves committed while a generation was built are read as delta
DELTA_MAX = 5000  # newest vectors read from the database beyond the file, at most
CANDIDATES = 64  # candidates rescored exactly, at least
MAX_CANDIDATES = 16384  # a narrow queryset widens the candidates up to this many
_lock = threading.Lock()
# numpy's OpenBLAS starts one thread per core; next to the model's own thread, on a busy
# machine, its threads spin and a 100,000-row product took 0.5 s instead of 5 ms. A search
# is one request: its products run on the request's thread.
_threads = ThreadpoolController()
_state = {"path": None, "stat": None, "index": None, "delta_key": None, "delta": None}


def directory():
    """Return the index directory of the default database (created on demand)."""
    name = str(connection.settings_dict.get("NAME") or "default")
    slug = "".join(c if c.isalnum() else "-" for c in f"{connection.vendor}-{Path(name).name}")[-80:]
    return Path(settings.LIBRARY_VECTOR_DIR) / slug


def quantise(vectors):
    """Return (int8 rows, float32 scales) of float32 `vectors`: each row scaled to its largest component."""
    vectors = np.asarray(vectors, dtype=np.float32).reshape(-1, DIM)
    scales = np.abs(vectors).max(axis=1) / 127.0
    scales[scales == 0] = 1.0
    rows = np.clip(np.rint(vectors / scales[:, None]), -127, 127).astype(np.int8)
    return rows, scales.astype(np.float32)


class Index:
    """One generation of the file index.

    The int8 rows are read from the file block by block with `pread` into two buffers of
    this process (1.5 MB + 6 MB), not touched through a mapping: the file's pages stay in
    the kernel's page cache, shared by every worker and counted in none of their RSS.
    `vectors` is a read-only mapping of the same rows for callers that want them all.
    """

    def __init__(self, folder, meta):
        generation = meta["generation"]
        self.generation = generation
        self.built_at = datetime.fromisoformat(meta["built_at"])
        self.ids = np.load(folder / f"ids-{generation}.npy")
        self.stamps = np.load(folder / f"stamps-{generation}.npy")
        self.scales = np.load(folder / f"scales-{generation}.npy")
        self.vectors = np.zeros((0, DIM), dtype=np.int8)
        self._fd = None
        if len(self.ids):
            self.vectors = np.load(folder / f"vectors-{generation}.npy", mmap_mode="r")
            self._fd = os.open(folder / f"vectors-{generation}.npy", os.O_RDONLY)
            self._offset = self.vectors.offset
        self._lock = threading.Lock()
        self._raw = self._block = None

    def __del__(self):
        if getattr(self, "_fd", None) is not None:
            os.close(self._fd)

    def __len__(self):
        return len(self.ids)

    def scores(self, query):
        """Return the approximate dot product of every row with float32 `query`."""
        n = len(self.ids)
        out = np.empty(n, dtype=np.float32)
        with self._lock:
            if self._raw is None:
                self._raw = np.empty((BLOCK_ROWS, DIM), dtype=np.int8)
                self._block = np.empty((BLOCK_ROWS, DIM), dtype=np.float32)
            for start in range(0, n, BLOCK_ROWS):
                rows = min(BLOCK_ROWS, n - start)
                raw, block = self._raw[:rows], self._block[:rows]
                read = os.preadv(self._fd, [memoryview(raw).cast("B")], self._offset + start * DIM)
                if read != rows * DIM:
                    raise OSError(f"index des vecteurs tronqué ({read} octets lus)")
                np.copyto(block, raw, casting="unsafe")
                np.dot(block, query, out=out[start:start + rows])
        return out * self.scales

    def positions(self, ids):
        """Return the positions of `ids` in the file (those present)."""
        ids = np.asarray(list(ids), dtype=np.int64)
        where = np.searchsorted(self.ids, ids)
        found = (where < len(self.ids)) & (self.ids[np.minimum(where, len(self.ids) - 1)] == ids) \
            if len(self.ids) else np.zeros(len(ids), dtype=bool)
        return where[found], ids[found]


def _epoch(moment):
    return int(moment.timestamp() * 1_000_000) if moment is not None else 0


def current():
    """Return the mapped current generation (reloaded when `current.json` changed), or None."""
    path = directory() / "current.json"
    try:
        stat = path.stat()
    except FileNotFoundError:
        _state.update(path=path, stat=None, index=None)
        return None
    signature = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
    if _state["path"] != path or _state["stat"] != signature:
        with _lock:
            try:
                index = Index(path.parent, json.loads(path.read_text()))
            except (OSError, ValueError, KeyError) as exc:  # a generation removed under us: next call retries
                logger.warning("Index des vecteurs illisible (%s) : %s", path, exc)
                return _state["index"] if _state["path"] == path else None
            _state.update(path=path, stat=signature, index=index, delta_key=None, delta=None)
    return _state["index"]


def delta(index):
    """Return (ids, float32 vectors, stamps) of the vectors newer than the file, read from the database."""
    from django.db.models import Count, Max

    from confiance.library.models import SharedProject

    since = index.built_at - DELTA_MARGIN if index is not None else None
    rows = SharedProject.objects.filter(embedded_at__isnull=False)
    if since is not None:
        rows = rows.filter(embedded_at__gt=since)
    key = (index.generation if index else None, tuple(rows.aggregate(n=Count("pk"), last=Max("embedded_at")).values()))
    if _state["delta_key"] == key and _state["delta"] is not None:
        return _state["delta"]
    stamps = list(rows.order_by("-embedded_at").values_list("pk", "embedded_at")[:DELTA_MAX])
    if index is not None and stamps:
        where, present = index.positions(pk for pk, _ in stamps)
        known = dict(zip(present.tolist(), index.stamps[where].tolist(), strict=True))
        stamps = [(pk, at) for pk, at in stamps if known.get(pk) != _epoch(at)]
    wanted = [pk for pk, _ in stamps]
    vectors = dict(SharedProject.objects.filter(pk__in=wanted).exclude(embedding=None).values_list("pk", "embedding"))
    ids = [pk for pk in wanted if pk in vectors]
    matrix = np.frombuffer(b"".join(bytes(vectors[pk]) for pk in ids), dtype=np.float32).reshape(-1, DIM)
    result = (np.asarray(ids, dtype=np.int64), matrix)
    _state.update(delta_key=key, delta=result)
    return result


def candidates(vector, count):
    """Return up to `count` project ids whose vectors are nearest to `vector` (approximate), best first."""
    query = np.asarray(vector, dtype=np.float32).reshape(DIM)
    index = current()
    delta_ids, delta_vectors = delta(index)
    ids, scores = [], []
    if index is not None and len(index):
        base = index.scores(query)
        if len(delta_ids):
            where, _ = index.positions(delta_ids.tolist())
            base[where] = -np.inf  # a newer vector of the same project is in the delta
        ids.append(index.ids)
        scores.append(base)
    if len(delta_ids):
        ids.append(delta_ids)
        scores.append(delta_vectors @ query)
    if not ids:
        return []
    ids, scores = np.concatenate(ids), np.concatenate(scores)
    count = min(count, len(ids))
    top = np.argpartition(-scores, count - 1)[:count] if count < len(ids) else np.arange(len(ids))
    top = top[np.argsort(-scores[top], kind="stable")]
    return [int(ids[i]) for i in top if np.isfinite(scores[i])]


def nearest(queryset, vector, limit=10, exclude=None, min_score=0.0, margin=None):
    """Return the ids of the `limit` projects of `queryset` nearest to `vector`, best first.

    Candidates come from the file (and the delta); they are rescored exactly with their
    float32 vectors from the database, through `queryset`. When the queryset keeps few of
    them (a narrow filter), more candidates are tried.
    """
    if vector is None:
        return []
    with _threads.limit(limits=1, user_api="blas"):
        return _nearest(queryset, vector, limit, exclude, min_score, margin)


def _nearest(queryset, vector, limit, exclude, min_score, margin):
    query = np.asarray(vector, dtype=np.float32).reshape(DIM)
    queryset = queryset.exclude(embedding=None)
    count = max(CANDIDATES, 4 * (limit + 1))
    while True:
        found = candidates(query, count)
        wanted = [pk for pk in found if pk != exclude]
        rows = list(queryset.filter(pk__in=wanted).values_list("pk", "embedding")) if wanted else []
        if len(rows) >= limit or len(found) < count or count >= MAX_CANDIDATES:
            break
        count = min(count * 8, MAX_CANDIDATES)
    if not rows:
        return []
    matrix = np.frombuffer(b"".join(bytes(v) for _, v in rows), dtype=np.float32).reshape(-1, DIM)
    exact = matrix @ query
    order = np.argsort(-exact, kind="stable")[:limit]
    floor = min_score if margin is None else max(min_score, float(exact[order[0]]) - margin)
    return [rows[i][0] for i in order if exact[i] >= floor]


def build(batch=5000):
    """Write a new generation from the database (embedded, not withdrawn projects) and make it current.

    Return the number of vectors written. Older generations are removed; processes that
    still map one keep reading it until they notice the new one.
    """
    folder = directory()
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one build at a time (the task and the command may overlap)
        return _build(folder, batch)


def _build(folder, batch):
    from confiance.library.models import SharedProject

    started = timezone.now()
    generation = f"{int(time.time() * 1000)}-{os.getpid()}"
    rows = SharedProject.objects.filter(withdrawn=False).exclude(embedding=None)
    ids = np.fromiter(rows.order_by("pk").values_list("pk", flat=True), dtype=np.int64)
    n = len(ids)
    vectors = np.lib.format.open_memmap(folder / f"vectors-{generation}.npy", mode="w+", dtype=np.int8,
                                        shape=(n, DIM)) if n else None
    scales = np.zeros(n, dtype=np.float32)
    stamps = np.zeros(n, dtype=np.int64)
    kept = 0
    for start in range(0, n, batch):
        chunk = ids[start:start + batch]
        found = {pk: (bytes(v), at) for pk, v, at in rows.filter(pk__in=chunk.tolist())
                 .values_list("pk", "embedding", "embedded_at")}
        chunk = [pk for pk in chunk.tolist() if pk in found]  # withdrawn meanwhile: left out
        if not chunk:
            continue
        matrix = np.frombuffer(b"".join(found[pk][0] for pk in chunk), dtype=np.float32).reshape(-1, DIM)
        q, s = quantise(matrix)
        vectors[kept:kept + len(chunk)] = q
        scales[kept:kept + len(chunk)] = s
        stamps[kept:kept + len(chunk)] = [_epoch(found[pk][1]) for pk in chunk]
        ids[kept:kept + len(chunk)] = chunk
        kept += len(chunk)
    if vectors is not None:
        vectors.flush()
        del vectors
        if kept < n:  # rewrite without the rows of projects withdrawn during the build
            full = np.load(folder / f"vectors-{generation}.npy", mmap_mode="r")[:kept].copy()
            np.save(folder / f"vectors-{generation}.npy", full)
    else:
        np.save(folder / f"vectors-{generation}.npy", np.zeros((0, DIM), dtype=np.int8))
    np.save(folder / f"ids-{generation}.npy", ids[:kept])
    np.save(folder / f"scales-{generation}.npy", scales[:kept])
    np.save(folder / f"stamps-{generation}.npy", stamps[:kept])
    pointer = folder / f"current-{generation}.tmp"
    pointer.write_text(json.dumps({"generation": generation, "built_at": started.isoformat(), "count": kept}))
    os.replace(pointer, folder / "current.json")
    for old in folder.glob("*.npy"):
        if not old.name.endswith(f"-{generation}.npy"):
            old.unlink(missing_ok=True)
    return kept


def clear():
    """Forget the mapped generation in this process (tests, a changed LIBRARY_VECTOR_DIR)."""
    _state.update(path=None, stat=None, index=None, delta_key=None, delta=None)
