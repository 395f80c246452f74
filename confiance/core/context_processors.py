"""What the header needs on every page: the links a person may follow, their organisation's public site."""

from django.urls import reverse

from confiance.accounts.permissions import Action, organisations_where, viewer_for


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"nav_can_create": bool(organisations_where(user, Action.CREATE)),
            "nav_public_url": public_site_url(user)}


def public_site_url(person):
    """Return the public site of the person's own organisation: the first of theirs that publishes, by name."""
    from confiance.accounts.models import Organisation
    from confiance.public.records import public_systems

    own = list(viewer_for(person).roles)
    if not own:
        return reverse("public:index")
    publishing = Organisation.objects.filter(pk__in=own).filter(pk__in=public_systems().values("organisation"))
    organisation = publishing.order_by("name").first() or Organisation.objects.filter(pk__in=own).order_by(
        "name").first()
    return reverse("public:home", args=[organisation.slug])
