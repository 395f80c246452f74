"""What the catalogue tells the checks: the reasons found in the datasets linked to a record,
and the questionnaire's answers those datasets already give."""

from confiance.checks.inputs import register_prefill_provider, register_state_provider
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


@register_prefill_provider
def catalogue_prefill(system):
    """Pre-fill "personal data" and "sensitive data" with yes when a linked dataset is classified so.

    Only a yes is given: a record fed by open datasets may still process personal data elsewhere,
    so the catalogue never answers no in the steward's place.
    """
    if system.pk is None:
        return {}
    datasets = data_facts(system).datasets
    values = {}
    for question, classifications in (("personal_data", ("personal", "sensitive")), ("sensitive_data", ("sensitive",))):
        titles = sorted({d.title for d in datasets if d.classification in classifications})
        if titles:
            named = ", ".join(f"« {t} »" for t in titles[:3]) + (" …" if len(titles) > 3 else "")
            values[question] = (True, f"le catalogue des données ({named})")
    return values
