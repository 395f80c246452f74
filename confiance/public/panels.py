"""The transparency panel on a record's page in the register: public page link and law 6 notice."""

from confiance.accounts.permissions import Action, can
from confiance.core.concurrency import version_of
from confiance.public.models import Notice
from confiance.public.notices import snippet_html
from confiance.public.records import is_published, system_urls
from confiance.register.panels import register_panel


@register_panel(order=30)
def transparency_panel(request, system):
    is_public = is_published(system)
    if not is_public and not system.citizen_facing:
        return None
    urls = system_urls(system.organisation.slug, system.pk)
    notice = Notice.objects.filter(system=system).first() if system.citizen_facing else None
    return {
        "template": "public/_register_panel.html",
        "system": system,
        "is_public": is_public,
        "urls": urls,
        "notice": notice,
        "version": version_of(notice),
        "snippet": snippet_html(urls["url"], system.name) if system.citizen_facing else "",
        "can_edit": can(request.user, Action.EDIT, system.organisation_id, system),
    }


@register_panel(order=35)
def completeness_panel(request, system):
    """What each publication standard requires of the record, and what is still to fill (issue #17)."""
    from confiance.public import completeness

    return {
        "template": "public/_completeness_panel.html",
        "system": system,
        "results": [completeness.as_dict(r) for r in completeness.for_system(system)],
        "can_edit": can(request.user, Action.EDIT, system.organisation_id, system),
    }
