from django import template

from confiance.library import access
from confiance.library.models import Reuse, SharedProject

register = template.Library()


@register.inclusion_tag("library/_register_panel.html", takes_context=True)
def library_panel(context, system):
    """Show a register record's library state: provenance, share link or "share" button."""
    user = context["request"].user
    return {
        "system": system,
        "reuse": Reuse.objects.filter(system=system).select_related("project").first(),
        "shared": SharedProject.objects.filter(system=system, withdrawn=False).first(),
        "can_share": access.can_manage(user, system.organisation_id),
    }


@register.simple_tag(takes_context=True)
def may_manage_index(context):
    """True when the person may open the meaning-based search index screen (library administrators)."""
    return access.may_manage_index(context["request"].user)
