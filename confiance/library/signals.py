"""Keep the search index and the embeddings in step with the shared projects.

A project saved on its own is embedded at once (about 25 ms). Inside
`embeddings.deferred()` (harvests, imports) it is not: those callers drop the
vectors of changed projects and queue the embedding task (confiance.library.tasks).
"""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from confiance.library import embeddings
from confiance.library.models import SharedProject
from confiance.library.search import backend, index_project


@receiver(pre_save, sender=SharedProject)
def embed_project(sender, instance, raw=False, **kwargs):
    if raw or instance.withdrawn or embeddings.is_deferred():
        return
    embeddings.embed_now(instance)


@receiver(post_save, sender=SharedProject)
def index_saved_project(sender, instance, raw=False, **kwargs):
    if not raw:
        index_project(instance)


@receiver(post_delete, sender=SharedProject)
def unindex_deleted_project(sender, instance, **kwargs):
    backend().remove(instance.pk)
