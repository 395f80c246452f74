"""The audits' section on a dataset's page of the catalogue: its bias audits, its storage footprint."""

from django import template

from confiance.accounts.permissions import Action, can_on_dataset
from confiance.audits.models import DatasetCarbonEstimate

register = template.Library()


@register.inclusion_tag("audits/_dataset_panel.html", takes_context=True)
def dataset_audits(context, dataset):
    """Render the dataset's latest bias audits, and the button to audit it for those who may edit it."""
    user = context["request"].user
    return {
        "dataset": dataset,
        "audits": dataset.bias_audits.all()[:10],
        "estimate": DatasetCarbonEstimate.objects.filter(dataset=dataset).first(),
        "can_edit": can_on_dataset(user, Action.EDIT, dataset),
    }
