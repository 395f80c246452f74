"""Every organisation of the demo, with all its capabilities' data, survives export and restore."""

import json

import pytest
from django.core.management import call_command

from confiance.accounts.models import Organisation
from confiance.portability.archive import export_organisation, import_archive

pytestmark = pytest.mark.django_db(transaction=True)


def _lines(archive):
    kept = {k: v for k, v in archive.items() if k != "exported_at"}
    return json.dumps(kept, sort_keys=True, indent=1, ensure_ascii=False).splitlines()


def test_it_restores_every_demo_organisation_exactly():
    call_command("loaddemo", verbosity=0)
    archives = {org.slug: json.loads(json.dumps(export_organisation(org))) for org in Organisation.objects.all()}
    models = {o["model"] for a in archives.values() for o in a["objects"]}
    # The archive carries every capability, not only the register.
    assert {"register.aisystem", "checks.checkresult", "review.opinion", "review.committee",
            "public.publicversion", "library.sharedproject"} <= models

    call_command("flush", interactive=False)
    for archive in archives.values():
        import_archive(archive)

    for slug, archive in archives.items():
        assert _lines(export_organisation(Organisation.objects.get(slug=slug))) == _lines(archive), slug


def test_restored_shared_projects_are_searchable_again():
    from confiance.library.models import SharedProject
    from confiance.library.search import search
    from confiance.rules.library_tiers import Tier

    call_command("loaddemo", verbosity=0)
    project = SharedProject.objects.filter(organisation__isnull=False).order_by("pk").first()
    assert project is not None, "the demo shares projects of its own organisations"
    archive = json.loads(json.dumps(export_organisation(project.organisation)))
    call_command("flush", interactive=False)
    import_archive(archive)
    assert project.pk in search(project.name, Tier(1), semantic=False).ids
