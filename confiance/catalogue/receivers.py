"""Recompute a record's checks when a dataset it uses, or the link itself, changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from confiance.catalogue.models import Dataset, DatasetUse


def _recompute(systems):
    from confiance.checks.recompute import recompute

    for system in systems:
        recompute(system)


@receiver(post_save, sender=DatasetUse, dispatch_uid="catalogue_checks_on_use")
@receiver(post_delete, sender=DatasetUse, dispatch_uid="catalogue_checks_on_use_delete")
def recompute_on_use(sender, instance, raw=False, **kwargs):
    if not raw:  # restoring an archive must not run rules
        _recompute([instance.system])


@receiver(post_save, sender=Dataset, dispatch_uid="catalogue_checks_on_dataset")
def recompute_on_dataset(sender, instance, raw=False, created=False, **kwargs):
    if not raw and not created:
        from confiance.register.models import AISystem

        _recompute(AISystem.objects.filter(dataset_uses__dataset=instance).distinct())
