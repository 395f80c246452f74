"""The transparency panel on a record's page in the register: public page link and law 6 notice."""

from confiance.accounts.permissions import Action, can
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
        "snippet": snippet_html(urls["url"], system.name) if system.citizen_facing else "",
        "can_edit": can(request.user, Action.EDIT, system.organisation_id, system),
    }
