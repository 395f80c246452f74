import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from confiance.accounts.models import Organisation
from confiance.library.federation import configured_sources, harvest
from confiance.library.interconnectes import export_csv, import_csv
from confiance.library.models import FeedToken, HarvestSource, LibraryMember, SharedProject
from confiance.rules.library_tiers import Tier


class Command(BaseCommand):
    help = "Run the library's tasks: harvest feeds, import or export the Interconnectés CSV, issue feed tokens."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        p = sub.add_parser("harvest", help="Harvest the feeds of the configured sources (LIBRARY_HUB_SOURCES and the admin).")
        p.add_argument("--source", help="Harvest only this feed URL (it is added as a source if new).")
        p.add_argument("--token", default="", help="Token issued by the source instance (with --source).")
        p.add_argument("--page-size", type=int, default=500, help="Projects asked for per page (at most 1000).")
        p = sub.add_parser("import-interconnectes", help="Load a CSV in the Interconnectés format; bad rows are reported.")
        p.add_argument("file", help="Path of the CSV file (UTF-8).")
        p = sub.add_parser("export-interconnectes", help="Write the library as a CSV in the Interconnectés format.")
        p.add_argument("--output", "-o", help="File to write (default: standard output).")
        p.add_argument("--tier", type=int, choices=[1, 2, 3], default=1, help="Tier of the reader (1 public, 2 members, 3 experts).")
        p = sub.add_parser("issue-token", help="Issue a feed token to a member organisation and print it once.")
        p.add_argument("organisation", help="Slug of the organisation.")
        p.add_argument("name", help="What the token is for, e.g. the hub's name.")
        p.add_argument("--tier", type=int, choices=[2, 3], default=2, help="Tier the token opens.")

    def handle(self, *args, action, **options):
        getattr(self, "handle_" + action.replace("-", "_"))(**options)

    def handle_harvest(self, source=None, token="", page_size=500, **options):
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
            report = harvest(obj, page_size=page_size)
            (self.stdout if report.ok else self.stderr).write(report.summary())
            failed += not report.ok
        if failed:
            raise CommandError(f"{failed} source(s) en échec : les projets déjà moissonnés sont conservés.")

    def handle_import_interconnectes(self, file, **options):
        try:
            text = Path(file).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"Lecture impossible de {file} : {exc}") from None
        report = import_csv(text)
        lines = list(report.lines())
        self.stdout.write(lines[0])
        for line in lines[1:]:
            self.stderr.write(line)

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
