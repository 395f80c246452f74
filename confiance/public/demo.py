"""The public site's demo content: each demo organisation's introduction, in our own words.

The introduction paraphrases the Montpellier strategy (seeds/001, "Transparence
et recours à l'IA"; the Comité métropolitain de l'IA receives a yearly report
on AI use and gives its opinion). No contact address is invented: the sources
give none, so the exports say it is missing.
"""

from confiance.accounts.models import Organisation
from confiance.public.models import PublicProfile
from confiance.public.signals import publish_version
from confiance.register.models import AISystem

MONTPELLIER_INTRODUCTION = (
    "La Ville et la Métropole de Montpellier s'engagent à signaler toutes les applications et tous les "
    "services destinés aux habitants qui utilisent l'IA, et à garder une décision humaine dans chaque usage. "
    "Chaque année, un rapport sur le recours à l'IA est remis au comité métropolitain de l'IA, qui rend un avis."
)
INTRODUCTIONS = {
    "montpellier-mediterranee-metropole": MONTPELLIER_INTRODUCTION,
    "ville-de-montpellier": MONTPELLIER_INTRODUCTION,
}


def load_public_demo():
    """Create the demo public profiles and the first version of every public page; safe to run twice."""
    for slug, text in INTRODUCTIONS.items():
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is not None:
            PublicProfile.objects.get_or_create(organisation=organisation, defaults={"introduction": text})
    for system in AISystem.objects.filter(status__in=("experimenting", "deployed", "retired")):
        publish_version(system)
