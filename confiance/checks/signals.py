"""Recompute the checks whenever something they read changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from confiance.checks.models import DPIA, FRIA, ContestedImplication, EUDatabaseEntry, Questionnaire
from confiance.checks.recompute import recompute
from confiance.register.models import AISystem


@receiver(post_save, sender=AISystem, dispatch_uid="checks_on_system")
def recompute_on_system_change(sender, instance, raw=False, **kwargs):
    if not raw:  # restoring an archive must not run rules
        recompute(instance)


@receiver(post_save, sender=Questionnaire, dispatch_uid="checks_on_questionnaire")
@receiver(post_save, sender=DPIA, dispatch_uid="checks_on_dpia")
@receiver(post_save, sender=FRIA, dispatch_uid="checks_on_fria")
@receiver(post_save, sender=EUDatabaseEntry, dispatch_uid="checks_on_eu_database")
def recompute_on_input_change(sender, instance, raw=False, **kwargs):
    if not raw:
        recompute(instance.system)


@receiver(post_save, sender=ContestedImplication, dispatch_uid="checks_on_contest")
@receiver(post_delete, sender=ContestedImplication, dispatch_uid="checks_on_contest_withdrawn")
def recompute_on_contest(sender, instance, raw=False, **kwargs):
    if not raw and AISystem.objects.filter(pk=instance.system_id).exists():  # not when the record goes
        recompute(instance.system)
