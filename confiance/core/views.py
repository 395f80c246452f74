"""Pages that belong to no capability: the front door."""

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
