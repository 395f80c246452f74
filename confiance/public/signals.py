"""Keep each public page's versions, and tell the charter whether the notice is published (law 6)."""

from django.apps import apps
from django.db.models.signals import post_save
from django.dispatch import receiver

from confiance.checks.inputs import register_state_provider
from confiance.checks.models import CheckResult
from confiance.public.models import Notice, PublicProfile, PublicVersion
from confiance.public.records import digest, is_published, public_record, public_systems


@register_state_provider
def notice_state(system):
    """Law 6 is met only once the steward has confirmed the notice is published."""
    if not system.pk:
        return {"notice_published": False}
    return {"notice_published": Notice.objects.filter(system=system, confirmed_at__isnull=False).exists()}


def publish_version(system):
    """Store a new version of the system's public page when what it says has changed; return it or None."""
    if not is_published(system):
        return None
    record = public_record(system)
    new_digest = digest(record, system)
    last = system.public_versions.order_by("-number").first()
    if last is not None and last.digest == new_digest:
        return None
    return PublicVersion.objects.create(
        system=system, number=(last.number + 1 if last else 1), digest=new_digest, content=record
    )


@receiver(post_save, sender=CheckResult, dispatch_uid="public_version_on_checks")
def version_on_checks(sender, instance, raw=False, **kwargs):
    # Every change of a record recomputes its checks, so this follows every change.
    if not raw:
        publish_version(instance.system)


@receiver(post_save, sender=Notice, dispatch_uid="public_version_on_notice")
def version_on_notice(sender, instance, raw=False, **kwargs):
    if not raw:
        publish_version(instance.system)


@receiver(post_save, sender=PublicProfile, dispatch_uid="public_version_on_profile")
def version_on_profile(sender, instance, raw=False, **kwargs):
    # The public contact appears on every page of the organisation's systems.
    if not raw:
        for system in public_systems(instance.organisation):
            publish_version(system)


@receiver(post_save, sender="accounts.Service", dispatch_uid="public_version_on_service")
def version_on_service(sender, instance, raw=False, **kwargs):
    # A service's public contact appears on its records' pages that have none of their own (issue #17).
    if not raw:
        for system in public_systems(instance.organisation).filter(service=instance):
            publish_version(system)


def _version_on_review_act(sender, instance, raw=False, **kwargs):
    if raw:
        return
    system = getattr(instance, "system", None) or getattr(getattr(instance, "referral", None), "system", None)
    if system is not None:
        publish_version(system)


if apps.is_installed("confiance.review"):
    for name in ("Opinion", "Decision", "Experiment", "YearlyReview"):
        post_save.connect(_version_on_review_act, sender=f"review.{name}", dispatch_uid=f"public_version_on_{name}")
