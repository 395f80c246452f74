"""Keep the search index and the embeddings in step with the shared projects."""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from confiance.library import embeddings
from confiance.library.models import SharedProject
from confiance.library.search import backend, index_project


@receiver(pre_save, sender=SharedProject)
def embed_project(sender, instance, raw=False, **kwargs):
    if raw or instance.withdrawn:
        return
    vector = embeddings.embed_passage(embeddings.project_text(instance))
    if vector is not None:
        instance.embedding = vector


@receiver(post_save, sender=SharedProject)
def index_saved_project(sender, instance, raw=False, **kwargs):
    if not raw:
        index_project(instance)


@receiver(post_delete, sender=SharedProject)
def unindex_deleted_project(sender, instance, **kwargs):
    backend().remove(instance.pk)
