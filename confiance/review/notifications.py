"""Tell people what is theirs to do: a message in their inbox and an e-mail (Django's mail framework)."""

import logging
from contextlib import contextmanager

from django.core.mail import send_mail
from django.db import IntegrityError, transaction

from confiance.core.site import site_url
from confiance.review.models import Notification

logger = logging.getLogger(__name__)
_quiet = []


@contextmanager
def without_email():
    """Fill the inboxes but send no e-mail (the demo loader uses it)."""
    _quiet.append(True)
    try:
        yield
    finally:
        _quiet.pop()


def notify(people, kind, subject, body, url="", key=""):
    """Send `subject` to each person once per `key` (when given); return the notifications created.

    The inbox is the reference: an e-mail that fails is logged, never lost from the inbox.
    """
    created = []
    for person in {p.pk: p for p in people if p is not None and p.is_active}.values():
        if key and Notification.objects.filter(person=person, key=key).exists():
            continue
        try:
            with transaction.atomic():
                note = Notification.objects.create(person=person, kind=kind, subject=subject[:200], body=body,
                                                   url=url, key=key)
        except IntegrityError:  # a concurrent run sent it first
            continue
        created.append(note)
        if person.email and not _quiet:
            link = f"\n\n{site_url()}{url}" if url else ""
            try:
                send_mail(f"[Confiance] {subject}", body + link, None, [person.email])
            except Exception:  # noqa: BLE001 - the inbox keeps the message
                logger.exception("E-mail to %s failed", person.email)
    return created


def committee_people(committee):
    return [seat.person for seat in committee.members.select_related("person")]


def record_people(system):
    """Return who answers for a record: its project lead, its creator and its steward."""
    return [system.owner, system.created_by, system.steward]


def internal_committee_people(organisation):
    from confiance.review.models import Committee

    return [p for c in Committee.objects.filter(organisation=organisation, kind="internal")
            for p in committee_people(c)]
