"""Recompute a record's checks when its audits change (laws 4 and 10, the ethics threshold).

An audit of a dataset recomputes every record the dataset feeds.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from confiance.audits.models import BiasAudit, CarbonEstimate
from confiance.checks.recompute import recompute


def _systems(instance):
    if getattr(instance, "system_id", None):
        return [instance.system]
    from confiance.audits.state import FEEDING_ROLES
    from confiance.register.models import AISystem

    return AISystem.objects.filter(dataset_uses__dataset_id=instance.dataset_id,
                                   dataset_uses__role__in=FEEDING_ROLES).distinct()


@receiver(post_save, sender=BiasAudit, dispatch_uid="checks_on_bias_audit")
@receiver(post_save, sender=CarbonEstimate, dispatch_uid="checks_on_carbon_estimate")
@receiver(post_delete, sender=BiasAudit, dispatch_uid="checks_on_bias_audit_delete")
@receiver(post_delete, sender=CarbonEstimate, dispatch_uid="checks_on_carbon_estimate_delete")
def recompute_on_audit_change(sender, instance, raw=False, **kwargs):
    if not raw:
        for system in _systems(instance):
            recompute(system)
