from django.core.management.base import BaseCommand
from django.db import transaction

from confiance.accounts.models import Membership, Organisation, OrganisationGroup, Person, Service
from confiance.audits.demo import load_audits_demo
from confiance.checks.models import Charter, Principle, Questionnaire, TrainingEvent
from confiance.checks.recompute import recompute
from confiance.demo import checks_data, register_data, review_data
from confiance.demo.accounts import DEMO_PASSWORD, DEMO_PEOPLE, MONTPELLIER, NANTES, ROLE_LABELS
from confiance.library.demo import load_library_demo
from confiance.public.demo import load_public_demo
from confiance.register.models import AISystem
from confiance.rules.charter import MONTPELLIER_CHARTER

SYSTEM_KEYS = {f.name for f in AISystem._meta.concrete_fields} - {"id", "organisation", "service", "status"}


class Command(BaseCommand):
    help = "Load the demo data (real cases from the source documents) and the demo accounts, once."

    def handle(self, **options):
        if Organisation.objects.filter(slug=register_data.ORGANISATIONS[0]["slug"]).exists():
            self.stdout.write("Données de démonstration déjà chargées.")
        else:
            with transaction.atomic():
                self._load()
            self.stdout.write(self.style.SUCCESS("Données de démonstration chargées."))
        self._print_accounts()

    def _load(self):
        groups = {g["slug"]: OrganisationGroup.objects.create(**g) for g in register_data.GROUPS}
        orgs = {}
        for data in register_data.ORGANISATIONS:
            data = dict(data)
            group = data.pop("group", None)
            org = Organisation(**data, group=groups.get(group))
            org.full_clean()
            org.save()
            orgs[org.slug] = org
        services = {}
        for slug, names in register_data.SERVICES.items():
            for name in names:
                services[slug, name] = Service.objects.create(organisation=orgs[slug], name=name)

        people = {}
        for username, first, last, org_slugs, roles, all_services, superuser in DEMO_PEOPLE:
            person = Person(username=username, first_name=first, last_name=last,
                            email=f"{username}@demo.invalid", is_staff=superuser, is_superuser=superuser)
            person.set_password(DEMO_PASSWORD)
            person.save()
            people[username] = person
            for org_slug in org_slugs:
                for role in roles:
                    membership = Membership.objects.create(person=person, organisation=orgs[org_slug], role=role)
                    if role == "steward" and all_services:
                        membership.services.set(s for (slug, _), s in services.items() if slug == org_slug)

        stewards = {slug: people["referent"] for slug in MONTPELLIER} | {slug: people["nantes"] for slug in NANTES}
        for data in register_data.SYSTEMS:
            fields = {k: v for k, v in data.items() if k in SYSTEM_KEYS}
            org = orgs[data["organisation"]]
            system = AISystem(
                **fields, organisation=org, service=services.get((org.slug, data.get("service"))),
                steward=stewards.get(org.slug), owner=stewards.get(org.slug),
                created_by=stewards.get(org.slug),
            )
            system.full_clean()
            system._change_reason = f"Chargé depuis la source : {data.get('source', '')}"[:100]
            system.save()
            if data.get("status", "draft") != "draft":
                system.set_status(data["status"], reason="Statut d'après la source")
        self._load_checks(orgs)
        review_data.load_review_demo()
        load_library_demo()
        load_public_demo()
        from confiance.catalogue.demo import load_catalogue_demo

        load_catalogue_demo()
        load_audits_demo()
        from confiance.demo.exemplary import load_exemplary_demo

        load_exemplary_demo()  # an illustrative record that meets all ten laws (decision 0020)

    def _load_checks(self, orgs):
        for prefix, answers in checks_data.ANSWERS.items():
            system = AISystem.objects.get(name__startswith=prefix)
            Questionnaire.objects.create(system=system, answers=answers)
        for slug in checks_data.MONTPELLIER_CHARTER_ORGANISATIONS:
            charter = Charter.objects.create(
                organisation=orgs[slug], name=MONTPELLIER_CHARTER.name, source=MONTPELLIER_CHARTER.source,
                source_url=checks_data.MONTPELLIER_CHARTER_SOURCE_URL,
            )
            for p in MONTPELLIER_CHARTER.principles:
                Principle.objects.create(charter=charter, number=p.number, title=p.title, text=p.text,
                                         check_kind=p.checks[0].value)
        for event in checks_data.TRAINING_EVENTS:
            TrainingEvent.objects.create(**{**event, "organisation": orgs[event["organisation"]]})
        for system in AISystem.objects.all():
            recompute(system)  # the charters changed after the records were saved

    def _print_accounts(self):
        self.stdout.write(f"Comptes de démonstration (mot de passe : {DEMO_PASSWORD}) :")
        for username, _, _, org_slugs, roles, _, _ in DEMO_PEOPLE:
            labels = ", ".join(ROLE_LABELS[r] for r in roles)
            self.stdout.write(f"  {username:<10} {labels} — {', '.join(org_slugs)}")
