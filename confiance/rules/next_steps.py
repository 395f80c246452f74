"""What to do next after the checks: the « prochaines étapes » of a record.

`next_steps(report, progress)` reads a stored check report (CheckReport.as_dict())
and what the record already holds (`Progress`), and returns the steps still to
take, most urgent first: each with what to do, why (with its source), who must
act, and which form does it (`form`, a stable name the Django layer turns into
a link). It says nothing about the review workflow (who must move the record
from one status to the next): that is the review's own panel.
"""

from dataclasses import dataclass

from confiance.rules.citations import AI_ACT, GDPR, MONTPELLIER_LAWS, Citation

OWNER = "le porteur du projet ou le référent data & IA du service"
DPO = "le DPO"
REVIEWERS = "le comité interne Data & IA (ou un administrateur)"
PROVIDER = "la collectivité, en tant que fournisseur du système"
SUPPLIER = "le fournisseur du système, à qui le porteur du projet le demande"


@dataclass(frozen=True)
class Progress:
    """What the record already holds, beyond the answers."""

    questionnaire_started: bool = False
    dpia_recorded: bool = False
    dpia_validated: bool = False
    fria_recorded: bool = False
    eu_database_recorded: bool = False
    ethics_referral_made: bool = False
    ethics_opinion_recorded: bool = False
    notice_published: bool = False
    contested_implications: int = 0


@dataclass(frozen=True)
class Step:
    code: str
    title: str
    why: str
    who: str
    form: str  # "questionnaire", "edit", "dpia", "fria", "eu_database", "refer", "notice", "dpo", ""
    citation: Citation
    actor: str = "owner"  # who acts, as a code the Django layer turns into names: owner, dpo, reviewers, supplier

    def as_dict(self):
        return {"code": self.code, "title": self.title, "why": self.why, "who": self.who, "form": self.form,
                "cited": str(self.citation), "actor": self.actor}


def _obligation_codes(report, actor=None):
    return [o["code"] for o in report["ai_act"]["obligations"] if actor is None or o.get("actor") == actor]


def next_steps(report, progress):
    """Return the steps still to take for the record whose stored report is `report`."""
    steps = []
    add = steps.append
    if not progress.questionnaire_started:
        add(Step("questionnaire", "Répondre au questionnaire des contrôles",
                 "Sans vos réponses, les contrôles ne connaissent que ce que dit la fiche.", OWNER,
                 "questionnaire", Citation(AI_ACT, "art. 6 et art. 50")))
    open_points = report.get("open_points", [])
    if open_points:
        add(Step("open_points", f"Lever les points ouverts ({len(open_points)})",
                 "Des questions restent « je ne sais pas » : le résultat n'est qu'un minimum, et la fiche ne "
                 "peut pas quitter le brouillon.", OWNER, "questionnaire",
                 Citation(MONTPELLIER_LAWS, "loi 5")))
    risk_class = report["ai_act"]["risk_class"]
    if risk_class == "prohibited":
        add(Step("prohibited", "Documenter le refus ou repenser le système",
                 "Le système relève d'une pratique interdite : il ne peut être ni autorisé ni déployé.", OWNER,
                 "edit", Citation(AI_ACT, "art. 5")))
    if report["article_22"]["forbidden"]:
        add(Step("human_decision", "Confier la décision à un agent",
                 "Le système décide seul à propos de personnes.", OWNER, "edit", Citation(GDPR, "art. 22")))
    if report["dpia"]["required"] and not progress.dpia_recorded:
        add(Step("dpia", "Réaliser l'analyse d'impact (AIPD) avec le DPO",
                 "Les contrôles la rendent obligatoire avant la mise en service.",
                 f"{OWNER}, avec l'avis du DPO", "dpia", Citation(GDPR, "art. 35")))
    if progress.dpia_recorded and not progress.dpia_validated:
        add(Step("dpia_validation", "Faire valider l'AIPD par le DPO",
                 "L'AIPD est enregistrée ; le DPO doit la relire et la valider.", DPO, "dpia",
                 Citation(GDPR, "art. 35, § 2 ; art. 39, § 1, c)"), "dpo"))
    codes = _obligation_codes(report)
    if "fria" in codes and not progress.fria_recorded:
        add(Step("fria", "Réaliser l'analyse d'impact sur les droits fondamentaux (AIDF)",
                 "Obligatoire pour un organisme public qui déploie un système à haut risque de l'annexe III.",
                 "la collectivité, en tant que déployeur (le porteur du projet)", "fria", Citation(AI_ACT, "art. 27")))
    if "registration" in codes and not progress.eu_database_recorded:
        add(Step("eu_database", "Enregistrer l'utilisation dans la base de données de l'UE",
                 "Une autorité publique enregistre le système à haut risque qu'elle déploie, avant de l'utiliser.",
                 "la collectivité, en tant que déployeur (le porteur du projet)", "eu_database",
                 Citation(AI_ACT, "art. 49, § 3")))
    supplier = _obligation_codes(report, "supplier")
    if supplier and risk_class == "high":
        add(Step("ask_supplier", "Demander au fournisseur ses documents de conformité",
                 "Notice d'utilisation, déclaration UE de conformité, marquage CE, enregistrement du système.",
                 SUPPLIER, "", Citation(AI_ACT, "art. 13, 47, 48 et 49, § 1"), "supplier"))
    if _obligation_codes(report, "provider") and risk_class == "high":
        add(Step("provider_duties", "Remplir les obligations du fournisseur",
                 "La collectivité conçoit le système : gestion de la qualité, documentation technique, "
                 "évaluation de la conformité, marquage CE, enregistrement.", PROVIDER, "",
                 Citation(AI_ACT, "art. 16 à 22")))
    if report["ethics_referral"]["required"] and not progress.ethics_opinion_recorded:
        made = progress.ethics_referral_made
        add(Step("ethics_referral", "Attendre l'avis du comité éthique" if made else "Saisir le comité éthique",
                 "Les contrôles montrent que le projet est sensible.", REVIEWERS, "" if made else "refer",
                 Citation(MONTPELLIER_LAWS, "loi 5"), "reviewers"))
    transparency = report["ai_act"].get("transparency_cases", [])
    citizen_facing = report["answers"].get("citizen_facing") is True
    if (transparency or citizen_facing) and not progress.notice_published:
        add(Step("notice", "Publier la mention d'information",
                 "Les personnes doivent savoir qu'une IA est à l'œuvre dans le service qu'elles utilisent.", OWNER,
                 "notice", Citation(AI_ACT, "art. 50") if transparency else Citation(MONTPELLIER_LAWS, "loi 6")))
    if progress.contested_implications:
        add(Step("contested", f"Examiner les implications contestées ({progress.contested_implications})",
                 "Une personne a écarté une déduction des contrôles en la justifiant : le DPO en juge.", DPO, "dpo",
                 Citation(GDPR, "art. 39, § 1"), "dpo"))
    return tuple(steps)
