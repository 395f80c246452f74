"""Pages that belong to no capability: the front door."""

from django.conf import settings
from django.shortcuts import render

from confiance.accounts.models import Organisation


def home(request):
    """Show a signed-in person what they must do; show a visitor the public home."""
    if request.user.is_authenticated:
        from confiance.core.todo import todo_for

        return render(request, "core/todo.html", {"nav": "todo", **todo_for(request.user)})
    from confiance.public.records import public_systems

    organisations = (Organisation.objects.filter(pk__in=public_systems().values("organisation"))
                     .order_by("name"))
    return render(request, "core/public_home.html", {"organisations": organisations})


def bad_request(request, exception=None):
    """Answer a request Django refused before any view (handler400), in French.

    A body over DATA_UPLOAD_MAX_MEMORY_SIZE cannot be read, so the server cannot
    send the typing back; the page says so, and that the browser's back button
    returns to the form with the typing still in it.
    """
    from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent

    too_big = isinstance(exception, (RequestDataTooBig, TooManyFieldsSent))
    limit_mb = round(settings.DATA_UPLOAD_MAX_MEMORY_SIZE / 1024 / 1024, 1) if settings.DATA_UPLOAD_MAX_MEMORY_SIZE else None
    return render(request, "400.html", {"too_big": too_big, "limit_mb": limit_mb}, status=413 if too_big else 400)
