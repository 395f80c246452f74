"""Pages that belong to no capability: the front door."""

from django.conf import settings
from django.shortcuts import redirect


def home(request):
    """Send signed-in people to their register, others to the login page."""
    if request.user.is_authenticated:
        return redirect("register:dashboard")
    return redirect("login")


def bad_request(request, exception=None):
    """Answer a request Django refused before any view (handler400), in French.

    A body over DATA_UPLOAD_MAX_MEMORY_SIZE cannot be read, so the server cannot
    send the typing back; the page says so, and that the browser's back button
    returns to the form with the typing still in it.
    """
    from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
    from django.shortcuts import render

    too_big = isinstance(exception, (RequestDataTooBig, TooManyFieldsSent))
    limit_mb = round(settings.DATA_UPLOAD_MAX_MEMORY_SIZE / 1024 / 1024, 1) if settings.DATA_UPLOAD_MAX_MEMORY_SIZE else None
    return render(request, "400.html", {"too_big": too_big, "limit_mb": limit_mb}, status=413 if too_big else 400)
