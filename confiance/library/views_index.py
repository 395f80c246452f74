"""The meaning-based search index, for library administrators: how far it is, and a button to embed."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from confiance.library import access, tasks, vector_index

ONLY_ADMINS = "Seuls les administrateurs de la bibliothèque gèrent l'index de recherche par le sens."


def _require_admin(request):
    if not access.may_manage_index(request.user):
        raise PermissionDenied(ONLY_ADMINS)


@login_required
def index_status(request):
    """Projects with and without a vector, the index file, the last embedding jobs."""
    _require_admin(request)
    return render(request, "library/index_status.html", {"nav": "library", "status": tasks.status()})


@require_POST
@login_required
def index_embed(request):
    """Queue the embedding task (pending projects, or all with `tout`) and follow it on its job page."""
    _require_admin(request)
    job = tasks.queue_embedding(person=request.user, everything=request.POST.get("tout") == "1",
                                reason="écran d'administration")
    if job is None:
        raise PermissionDenied("La recherche par le sens est désactivée sur cette instance (LIBRARY_EMBEDDINGS).")
    return redirect(job)


__all__ = ["index_embed", "index_status", "vector_index"]
