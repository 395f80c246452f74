from django.core.management.base import BaseCommand, CommandError

from confiance.accounts.models import Organisation
from confiance.public import reports


class Command(BaseCommand):
    help = "Make the annual report on the use of AI for a year, and optionally write its HTML and PDF."

    def add_arguments(self, parser):
        parser.add_argument("year", type=int, help="L'année du rapport, par exemple 2026.")
        parser.add_argument("--organisation", action="append", default=[],
                            help="Identifiant (slug) d'une organisation ; toutes celles qui ont des systèmes sinon.")
        parser.add_argument("--pdf", metavar="DOSSIER", help="Écrire aussi rapport-ia-<slug>-<année>.pdf et .html ici.")

    def handle(self, year, organisation, pdf, **options):
        if not 2000 <= year <= 2100:
            raise CommandError("L'année doit être comprise entre 2000 et 2100.")
        orgs = Organisation.objects.filter(slug__in=organisation) if organisation else \
            Organisation.objects.filter(ai_systems__isnull=False).distinct()
        missing = set(organisation) - set(orgs.values_list("slug", flat=True))
        if missing:
            raise CommandError(f"Organisation inconnue : {', '.join(sorted(missing))}")
        for org in orgs:
            report = reports.generate(org, year)
            state = "publié avec l'avis du comité éthique" if report.is_published else "en attente de l'avis du comité éthique"
            self.stdout.write(f"{org.slug} {year} : {report.figures['systems_total']} système(s), {state}.")
            if pdf:
                from pathlib import Path

                folder = Path(pdf)
                folder.mkdir(parents=True, exist_ok=True)
                base = folder / f"rapport-ia-{org.slug}-{year}"
                base.with_suffix(".html").write_text(reports.render_html(report, standalone=True), encoding="utf-8")
                base.with_suffix(".pdf").write_bytes(reports.render_pdf(report))
                self.stdout.write(f"  {base}.pdf")
