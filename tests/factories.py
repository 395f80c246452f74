"""Plain factories for tests: make_<model>(**overrides), nothing magic."""

import itertools

from confiance.accounts.models import Membership, Organisation, Person, Service
from confiance.register.models import AISystem

_seq = itertools.count(1)
PASSWORD = "test-password-123"


def make_organisation(**overrides):
    n = next(_seq)
    fields = {"name": f"Commune {n}", "slug": f"commune-{n}", "kind": "commune", "region": "Occitanie"}
    fields.update(overrides)
    return Organisation.objects.create(**fields)


def make_service(organisation, **overrides):
    fields = {"name": f"Service {next(_seq)}"}
    fields.update(overrides)
    return Service.objects.create(organisation=organisation, **fields)


def make_person(organisation=None, roles=(), services=(), **overrides):
    n = next(_seq)
    fields = {"username": f"person{n}", "first_name": "Prénom", "last_name": f"Nom{n}"}
    fields.update(overrides)
    person = Person(**fields)
    person.set_password(PASSWORD)
    person.save()
    for role in roles:
        membership = Membership.objects.create(person=person, organisation=organisation, role=role)
        if role == "steward":
            membership.services.set(services)
    return person


def make_system(organisation, **overrides):
    fields = {
        "name": f"Système {next(_seq)}",
        "public_summary": "Aide à l'organisation des tournées de collecte.",
        "purpose": "Optimiser les tournées.",
        "domain": "waste",
        "technique": "optimisation",
    }
    fields.update(overrides)
    status = fields.pop("status", None)
    system = AISystem(organisation=organisation, **fields)
    system.full_clean()
    system.save()
    if status:
        system.set_status(status)
    return system


def system_form_data(**overrides):
    """Return POST data for the record form, valid unless overridden."""
    data = {
        "name": "Prévision de fréquentation des cantines",
        "public_summary": "Estime le nombre de repas à préparer chaque jour.",
        "purpose": "Réduire le gaspillage alimentaire.",
        "citizen_benefit": "Moins de repas jetés.",
        "domain": "education",
        "technique": "statistical_ml",
        "hosting_country": "FR",
        "people_affected": "citizens",
        "decision_role": "none",
    }
    data.update(overrides)
    return data


def make_dataset(organisation, **overrides):
    """Return a saved catalogue Dataset, internal and hand-made unless overridden."""
    from confiance.catalogue.models import Dataset

    fields = {"title": f"Jeu de données {next(_seq)}", "description": "Un jeu de données de test."}
    fields.update(overrides)
    fields["shared_with"] = [o.slug for o in fields.get("shared_with", ())]
    dataset = Dataset(organisation=organisation, **fields)
    dataset.full_clean()
    dataset.save()
    return dataset
