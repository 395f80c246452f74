"""Human primacy: no AI system of the authority decides alone about a person.

Montpellier's strategy (seeds/001, "primauté humaine") rules out any automated
decision with an individual impact and rests it on article 15 of the 1789
Declaration (the administration answers for its acts); law 2 of its 10 laws
makes every AI an aid to agents; GDPR article 22 gives everyone the right not to
be subject to a decision based solely on automated processing. The register
therefore refuses a record whose system decides alone.
"""

from enum import StrEnum

from confiance.rules.citations import DDHC, GDPR, MONTPELLIER_LAWS, MONTPELLIER_STRATEGY, Citation, Reason


class DecisionRole(StrEnum):
    """The part a system plays in decisions about individuals."""

    NONE = "none"
    PREPARES = "prepares"  # prepares a decision that a person takes
    DECIDES_ALONE = "decides_alone"


AUTOMATED_DECISION_REASONS = (
    Reason(
        Citation(GDPR, "art. 22"),
        "Toute personne a le droit de ne pas faire l'objet d'une décision fondée "
        "exclusivement sur un traitement automatisé qui la concerne de manière significative.",
    ),
    Reason(
        Citation(DDHC, "art. 15"),
        "L'administration doit pouvoir rendre compte de ses décisions : un agent "
        "public en reste l'auteur et en répond.",
    ),
    Reason(
        Citation(MONTPELLIER_STRATEGY, "primauté humaine"),
        "La stratégie de la collectivité exclut toute décision automatisée ayant un "
        "impact individuel.",
    ),
    Reason(
        Citation(MONTPELLIER_LAWS, "loi 2"),
        "Les IA déployées sont des outils d'aide aux agents : la décision leur revient.",
    ),
)


def automated_decision_reasons(decision_role):
    """Return the reasons a system with this decision role is forbidden, or ()."""
    if DecisionRole(decision_role) is DecisionRole.DECIDES_ALONE:
        return AUTOMATED_DECISION_REASONS
    return ()
