import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from confiance.accounts.models import Organisation
from confiance.core.import_reports import write_report
from confiance.jobs.cli import progress_printer
from confiance.jobs.management.commands.followjob import Command as FollowJob
from confiance.jobs.runner import run_here
from confiance.library import tasks
from confiance.library.federation import configured_sources
from confiance.library.interconnectes import export_csv, import_file
from confiance.library.models import FeedToken, HarvestSource, LibraryMember, SharedProject
from confiance.rules.import_report import ImportReport
from confiance.rules.library_tiers import Tier


class Command(BaseCommand):
    help = ("Run the library's tasks: harvest feeds, import or export the Interconnectés CSV, issue feed tokens, "
            "embed projects for meaning-based search.")

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        p = sub.add_parser("harvest", help="Harvest the feeds of the configured sources (LIBRARY_HUB_SOURCES and the admin).")
        p.add_argument("--source", help="Harvest only this feed URL (it is added as a source if new).")
        p.add_argument("--token", default="", help="Token issued by the source instance (with --source).")
        p.add_argument("--page-size", type=int, default=500, help="Projects asked for per page (at most 1000).")
        p.add_argument("--queue", action="store_true",
                       help="Queue each harvest for the task worker and follow it, instead of running it here.")
        p = sub.add_parser(
            "import-interconnectes",
            help="Load a file in the Interconnectés format (CSV, XLSX or ODS); exit 0 all rows loaded, 1 some rows "
                 "rejected, 2 file unreadable.")
        p.add_argument("file", help="Path of the file (CSV in UTF-8 or Windows-1252, any separator; XLSX; ODS).")
        p.add_argument("--dry-run", action="store_true",
                       help="Print what would be created, updated, normalised and rejected, without writing.")
        p = sub.add_parser("export-interconnectes", help="Write the library as a CSV in the Interconnectés format.")
        p.add_argument("--output", "-o", help="File to write (default: standard output).")
        p.add_argument("--tier", type=int, choices=[1, 2, 3], default=1, help="Tier of the reader (1 public, 2 members, 3 experts).")
        p = sub.add_parser("issue-token", help="Issue a feed token to a member organisation and print it once.")
        p.add_argument("organisation", help="Slug of the organisation.")
        p.add_argument("name", help="What the token is for, e.g. the hub's name.")
        p.add_argument("--tier", type=int, choices=[2, 3], default=2, help="Tier the token opens.")

        p = sub.add_parser(
            "embed",
            help="Embed the projects that have no vector yet (meaning-based search) and rewrite the vector index, "
                 "as a background task with progress; search keeps working, by text, meanwhile.")
        p.add_argument("--all", action="store_true", dest="everything", help="Embed every project again.")
        p.add_argument("--now", action="store_true",
                       help="Run in this process instead of the background worker, printing the progress.")
        p.add_argument("--no-follow", action="store_true", help="Queue the task and return (the worker runs it).")
        sub.add_parser("index", help="Rewrite the vector index from the vectors stored in the database (no embedding).")

    def handle(self, *args, action, **options):
        getattr(self, "handle_" + action.replace("-", "_"))(**options)

    def handle_harvest(self, source=None, token="", page_size=500, queue=False, **options):
        if source:
            obj, _ = HarvestSource.objects.get_or_create(url=source, defaults={"name": source})
            if token:
                obj.token = token
                obj.save()
            sources = [obj]
        else:
            sources = configured_sources()
        if not sources:
            raise CommandError("Aucune source à moissonner : renseignez LIBRARY_HUB_SOURCES ou --source.")
        failed = 0
        for obj in sources:
            # Each harvest is a job (its page shows it, it can be cancelled there): run here, or by the worker.
            if queue:
                job = tasks.start_harvest(obj, page_size=page_size)
                self.stdout.write(f"Tâche {job.pk} en file d'attente : {job.label}")
                try:
                    FollowJob(stdout=self.stderr, stderr=self.stderr).handle(job=job.pk, interval=1.0)
                except CommandError:
                    pass
                job.refresh_from_db()
            else:
                job = run_here(tasks.harvest_source, kind="library.harvest", label=tasks.label(obj),
                               organisation=None, action="administer", source_id=obj.pk, page_size=page_size,
                               on_write=progress_printer(self.stderr, options.get("verbosity", 1)))
            ok = job.status == job.Status.SUCCEEDED
            (self.stdout if ok else self.stderr).write(job.message)
            failed += not ok
        if failed:
            raise CommandError(f"{failed} source(s) en échec : les projets déjà moissonnés sont conservés.")

    def handle_import_interconnectes(self, file, dry_run=False, **options):
        try:
            data = Path(file).read_bytes()
        except OSError as exc:
            report = ImportReport(fatal=f"lecture impossible de {file} ({exc.strerror or exc}).")
        else:
            report = import_file(data, file, dry_run=dry_run)
        write_report(self, report)

    def handle_export_interconnectes(self, output=None, tier=1, **options):
        text = export_csv(SharedProject.objects.filter(withdrawn=False).order_by("pk"), Tier(tier))
        if output:
            Path(output).write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)

    def handle_issue_token(self, organisation, name, tier=2, **options):
        org = Organisation.objects.filter(slug=organisation).first()
        if org is None:
            raise CommandError(f"Organisation inconnue : {organisation}")
        if not LibraryMember.objects.filter(organisation=org, active=True).exists():
            raise CommandError(f"{org} n'est pas membre de la bibliothèque : aucun jeton ne peut lui être délivré.")
        _, raw = FeedToken.issue(org, name, tier)
        self.stdout.write(raw)

    def handle_embed(self, everything=False, now=False, no_follow=False, **options):
        from confiance.jobs.management.commands.followjob import Command as FollowJob
        from confiance.library import embeddings, tasks

        if not embeddings.available():
            raise CommandError("La recherche par le sens est désactivée (LIBRARY_EMBEDDINGS) ou son modèle est "
                               "indisponible sur cette machine.")
        job = None if now else tasks.queue_embedding(everything=everything, reason="commande")
        if job is None:
            done = tasks.embed_all(_PrintedProgress(self.stdout), everything=everything)
            self.stdout.write(f"{done} projet(s) vectorisé(s).")
            return
        self.stdout.write(f"Vectorisation lancée : tâche {job.pk} (confiance followjob {job.pk}).")
        if not no_follow:
            FollowJob(stdout=self.stdout, stderr=self.stderr).handle(job=job.pk, interval=1.0)

    def handle_index(self, **options):
        from confiance.library import vector_index

        self.stdout.write(f"Index des vecteurs réécrit : {vector_index.build()} vecteur(s).")


class _PrintedProgress:
    """The runner's Progress interface, printed on the terminal (`library embed --now`)."""

    def __init__(self, stdout):
        self.stdout, self.total, self.last = stdout, 0, -1

    def report(self, done, total=None, message=None, force=False):
        self.total = total if total is not None else self.total
        percent = int(100 * done / self.total) if self.total else 100
        if message or force or percent >= self.last + 5:
            self.last = percent
            self.stdout.write(f"{done}/{self.total} ({percent} %){f' — {message}' if message else ''}")
