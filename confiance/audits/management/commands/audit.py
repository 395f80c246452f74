import json
import os

from django.core.management.base import BaseCommand, CommandError

from confiance.accounts.models import Person
from confiance.audits.bias import max_bytes, preflight, run_bias_audit
from confiance.audits.tasks import start_bias_audit
from confiance.catalogue.models import Dataset
from confiance.register.models import AISystem
from confiance.rules import bias_law
from confiance.rules.bias import DEFAULT_MIN_GROUP_SIZE, AuditSpec, run_audit
from confiance.rules.bias_input import BiasInputError, parse_reference

SEPARATORS = {"comma": ",", "semicolon": ";", "tab": "\t", ",": ",", ";": ";"}


class Command(BaseCommand):
    help = "Run an audit on a data file: `bias` measures shares, rates and disparities per group (law 10)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        p = sub.add_parser("bias", help="Audit a CSV or Parquet file for bias; only aggregates are kept.")
        p.add_argument("file", help="Path of the CSV (`,` `;` or tab; UTF-8 or Windows-1252) or Parquet file.")
        p.add_argument("--protected", required=True, help="Protected attributes, comma-separated: sexe,tranche_age.")
        target = p.add_mutually_exclusive_group()
        target.add_argument("--system", type=int,
                            help="Attach the aggregates to this AI system (id); without it or --dataset, print only.")
        target.add_argument("--dataset", type=int, help="Attach the aggregates to this dataset of the catalogue (id); "
                                                        "they count for law 10 of every system it feeds.")
        p.add_argument("--outcome", default="", help="Column of the actual outcome.")
        p.add_argument("--favourable", default="", help="Favourable value of the outcome (oui, 1...).")
        p.add_argument("--prediction", default="", help="Column of the model's prediction.")
        p.add_argument("--prediction-favourable", default="", help="Favourable value of the prediction.")
        p.add_argument("--threshold", type=float, help="A prediction score at or above it is favourable.")
        p.add_argument("--reference", action="append", default=[],
                       help='Reference shares of one attribute, e.g. "sexe: F=0,52; H=0,48" (repeatable).')
        p.add_argument("--min-group-size", type=int, default=DEFAULT_MIN_GROUP_SIZE,
                       help="Groups smaller than this are suppressed (statistical secrecy).")
        p.add_argument("--separator", choices=sorted(SEPARATORS), help="Force the CSV separator (default: detect).")
        p.add_argument("--legal-basis", default="", help="Legal basis when columns suggest GDPR art. 9 data.")
        p.add_argument("--by", default="", help="Username of the person who runs the audit (history).")
        p.add_argument("--json", action="store_true", help="Print the full report as JSON.")
        p.add_argument("--background", action="store_true",
                       help="Run on the background runner (needs --system or --dataset); follow it with "
                            "`confiance followjob`.")

    def handle(self, *args, action, **options):
        getattr(self, "handle_" + action)(**options)

    def _progress(self):
        last = [-1]

        def report(fraction, message):
            percent = int(fraction * 100)
            if percent >= last[0] + 5 or percent == 100:
                last[0] = percent
                self.stderr.write(f"{percent:3d} % {message}")
        return report

    def handle_bias(self, file, protected, system=None, dataset=None, by="", json=False, background=False, **o):
        try:
            reference = parse_reference("\n".join(o["reference"]))
        except BiasInputError as exc:
            raise CommandError(str(exc)) from None
        spec = AuditSpec(
            protected=tuple(n.strip() for n in protected.split(",") if n.strip()), outcome=o["outcome"],
            outcome_favourable=o["favourable"], prediction=o["prediction"],
            prediction_favourable=o["prediction_favourable"], prediction_threshold=o["threshold"],
            reference=reference, min_group_size=o["min_group_size"], legal_basis=o["legal_basis"],
            separator=SEPARATORS.get(o["separator"] or "", ""),
        )
        target = AISystem.objects.filter(pk=system).first() if system else None
        if system and target is None:
            raise CommandError(f"Aucun système d'IA n'a l'identifiant {system}.")
        if dataset:
            target = Dataset.objects.filter(pk=dataset).first()
            if target is None:
                raise CommandError(f"Aucun jeu de données n'a l'identifiant {dataset}.")
        person = Person.objects.filter(username=by).first() if by else None
        if background:
            return self._background(target, file, spec, person)
        try:
            if target:
                audit = run_bias_audit(target, file, spec, person, progress=self._progress())
                report = audit.report
            else:
                report = run_audit(file, spec, progress=self._progress(), max_bytes=max_bytes()).as_dict()
        except (BiasInputError, bias_law.LegalBasisRequired) as exc:
            raise CommandError(str(exc)) from None
        if json:
            self.stdout.write(_json(report))
            return
        self._summary(report)
        if target:
            what = f"au jeu de données {target.pk} ({target.title})" if dataset else \
                f"au système {target.pk} ({target.name})"
            self.stdout.write(self.style.SUCCESS(f"Agrégats rattachés {what}, audit n° {audit.pk}."))
        else:
            self.stdout.write("Rien n'est enregistré (indiquez --system ou --dataset pour rattacher l'audit).")

    def _background(self, target, file, spec, person):
        if target is None:
            raise CommandError("--background demande --system ou --dataset : l'audit est rattaché à un système ou à "
                               "un jeu de données.")
        try:
            preflight(file, spec)
        except (BiasInputError, bias_law.LegalBasisRequired) as exc:
            raise CommandError(str(exc)) from None
        job = start_bias_audit(target, os.path.abspath(file), spec, person)
        self.stdout.write(f"Tâche n° {job.pk} lancée. Suivez-la : confiance followjob {job.pk}")

    def _summary(self, report):
        self.stdout.write(f"{report['rows']} lignes lues ; {report['suppressed_groups']} groupe(s) masqué(s).")
        for result in report["attributes"] + report["intersections"]:
            name = " × ".join(result["attributes"])
            self.stdout.write(f"{name} : {result['known']} renseignées, {result['missing']} manquantes")
            for g in result["groups"]:
                label = " × ".join(g["labels"])
                if g["suppressed"]:
                    self.stdout.write(f"  {label} : masqué")
                    continue
                rates = [f"{k} {g[k]:.3f}" for k in ("share", "outcome_rate", "prediction_rate") if g[k] is not None]
                self.stdout.write(f"  {label} : {g['n']} ; " + ", ".join(rates))
            for key, value in result["disparity"].items():
                if value is not None and key != "groups_compared":
                    self.stdout.write(f"  {key} = {value:.4f}")


def _json(data):
    return json.dumps(data, ensure_ascii=False, indent=2)
