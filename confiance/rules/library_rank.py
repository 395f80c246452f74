"""Fusing rankings: reciprocal rank fusion (Cormack, Clarke & Büttcher, SIGIR 2009).

The text search and the meaning-based search each return an ordered list of
project ids; `fuse` merges them with score(d) = sum over lists of 1 / (k + rank).
No Django import here.
"""

RRF_K = 60


def fuse(rankings, k=RRF_K, weights=None):
    """Return the ids of every ranking, best first, by reciprocal rank fusion.

    `rankings` is a list of id lists (best first); `weights` optionally weighs
    each list. Ties keep the order of first appearance.
    """
    weights = weights or [1.0] * len(rankings)
    scores, order = {}, {}
    for ranking, weight in zip(rankings, weights, strict=True):
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
            order.setdefault(item, len(order))
    return sorted(scores, key=lambda item: (-scores[item], order[item]))
