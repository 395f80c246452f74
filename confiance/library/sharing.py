"""Share a register record, reuse a shared project, contact its team."""

from django.db import transaction
from django.utils import timezone

from confiance.library.choices import STATUS_MATURITY, size_band
from confiance.library.models import LOCAL_ORIGIN, ContactRequest, LibraryMessage, Reuse, SharedProject
from confiance.register.models import AISystem
from confiance.rules.library_interconnectes import DOMAIN_CLASSIFICATION
from confiance.rules.publication_standards import (
    INTERCONNECTES_AUDIENCE,
    INTERCONNECTES_HOSTING,
    INTERCONNECTES_IMPLEMENTATION,
)


def initial_from_system(system):
    """Return the share form's initial values, taken from a register record."""
    theme, sub_theme = DOMAIN_CLASSIFICATION.get(system.domain, ("", ""))
    initial = {
        "name": system.name, "summary": system.public_summary, "domain": system.domain,
        "technique": system.technique, "status": STATUS_MATURITY.get(system.status, ""),
        "start_date": str(system.created_at.year) if system.created_at else "",
        "theme": theme, "sub_themes": sub_theme, "vendor": system.vendor,
        "data_used": system.datasets_used, "licence": system.licence,
        "hosting": system.get_hosting_country_display() if system.hosting_country != "UNKNOWN" else "",
    }
    # The record's publication fields (issue #17), in the words of Les Interconnectés' lists.
    publication = {
        "start_date": system.started_on.strftime("%d/%m/%Y") if system.started_on else "",
        "contacts": system.contact_email,
        "contract_type": INTERCONNECTES_IMPLEMENTATION.get(system.implementation, ""),
        "hosting": INTERCONNECTES_HOSTING.get(system.hosting_mode, ""),
        "audience": INTERCONNECTES_AUDIENCE.get(system.people_affected, ""),
        "data_used": system.input_data,
    }
    initial.update({k: v for k, v in publication.items() if v})
    return initial


def share_system(system, data, person):
    """Create or update the shared copy of `system` with the form's cleaned `data`."""
    project = SharedProject.objects.filter(origin_instance=LOCAL_ORIGIN, origin_id=str(system.pk)).first()
    if project is None:
        project = SharedProject(origin_instance=LOCAL_ORIGIN, origin_id=str(system.pk), system=system, shared_by=person)
    for name, value in data.items():
        setattr(project, name, value)
    stamp_share(project, system)
    project.save()
    return project


def stamp_share(project, system):
    """Set what a share takes from its organisation, and put it back in the library (before a save)."""
    organisation = system.organisation
    project.organisation = organisation
    project.organisation_name = organisation.name
    project.organisation_kind = organisation.kind
    project.size_band = size_band(organisation.population)
    project.region = organisation.region
    project.withdrawn = False
    project.withdrawn_at = None
    project.updated_at = timezone.now()
    project._change_reason = "Partage dans la bibliothèque"


def withdraw(project, reason="Retrait de la bibliothèque"):
    """Withdraw a project: it leaves every page, search and feed; its history stays."""
    project.withdrawn = True
    project.withdrawn_at = timezone.now()
    project.updated_at = project.withdrawn_at
    project._change_reason = reason
    project.save()


def notify_team(project, text):
    """Leave a message in the project team's inbox (local projects only)."""
    if project.organisation_id:
        LibraryMessage.objects.create(organisation_id=project.organisation_id, project=project, text=text)


@transaction.atomic
def reuse_project(project, fields, organisation, technique, person):
    """Create a draft record in `organisation` prefilled from the viewer's view of `project`.

    `fields` must already be redacted to the viewer's tier: a reuse never copies
    what its author may not read.
    """
    summary = fields.get("summary") or project.name
    purpose_parts = [f"Projet repris de la bibliothèque : « {project.name} » ({project.organisation_name})."]
    if fields.get("outcome"):
        purpose_parts.append(f"Résultat constaté à l'origine : {fields['outcome']}")
    system = AISystem(
        organisation=organisation, name=project.name[:200], public_summary=summary,
        purpose="\n".join(purpose_parts), domain=fields.get("domain") or "other", technique=technique,
        vendor=(fields.get("vendor") or "")[:200], datasets_used=fields.get("data_used") or "",
        licence=(fields.get("licence") or "")[:100], owner=person, created_by=person,
    )
    system.full_clean()
    system._change_reason = f"Repris de la bibliothèque : {project.name}"[:100]
    system.save()
    Reuse.objects.create(
        project=project, system=system, person=person, source_name=project.name,
        source_organisation=project.organisation_name, source_origin=project.origin_instance,
    )
    notify_team(project, f"{organisation.name} a repris votre projet « {project.name} » comme point de départ d'une fiche.")
    return system


def send_contact_request(project, person, organisation, message):
    request = ContactRequest.objects.create(
        project=project, sender=person, sender_organisation=organisation, message=message
    )
    notify_team(project, f"Nouvelle demande de contact de {organisation.name} sur « {project.name} ».")
    return request


def answer_contact_request(contact, answer, person):
    contact.answer = answer
    contact.answered_by = person
    contact.answered_at = timezone.now()
    contact.state = ContactRequest.State.ANSWERED
    contact._change_reason = "Réponse de l'équipe"
    contact.save()
    return contact
