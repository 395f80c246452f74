"""Pages that belong to no capability: the front door."""

from django.shortcuts import redirect


def home(request):
    """Send signed-in people to their register, others to the login page."""
    if request.user.is_authenticated:
        return redirect("register:dashboard")
    return redirect("login")
