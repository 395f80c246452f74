"""Recompute the checks whenever something they read changes."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from confiance.checks.models import DPIA, FRIA, Questionnaire
from confiance.checks.recompute import recompute
from confiance.register.models import AISystem


@receiver(post_save, sender=AISystem, dispatch_uid="checks_on_system")
def recompute_on_system_change(sender, instance, raw=False, **kwargs):
    if not raw:  # restoring an archive must not run rules
        recompute(instance)


@receiver(post_save, sender=Questionnaire, dispatch_uid="checks_on_questionnaire")
@receiver(post_save, sender=DPIA, dispatch_uid="checks_on_dpia")
@receiver(post_save, sender=FRIA, dispatch_uid="checks_on_fria")
def recompute_on_input_change(sender, instance, raw=False, **kwargs):
    if not raw:
        recompute(instance.system)
