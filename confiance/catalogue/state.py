"""What the catalogue tells the checks: the reasons found in the datasets linked to a record."""

from confiance.checks.inputs import register_state_provider
from confiance.rules.catalogue import LinkedDataset, SystemDataFacts, dataset_reasons


def data_facts(system):
    """Return the record's data as rules.catalogue reads it."""
    from confiance.catalogue.models import DatasetUse

    uses = [] if system.pk is None else DatasetUse.objects.filter(system=system).select_related("dataset")
    return SystemDataFacts(
        personal_data=system.processes_personal_data,
        dpia_recorded=system.pk is not None and hasattr(system, "dpia"),
        datasets=tuple(
            LinkedDataset(title=u.dataset.title, role=u.role, classification=u.dataset.classification,
                          legal_basis=u.dataset.legal_basis, hosting_country=u.dataset.hosting_country,
                          transfer_basis=u.dataset.transfer_basis)
            for u in uses
        ),
    )


@register_state_provider
def catalogue_state(system):
    return {"dataset_reasons": dataset_reasons(data_facts(system))}
