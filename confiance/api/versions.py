"""ETag / If-Match for every object the API lets a client change (decision 0015).

An object's version is core.concurrency's (the id of its latest history row). A
change must name, in `If-Match`, the `ETag` read with the object: without it the
answer is 428, with an older one 412 and nothing is written. The caller locks the
row first (`select_for_update` inside a transaction), so two changes read at the
same version cannot both pass.
"""

from ninja import Status

from confiance.core.concurrency import etag, parse_version, version_of

IF_MATCH_DESCRIPTION = "L'`ETag` reçu en lisant l'objet (obligatoire pour le modifier)."


def refuse_stale(if_match, obj, response, what="L'objet"):
    """Return a 428 or 412 Status when `if_match` does not name `obj`'s current version, else None.

    `obj` must be the row read under lock. On a 412 the current `ETag` is sent back.
    """
    if not if_match:
        return Status(428, {"message": "Indiquez dans l'en-tête If-Match l'ETag reçu en lisant l'objet : "
                                       "rien n'a été enregistré.", "errors": {"If-Match": ["Obligatoire."]}})
    version = version_of(obj)
    if if_match.strip() != "*" and parse_version(if_match) != version:
        response["ETag"] = etag(version)
        return Status(412, {
            "message": f"{what} a été modifié depuis votre lecture : rien n'a été enregistré. "
                       "Relisez-le, puis renvoyez vos modifications.",
            "errors": {"If-Match": [f"La version actuelle est {etag(version)}."]},
        })
    return None


def tag(response, obj):
    """Put `obj`'s current version in the response's `ETag` header; return `obj`."""
    response["ETag"] = etag(version_of(obj))
    return obj
