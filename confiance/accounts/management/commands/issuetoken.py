from django.core.management.base import BaseCommand, CommandError

from confiance.accounts.models import ApiToken, Person


class Command(BaseCommand):
    help = "Issue an API token for a person and print it once (only its digest is stored)."

    def add_arguments(self, parser):
        parser.add_argument("username", help="The person's login.")
        parser.add_argument("--name", default="jeton", help="A label to recognise the token later.")

    def handle(self, username, name, **options):
        person = Person.objects.filter(username=username, is_active=True).first()
        if person is None:
            raise CommandError(f"Aucune personne active n'a l'identifiant « {username} ».")
        _, raw = ApiToken.issue(person, name)
        self.stdout.write(raw)
