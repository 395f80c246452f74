"""Load the demo library: the real projects of confiance/demo/library_data.py, with their sources."""

from django.utils import timezone
from django.utils.text import slugify

from confiance.accounts.models import Organisation
from confiance.demo.library_data import LIBRARY_PROJECTS
from confiance.library.models import LibraryMember, SharedProject
from confiance.rules.library_interconnectes import DOMAIN_CLASSIFICATION, MATURITY

DEMO_ORIGIN = "demo"


def load_library_demo():
    """Make every demo organisation a library member and load the demo projects, once (idempotent)."""
    for organisation in Organisation.objects.all():
        LibraryMember.objects.get_or_create(organisation=organisation, defaults={"note": "Démonstration"})
    by_name = {o.name: o for o in Organisation.objects.all()}
    created = 0
    for data in LIBRARY_PROJECTS:
        origin_id = slugify(f"{data['organisation']}-{data['name']}")[:200]
        if SharedProject.objects.filter(origin_instance=DEMO_ORIGIN, origin_id=origin_id).exists():
            continue
        theme, sub_theme = DOMAIN_CLASSIFICATION.get(data["domain"], ("", ""))
        project = SharedProject(
            origin_instance=DEMO_ORIGIN, origin_id=origin_id, organisation=by_name.get(data["organisation"]),
            name=data["name"], organisation_name=data["organisation"], organisation_kind=data["organisation_kind"],
            region=data["region"], domain=data["domain"], theme=theme, sub_themes=sub_theme,
            summary=data["summary"], status=MATURITY.get(data["status"], ""), technique=data["technique"],
            start_date=str(data["year"] or ""), outcome=data["outcome"], sources=data["source"],
            vendor=data["vendor"], data_used=data["data_used"], lessons_worked=data["lessons_learned"],
            updated_at=timezone.now(),
        )
        project._change_reason = "Bibliothèque de démonstration (sources publiques)"
        project.save()
        created += 1
    return created
