"""A harvest writes its projects in bulk, yet each keeps its version in the history and is found by search."""

from confiance.library.federation import FEED_FORMAT, harvest
from confiance.library.models import HarvestSource, SharedProject
from confiance.library.search import search
from confiance.library.tests.conftest import make_shared_project
from confiance.rules.library_tiers import Tier


def _feed(items):
    def fetch(url, token=""):
        return {"format": FEED_FORMAT, "instance": "http://autre.example", "tier": 1, "page": 1, "pages": 1,
                "count": len(items), "next": None, "projects": items}
    return fetch


def _item(n, summary="Les repas de la cantine, prévus chaque matin.", updated="2026-01-01T00:00:00+00:00"):
    return {"origin_id": str(n), "updated_at": updated, "withdrawn": False,
            "fields": {"name": f"Cantine numéro {n}", "summary": summary, "domain": "education",
                       "region": "Bretagne", "organisation_name": f"Ville {n}"}}


def test_it_keeps_a_creation_version_for_every_harvested_project(db):
    source = HarvestSource.objects.create(name="Autre", url="http://autre.example/flux.json")
    report = harvest(source, fetch=_feed([_item(n) for n in range(30)]))
    assert (report.ok, report.created) == (True, 30)
    for project in SharedProject.objects.filter(harvest_source=source):
        versions = list(project.history.all())
        assert [(v.history_type, v.history_change_reason) for v in versions] == [("+", "Moissonné depuis Autre")]
        assert versions[0].name == project.name
    result = search("cantine", Tier.PUBLIC, {"region": ["Bretagne"]}, limit=50)
    assert result.total == 30 and len(result.ids) == 30
    assert {v.value: v.count for f in result.facets if f.name == "domain" for v in f.values} == {"education": 30}


def test_it_keeps_an_update_version_and_reindexes(db):
    source = HarvestSource.objects.create(name="Autre", url="http://autre.example/flux.json")
    harvest(source, fetch=_feed([_item(1)]))
    report = harvest(source, fetch=_feed([_item(1, "Des vélos comptés aux carrefours.", "2026-02-01T00:00:00+00:00")]))
    assert report.updated == 1
    project = SharedProject.objects.get(harvest_source=source)
    assert [v.history_type for v in project.history.all()] == ["~", "+"]
    assert search("velos", Tier.PUBLIC).ids == [project.pk]
    assert search("repas", Tier.PUBLIC).ids == []


def test_it_gives_later_projects_ids_of_their_own(db):
    source = HarvestSource.objects.create(name="Autre", url="http://autre.example/flux.json")
    harvest(source, fetch=_feed([_item(n) for n in range(5)]))
    later = make_shared_project(name="Compter les vélos", summary="Des capteurs comptent les vélos.")
    assert later.pk not in set(SharedProject.objects.filter(harvest_source=source).values_list("pk", flat=True))
    assert search("velos", Tier.PUBLIC).ids == [later.pk]


def test_it_writes_each_creation_version_with_every_field_of_the_project(db):
    from datetime import UTC, datetime

    source = HarvestSource.objects.create(name="Autre", url="http://autre.example/flux.json")
    before = datetime.now(UTC)
    harvest(source, fetch=_feed([_item(n, updated=f"2026-03-0{n + 1}T08:30:15.250000+01:00") for n in range(3)]))
    for project in SharedProject.objects.filter(harvest_source=source):
        version = project.history.get()
        tracked = [f.attname for f in SharedProject.history.model.tracked_fields]
        assert {name: getattr(version, name) for name in tracked} == {name: getattr(project, name) for name in tracked}
        assert project.origin_updated_at == datetime(2026, 3, int(project.origin_id) + 1, 7, 30, 15, 250000, tzinfo=UTC)
        assert version.history_date >= before and version.history_user is None
