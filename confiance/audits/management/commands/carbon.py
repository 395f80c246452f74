from django.core.management.base import BaseCommand, CommandError

from confiance.accounts.models import Person
from confiance.audits.carbon import measure
from confiance.audits.models import CarbonMeasurement
from confiance.register.models import AISystem
from confiance.rules.carbon import CarbonInputError


class Command(BaseCommand):
    help = "Carbon of AI systems: `measure` runs a real command under codecarbon (offline) and attaches the figures."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        p = sub.add_parser("measure", help="Run COMMAND under codecarbon and attach energy and emissions to a system.")
        p.add_argument("--system", type=int, required=True, help="Id of the AI system the measurement belongs to.")
        p.add_argument("--part", choices=[c for c, _ in CarbonMeasurement.Part.choices], default="training",
                       help="What the command is: a training run becomes the estimate's training part.")
        p.add_argument("--country", default="FRA", help="ISO 3166-1 alpha-3 code of the electricity grid.")
        p.add_argument("--runs-per-year", type=float, default=1.0, help="How many such training runs a year.")
        p.add_argument("--by", default="", help="Username of the person who measures (history).")
        p.add_argument("command", nargs="+", metavar="-- COMMAND", help="The command to run, after `--`.")

    def handle(self, *args, action, **options):
        getattr(self, "handle_" + action)(**options)

    def handle_measure(self, system, command, part, country, runs_per_year, by="", **options):
        target = AISystem.objects.filter(pk=system).first()
        if target is None:
            raise CommandError(f"Aucun système d'IA n'a l'identifiant {system}.")
        command = command[1:] if command and command[0] == "--" else command
        if not command:
            raise CommandError("Indiquez la commande à mesurer après « -- ».")
        self.stderr.write(f"Mesure en cours (codecarbon, hors ligne, réseau {country}) : {' '.join(command)}")
        person = Person.objects.filter(username=by).first() if by else None
        try:
            measurement, estimate = measure(target, command, part, country.upper(), person, runs_per_year)
        except CarbonInputError as exc:
            raise CommandError(str(exc)) from None
        except FileNotFoundError:
            raise CommandError(f"Commande introuvable : {command[0]}") from None
        self.stdout.write(f"Durée {measurement.duration_s:.1f} s, énergie {measurement.energy_kwh:.6f} kWh, "
                          f"émissions {measurement.emissions_kg * 1000:.3f} g CO2e (code de retour "
                          f"{measurement.return_code}).")
        if estimate is not None:
            self.stdout.write(self.style.SUCCESS(f"Estimation du système {target.pk} mise à jour : "
                                                 f"{estimate.central_kg:.2f} kg CO2e par an."))
        if measurement.return_code:
            raise CommandError(f"La commande a échoué (code {measurement.return_code}) ; la mesure est gardée, "
                               "l'estimation n'est pas modifiée.")
