"""The inbox: what is each person's to do."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST


@login_required
def inbox(request):
    return render(request, "review/inbox.html", {"nav": "inbox",
                                                 "notifications": request.user.notifications.all()[:200]})


@require_POST
@login_required
def notification_open(request, pk):
    """Mark a notification read and go to what it is about."""
    note = get_object_or_404(request.user.notifications, pk=pk)
    if note.read_at is None:
        note.read_at = timezone.now()
        note.save(update_fields=["read_at"])
    safe = note.url and url_has_allowed_host_and_scheme(note.url, allowed_hosts={request.get_host()})
    return redirect(note.url if safe else "review:inbox")


@require_POST
@login_required
def inbox_read_all(request):
    request.user.notifications.filter(read_at__isnull=True).update(read_at=timezone.now())
    return redirect("review:inbox")

