"""Where a record stands in the review and who must act next.

The lifecycle (`rules.lifecycle`) says which moves are possible; this module
says which one the review is waiting for, and whose turn it is, so that each
record's page and each person's "À faire" can name it. It follows the path of
Montpellier's strategy (seeds/001): the internal Data & AI committee examines
every project first, a sensitive project then goes to the ethics committee
for an opinion, the authority decides, volunteer agents try the tool and the
trial is evaluated before any deployment, and a deployed system is reviewed
every year.

Only the review's next step is here; the checks' own to-dos (DPIA, FRIA,
notice) are another panel's business.
"""

from dataclasses import dataclass
from datetime import date

from confiance.rules.citations import Reason
from confiance.rules.ethics import STRATEGY_SECTION as ETHICS_SECTION
from confiance.rules.lifecycle import (
    ACTOR_LABELS,
    EXPERIMENT_SECTION,
    INTERNAL_COMMITTEE_SECTION,
    LIFECYCLE,
    Actor,
    Status,
)

# The main path a project follows, as the status line shows it.
MAIN_PATH = (
    Status.DRAFT,
    Status.SUBMITTED,
    Status.UNDER_REVIEW,
    Status.APPROVED_FOR_EXPERIMENTATION,
    Status.EXPERIMENTING,
    Status.DEPLOYED,
)


@dataclass(frozen=True)
class ReviewFacts:
    """What the next step depends on, gathered by the Django side (confiance.review.next_steps)."""

    status: str
    internal_referral_open: bool = False  # an internal committee referral without opinion
    internal_deadline: date | None = None
    internal_opinion_recorded: bool = False
    internal_opinion_favourable: bool = False
    ethics_referral_needed: bool = False
    ethics_referral_open: bool = False
    ethics_deadline: date | None = None
    ethics_opinion_recorded: bool = False
    experiment_planned: bool = False
    experiment_ends_on: date | None = None
    evaluation_recorded: bool = False
    open_conditions: int = 0
    yearly_review_due_on: date | None = None
    today: date | None = None


@dataclass(frozen=True)
class Step:
    """One place on the status line."""

    status: Status
    state: str  # "done", "current", "to_come", "skipped"

    @property
    def label(self):
        return self.status.label


@dataclass(frozen=True)
class NextStep:
    """Who must act and what they must do; `actor` is None when nobody has to act."""

    actor: Actor | None
    action: str
    reason: Reason
    due_on: date | None = None

    @property
    def actor_label(self):
        return ACTOR_LABELS[self.actor] if self.actor else "personne"


def status_line(status, reached=()):
    """Return the main path as Steps with the record's status marked.

    A status off the path (suspended, rejected, retired) is added at the end;
    the path's steps then count as done when the record has been through them
    (`reached`, the statuses its history holds).
    """
    status = Status(status)
    if status in MAIN_PATH:
        index = MAIN_PATH.index(status)
        return tuple(Step(s, "done" if i < index else "current" if i == index else "to_come")
                     for i, s in enumerate(MAIN_PATH))
    reached = {Status(r) for r in reached}
    return tuple(Step(s, "done" if s in reached else "skipped") for s in MAIN_PATH) + (Step(status, "current"),)


def _step(actor, action, citation, text, due_on=None):
    return NextStep(actor, action, Reason(citation, text), due_on)


def next_step(facts):
    """Return the NextStep the review waits for on a record described by `facts`."""
    status = Status(facts.status)
    if status is Status.DRAFT:
        return _step(Actor.OWNER, "Compléter la fiche et la soumettre au comité interne Data & IA",
                     INTERNAL_COMMITTEE_SECTION, "Tout projet d'IA est examiné par le comité interne avant usage.")
    if status is Status.SUBMITTED:
        return _step(Actor.INTERNAL_COMMITTEE, "Prendre le projet en instruction", INTERNAL_COMMITTEE_SECTION,
                     "Le comité interne examine l'utilité, l'impact attendu et la conformité aux principes.",
                     facts.internal_deadline)
    if status is Status.UNDER_REVIEW:
        return _under_review(facts)
    if status is Status.APPROVED_FOR_EXPERIMENTATION:
        action = ("Commencer l'expérimentation" if facts.experiment_planned
                  else "Décrire l'expérimentation avec des agents volontaires, puis la commencer")
        return _step(Actor.OWNER, action, EXPERIMENT_SECTION, "Les outils sont essayés par des volontaires avant "
                     "toute généralisation.")
    if status is Status.EXPERIMENTING:
        if not facts.evaluation_recorded:
            return _step(Actor.OWNER, "Enregistrer l'évaluation de l'expérimentation", EXPERIMENT_SECTION,
                         "Aucun déploiement sans l'évaluation de l'expérimentation.", facts.experiment_ends_on)
        return _step(Actor.INTERNAL_COMMITTEE, "Décider du déploiement au vu de l'évaluation", EXPERIMENT_SECTION,
                     "L'évaluation est enregistrée : la collectivité peut décider.")
    if status is Status.DEPLOYED:
        if facts.open_conditions:
            n = facts.open_conditions
            return _step(Actor.OWNER, f"Remplir {n} condition{'s' if n > 1 else ''} de la décision", LIFECYCLE,
                         "Chaque condition fixée par la décision est suivie jusqu'à ce qu'elle soit remplie.")
        if facts.yearly_review_due_on is not None:
            return _step(Actor.INTERNAL_COMMITTEE, "Mener la revue annuelle", LIFECYCLE,
                         "Un système déployé est réexaminé chaque année ; la revue rouvre les contrôles.",
                         facts.yearly_review_due_on)
        return _step(None, "Aucune action attendue", LIFECYCLE, "Le système est déployé.")
    if status is Status.SUSPENDED:
        return _step(Actor.INTERNAL_COMMITTEE, "Réexaminer le système ou le retirer", LIFECYCLE,
                     "Un système suspendu n'est plus utilisé tant que le comité ne l'a pas réexaminé.")
    if status is Status.REJECTED:
        return _step(Actor.OWNER, "Retravailler le projet ou le retirer du registre", LIFECYCLE,
                     "Le projet a été refusé ; il peut être repris en brouillon.")
    return _step(None, "Aucune action attendue", LIFECYCLE, "Le système est retiré ; son historique est conservé.")


def _under_review(facts):
    if facts.internal_referral_open:
        return _step(Actor.INTERNAL_COMMITTEE, "Rendre l'avis du comité interne", INTERNAL_COMMITTEE_SECTION,
                     "Le comité interne examine l'utilité, l'impact attendu et la conformité aux principes.",
                     facts.internal_deadline)
    if facts.ethics_referral_open:
        return _step(Actor.ETHICS_COMMITTEE, "Rendre l'avis du comité éthique", ETHICS_SECTION,
                     "Les projets sensibles sont soumis pour avis au comité éthique.", facts.ethics_deadline)
    if not facts.internal_opinion_recorded:
        return _step(Actor.INTERNAL_COMMITTEE, "Se saisir du projet et rendre son avis", INTERNAL_COMMITTEE_SECTION,
                     "Aucun projet ne sort de l'instruction sans l'avis du comité interne.")
    if facts.ethics_referral_needed and not facts.ethics_opinion_recorded:
        return _step(Actor.INTERNAL_COMMITTEE, "Saisir le comité éthique", ETHICS_SECTION,
                     "Les contrôles montrent que ce projet est sensible : le comité éthique doit donner son avis.")
    if not facts.internal_opinion_favourable:
        return _step(Actor.INTERNAL_COMMITTEE, "Refuser le projet ou le renvoyer au porteur", INTERNAL_COMMITTEE_SECTION,
                     "L'avis du comité interne n'est pas favorable.")
    return _step(Actor.INTERNAL_COMMITTEE, "Enregistrer la décision de la collectivité", INTERNAL_COMMITTEE_SECTION,
                 "Les avis attendus sont rendus : la collectivité peut décider.")


def is_overdue(step, today):
    """Return True when `step` has a due date before `today`."""
    return step.due_on is not None and today is not None and step.due_on < today
