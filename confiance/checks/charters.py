"""Give an organisation its charter: adopt Montpellier's 10 laws, or start one of its own."""

from django.db import transaction

from confiance.checks.models import Charter, Principle
from confiance.checks.recompute import recompute
from confiance.rules.charter import MONTPELLIER_CHARTER

MONTPELLIER_CHARTER_SOURCE_URL = "https://www.montpellier3m.fr/"


@transaction.atomic
def adopt_charter(organisation, charter=MONTPELLIER_CHARTER, source_url=MONTPELLIER_CHARTER_SOURCE_URL, actor=None):
    """Give `organisation` a copy of `charter` (the 10 laws by default) and recheck its records; return it.

    An organisation that already has a charter keeps it: nothing changes and that charter is returned.
    """
    existing = Charter.objects.filter(organisation=organisation).first()
    if existing is not None:
        return existing
    model = Charter(organisation=organisation, name=charter.name, source=charter.source, source_url=source_url)
    model._history_user = actor
    model.save()
    for p in charter.principles:
        Principle.objects.create(charter=model, number=p.number, title=p.title, text=p.text,
                                 check_kind=p.checks[0].value)
    organisation.charter = model
    for system in organisation.ai_systems.all():
        system.organisation = organisation
        recompute(system)
    return model
