"""Contact the team of a harvested project at its origin instance, through the origin's feed contact endpoint.

The hub posts the message to `<feed>/contact/<origin id>` (beside the feed it harvests),
authenticated by the member token the origin issued to it. The origin leaves the message in
the team's library inbox. When the project has no such route (no token, a relayed project,
the origin down or refusing), the caller says so plainly and gives the origin's public contact.
"""

import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

MAX_MESSAGE_CHARS = 3000


@dataclass(frozen=True)
class Delivery:
    ok: bool
    explanation: str = ""


def contact_url(project):
    """Return the origin's contact endpoint for `project`, or "" when there is none to use."""
    source = project.harvest_source
    if project.is_local or source is None or not source.token or "/" in project.origin_id:
        return ""  # a relayed project ("instance/id") lives on a third instance
    base = source.url.split("?", 1)[0]
    if not base.endswith("flux.json"):
        return ""
    return base[: -len("flux.json")] + "flux/contact/" + urllib.parse.quote(project.origin_id, safe="") + "/"


def post_json(url, payload, token, timeout=10):
    """POST `payload` as JSON with the bearer `token`; return (status, decoded JSON or {})."""
    request = urllib.request.Request(url, data=json.dumps(payload).encode(), method="POST", headers={
        "Content-Type": "application/json", "Authorization": f"Bearer {token}", "Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (URL set by an administrator)
            return response.status, json.loads(response.read().decode("utf-8") or "{}")
    except urllib.error.HTTPError as error:
        return error.code, {}


def send(project, person, organisation, message, post=post_json):
    """Send `message` to the team of harvested `project`; return a Delivery saying whether it arrived."""
    url = contact_url(project)
    if not url:
        return Delivery(False, "Ce projet vient d'une autre instance, qui ne nous a pas ouvert de canal pour "
                               "transmettre les messages.")
    payload = {"message": message[:MAX_MESSAGE_CHARS], "sender_name": str(person),
               "sender_email": person.email, "sender_organisation": organisation.name}
    try:
        status, _ = post(url, payload, project.harvest_source.token)
    except (urllib.error.URLError, OSError, ValueError):
        return Delivery(False, "L'instance d'origine ne répond pas pour l'instant.")
    if status in (200, 201, 202):
        return Delivery(True)
    if status in (401, 403):
        return Delivery(False, "L'instance d'origine n'accepte plus notre jeton : elle ne peut pas prendre ce "
                               "message.")
    return Delivery(False, "L'instance d'origine n'a pas pu prendre ce message.")
