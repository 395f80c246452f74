"""The lifecycle of a record: its statuses, the moves between them, who may make each, and the guards.

Montpellier's strategy (seeds/001) sets the path an AI project follows:

- the internal Data & AI committee pre-examines every project involving AI
  (utility, expected impact, conformity with the ethical principles) and
  forbids "shadow AI", any use it has not approved (section « Instauration
  d'un comité interne de la Data et de l'IA »);
- sensitive projects go to the ethics committee for an opinion (section
  « Montpellier instaure un comité métropolitain de l'IA », law 5);
- volunteer agents and elected members try the tools before any
  generalisation, and the trial evaluates the effect on working conditions,
  skills and jobs (section « Expérimenter avant de déployer les IA »);
- no automated decision with an individual impact (human primacy, GDPR art. 22),
  and nothing the AI Act forbids (art. 5).

`decide(facts, target)` answers whether a person may move a record from its
current status to `target`, with every reason in French and its source. The
Django side (confiance.review.transitions) gathers the facts; it is the only
caller that changes a status on behalf of a person.
"""

from dataclasses import dataclass
from enum import StrEnum

from confiance.rules.citations import AI_ACT, GDPR, MONTPELLIER_STRATEGY, Citation, Reason
from confiance.rules.ethics import LAW_5
from confiance.rules.ethics import STRATEGY_SECTION as ETHICS_SECTION
from confiance.rules.permissions import Role

RULESET_VERSION = "lifecycle-montpellier-2024.1"


class Status(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    UNDER_REVIEW = "under_review"
    APPROVED_FOR_EXPERIMENTATION = "approved_for_experimentation"
    EXPERIMENTING = "experimenting"
    DEPLOYED = "deployed"
    SUSPENDED = "suspended"
    RETIRED = "retired"
    REJECTED = "rejected"

    @property
    def label(self):
        return STATUS_LABELS[self]


STATUS_LABELS = {
    Status.DRAFT: "Brouillon",
    Status.SUBMITTED: "Soumis",
    Status.UNDER_REVIEW: "En instruction",
    Status.APPROVED_FOR_EXPERIMENTATION: "Autorisé à l'expérimentation",
    Status.EXPERIMENTING: "En expérimentation",
    Status.DEPLOYED: "Déployé",
    Status.SUSPENDED: "Suspendu",
    Status.RETIRED: "Retiré",
    Status.REJECTED: "Refusé",
}


class Actor(StrEnum):
    """Who a person is for a given record: their roles, plus owning it or stewarding its service."""

    OWNER = "owner"  # an agent of the organisation who created or leads the record
    SERVICE_STEWARD = "service_steward"  # the référent data & IA of the record's service
    INTERNAL_COMMITTEE = "internal_committee"
    ETHICS_COMMITTEE = "ethics_committee"
    DPO = "dpo"
    ADMIN = "admin"


ACTOR_LABELS = {
    Actor.OWNER: "le porteur du projet",
    Actor.SERVICE_STEWARD: "le référent data & IA du service",
    Actor.INTERNAL_COMMITTEE: "le comité interne Data & IA",
    Actor.ETHICS_COMMITTEE: "le comité éthique",
    Actor.DPO: "le DPO",
    Actor.ADMIN: "un administrateur",
}


class Guard(StrEnum):
    INTERNAL_OPINION = "internal_opinion"
    ETHICS_OPINION = "ethics_opinion"
    EVALUATION = "evaluation"
    NOT_FORBIDDEN = "not_forbidden"
    NO_OPEN_POINTS = "no_open_points"  # the checks' « je ne sais pas » answers (rules.checks)


INTERNAL_COMMITTEE_SECTION = Citation(
    MONTPELLIER_STRATEGY, "« Instauration d'un comité interne de la Data et de l'IA » (examen préalable des projets)"
)
EXPERIMENT_SECTION = Citation(MONTPELLIER_STRATEGY, "« Expérimenter avant de déployer les IA »")
LIFECYCLE = Citation("Cycle de vie d'un système d'IA dans Confiance", "docs/review.md")


@dataclass(frozen=True)
class Transition:
    source: Status
    target: Status
    label: str  # the verb on the button, in French
    actors: frozenset
    guards: tuple = ()
    citation: Citation = INTERNAL_COMMITTEE_SECTION


_OWNERS = frozenset({Actor.OWNER, Actor.SERVICE_STEWARD, Actor.ADMIN})
_REVIEWERS = frozenset({Actor.INTERNAL_COMMITTEE, Actor.ADMIN})
_RECORD_KEEPERS = frozenset({Actor.SERVICE_STEWARD, Actor.ADMIN})
_APPROVAL = (Guard.INTERNAL_OPINION, Guard.ETHICS_OPINION, Guard.NOT_FORBIDDEN)
_DEPLOYMENT = (Guard.INTERNAL_OPINION, Guard.ETHICS_OPINION, Guard.EVALUATION, Guard.NOT_FORBIDDEN)

S = Status
TRANSITIONS = (
    Transition(S.DRAFT, S.SUBMITTED, "Soumettre au comité interne", _OWNERS, (Guard.NO_OPEN_POINTS,)),
    Transition(S.DRAFT, S.RETIRED, "Retirer du registre", _OWNERS, citation=LIFECYCLE),
    Transition(S.SUBMITTED, S.DRAFT, "Renvoyer en brouillon", _OWNERS | _REVIEWERS),
    Transition(S.SUBMITTED, S.UNDER_REVIEW, "Prendre en instruction", _REVIEWERS),
    Transition(S.SUBMITTED, S.RETIRED, "Retirer du registre", _OWNERS, citation=LIFECYCLE),
    Transition(S.UNDER_REVIEW, S.DRAFT, "Renvoyer au porteur pour compléments", _REVIEWERS),
    Transition(S.UNDER_REVIEW, S.APPROVED_FOR_EXPERIMENTATION, "Autoriser l'expérimentation", _REVIEWERS, _APPROVAL),
    Transition(S.UNDER_REVIEW, S.REJECTED, "Refuser", _REVIEWERS),
    Transition(S.APPROVED_FOR_EXPERIMENTATION, S.EXPERIMENTING, "Commencer l'expérimentation", _OWNERS,
               (Guard.NOT_FORBIDDEN,), EXPERIMENT_SECTION),
    Transition(S.APPROVED_FOR_EXPERIMENTATION, S.SUSPENDED, "Suspendre", _REVIEWERS),
    Transition(S.APPROVED_FOR_EXPERIMENTATION, S.RETIRED, "Retirer du registre", _RECORD_KEEPERS, citation=LIFECYCLE),
    Transition(S.EXPERIMENTING, S.DEPLOYED, "Autoriser le déploiement", _REVIEWERS, _DEPLOYMENT, EXPERIMENT_SECTION),
    Transition(S.EXPERIMENTING, S.REJECTED, "Refuser après l'expérimentation", _REVIEWERS,
               citation=EXPERIMENT_SECTION),
    Transition(S.EXPERIMENTING, S.SUSPENDED, "Suspendre", _REVIEWERS),
    Transition(S.EXPERIMENTING, S.RETIRED, "Retirer du registre", _RECORD_KEEPERS, citation=LIFECYCLE),
    Transition(S.DEPLOYED, S.SUSPENDED, "Suspendre", _REVIEWERS),
    Transition(S.DEPLOYED, S.RETIRED, "Retirer du registre", _RECORD_KEEPERS, citation=LIFECYCLE),
    Transition(S.SUSPENDED, S.UNDER_REVIEW, "Réexaminer", _REVIEWERS),
    Transition(S.SUSPENDED, S.DEPLOYED, "Reprendre le déploiement", _REVIEWERS, _DEPLOYMENT, EXPERIMENT_SECTION),
    Transition(S.SUSPENDED, S.RETIRED, "Retirer du registre", _RECORD_KEEPERS, citation=LIFECYCLE),
    Transition(S.REJECTED, S.DRAFT, "Retravailler le projet", _OWNERS),
    Transition(S.REJECTED, S.RETIRED, "Retirer du registre", _RECORD_KEEPERS, citation=LIFECYCLE),
)
del S

_BY_EDGE = {(t.source, t.target): t for t in TRANSITIONS}

# The moves that a decision of the authority makes, after the committees' opinions.
DECISION_TARGETS = frozenset(
    {Status.APPROVED_FOR_EXPERIMENTATION, Status.DEPLOYED, Status.REJECTED, Status.SUSPENDED}
)


@dataclass(frozen=True)
class TransitionFacts:
    """What the lifecycle needs to know about a record and the person who moves it."""

    status: str
    roles: frozenset = frozenset()  # the person's roles (rules.permissions.Role) in the record's organisation
    is_owner: bool = False
    is_service_steward: bool = False
    internal_opinion_favourable: bool = False  # the internal committee's latest opinion
    ethics_referral_needed: bool = False  # what the checks say (rules.ethics)
    ethics_opinion_recorded: bool = False
    evaluation_recorded: bool = False  # the experimentation's evaluation
    prohibited_practice: bool = False  # AI Act art. 5
    automated_decision: bool = False  # decides alone about a person, GDPR art. 22
    open_points: tuple = ()  # the checks' questions still answered « je ne sais pas », in French

    @property
    def forbidden(self):
        return self.prohibited_practice or self.automated_decision


@dataclass(frozen=True)
class TransitionResult:
    """Whether a move is allowed, and why not: every reason carries its source."""

    allowed: bool
    reasons: tuple = ()
    transition: Transition | None = None
    refused_for_role: bool = False

    @property
    def message(self):
        return " ".join(f"{r.text} ({r.citation})" for r in self.reasons)


_ROLE_ACTORS = frozenset({Actor.INTERNAL_COMMITTEE, Actor.ETHICS_COMMITTEE, Actor.DPO, Actor.ADMIN})


def actors_for(facts):
    """Return the Actors the person is for this record."""
    roles = {Role(r) for r in facts.roles}
    if not roles:
        return frozenset()
    actors = {Actor(r.value) for r in roles if r.value in _ROLE_ACTORS}
    if facts.is_owner:
        actors.add(Actor.OWNER)
    if facts.is_service_steward and Role.STEWARD in roles:
        actors.add(Actor.SERVICE_STEWARD)
    return frozenset(actors)


def transition_for(source, target):
    """Return the Transition from `source` to `target`, or None if the lifecycle has no such move."""
    return _BY_EDGE.get((Status(source), Status(target)))


def transitions_from(status):
    """Return the moves the lifecycle offers from `status`, in table order."""
    return tuple(t for t in TRANSITIONS if t.source == Status(status))


def _guard_reasons(guard, facts):
    if guard is Guard.INTERNAL_OPINION and not facts.internal_opinion_favourable:
        return (Reason(INTERNAL_COMMITTEE_SECTION,
                       "Le projet ne peut pas sortir de l'instruction sans l'avis favorable (éventuellement sous "
                       "conditions) du comité interne Data & IA, qui examine au préalable son utilité, son impact "
                       "attendu et sa conformité aux principes éthiques."),)
    if guard is Guard.ETHICS_OPINION and facts.ethics_referral_needed and not facts.ethics_opinion_recorded:
        return (
            Reason(ETHICS_SECTION, "Les contrôles montrent que ce projet est sensible : l'avis du comité éthique "
                   "doit être enregistré avant toute autorisation."),
            Reason(LAW_5, "Les projets d'IA sensibles sont soumis pour avis au comité éthique."),
        )
    if guard is Guard.EVALUATION and not facts.evaluation_recorded:
        return (Reason(EXPERIMENT_SECTION,
                       "Aucun déploiement sans l'évaluation de l'expérimentation menée avec des agents volontaires "
                       "(utilité pour les habitants, conditions de travail, compétences, erreurs constatées)."),)
    if guard is Guard.NO_OPEN_POINTS and facts.open_points:
        listed = " ; ".join(f"« {q} »" for q in facts.open_points)
        return (Reason(INTERNAL_COMMITTEE_SECTION,
                       f"Le projet ne peut pas quitter le brouillon tant qu'une question des contrôles reste sans "
                       f"réponse (« je ne sais pas ») : le comité examine un projet dont on connaît les risques. "
                       f"À préciser : {listed}."),)
    if guard is Guard.NOT_FORBIDDEN and facts.forbidden:
        reasons = ()
        if facts.prohibited_practice:
            reasons += (Reason(Citation(AI_ACT, "art. 5"),
                               "Ce système relève d'une pratique d'IA interdite : il ne peut être ni autorisé "
                               "ni déployé."),)
        if facts.automated_decision:
            reasons += (Reason(Citation(GDPR, "art. 22"),
                               "Ce système décide seul à propos de personnes : il ne peut être ni autorisé ni "
                               "déployé tant qu'un agent ne prend pas la décision."),)
        return reasons
    return ()


def decide(facts, target):
    """Return whether the person described by `facts` may move the record to `target`, and why not."""
    source, target = Status(facts.status), Status(target)
    transition = transition_for(source, target)
    if transition is None:
        offered = ", ".join(f"« {t.target.label} »" for t in transitions_from(source)) or "aucune"
        return TransitionResult(False, (Reason(LIFECYCLE, f"Un système « {source.label} » ne peut pas passer à "
                                               f"« {target.label} ». Étapes possibles : {offered}."),))
    if not actors_for(facts) & transition.actors:
        who = ", ".join(ACTOR_LABELS[a] for a in Actor if a in transition.actors)
        reason = Reason(transition.citation, f"« {transition.label} » revient à : {who}. Votre rôle ne le permet pas.")
        return TransitionResult(False, (reason,), transition, refused_for_role=True)
    reasons = tuple(r for guard in transition.guards for r in _guard_reasons(guard, facts))
    return TransitionResult(not reasons, reasons, transition)


def available(facts):
    """Return (Transition, TransitionResult) for every move from the record's status that the person's roles allow.

    Moves refused by a guard are kept, so a screen can say what is missing.
    """
    results = ((t, decide(facts, t.target)) for t in transitions_from(facts.status))
    return tuple((t, r) for t, r in results if not r.refused_for_role)
