"""Run every rule family on one set of answers and gather one report.

`run_all` is what the register stores on a record and what `confiance check`
prints. The report keeps the version of every rule family and the date it was
computed: a stored result is never recomputed silently when the rules change,
so a reader always knows which version of the rules said what, and when.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

from confiance.rules import ai_act, ethics, gdpr
from confiance.rules.answers import ANSWERS_SCHEMA_VERSION
from confiance.rules.charter import MONTPELLIER_CHARTER, RecordState, evaluate_record


@dataclass(frozen=True)
class CheckReport:
    """The results of every rule family for one system, with versions and date."""

    answers: object
    state: RecordState
    ai_act: ai_act.AIActResult
    dpia: gdpr.DPIAResult
    article_22: gdpr.Article22Result
    ethics: ethics.EthicsReferralResult
    charter_name: str
    charter_outcomes: tuple
    versions: dict
    computed_at: datetime

    def as_dict(self):
        """Return the report as a JSON-serialisable dict."""
        return {
            "computed_at": self.computed_at.isoformat(),
            "versions": dict(self.versions),
            "answers": self.answers.as_dict(),
            "state": {
                "citizen_benefit": self.state.citizen_benefit,
                "dpia_recorded": self.state.dpia_recorded,
                "carbon_estimate_kg": self.state.carbon_estimate_kg,
                "ethics_opinion_recorded": self.state.ethics_opinion_recorded,
                "notice_published": self.state.notice_published,
                "bias_audit_recorded": self.state.bias_audit_recorded,
                "dataset_reasons": [r.as_dict() for r in self.state.dataset_reasons],
            },
            "ai_act": self.ai_act.as_dict(),
            "dpia": self.dpia.as_dict(),
            "article_22": self.article_22.as_dict(),
            "ethics_referral": self.ethics.as_dict(),
            "charter": {
                "name": self.charter_name,
                "outcomes": [o.as_dict() for o in self.charter_outcomes],
            },
        }


def run_all(answers, state=None, charter=MONTPELLIER_CHARTER, carbon_threshold_kg=None, computed_at=None):
    """Return the CheckReport of `answers` (and of what the record holds, `state`).

    `computed_at` defaults to now, in UTC; pass it to make a report reproducible.
    """
    state = state or RecordState()
    ai_act_result = ai_act.classify(answers)
    dpia = gdpr.assess_dpia(answers)
    referral = ethics.needs_ethics_referral(answers, ai_act_result, dpia, state.carbon_estimate_kg, carbon_threshold_kg)
    outcomes = evaluate_record(charter, answers, state, carbon_threshold_kg=carbon_threshold_kg)
    return CheckReport(
        answers=answers,
        state=state,
        ai_act=ai_act_result,
        dpia=dpia,
        article_22=gdpr.assess_article_22(answers),
        ethics=referral,
        charter_name=charter.name,
        charter_outcomes=tuple(outcomes),
        versions={
            "answers": ANSWERS_SCHEMA_VERSION,
            "ai_act": ai_act.RULESET_VERSION,
            "gdpr": gdpr.RULESET_VERSION,
            "ethics": ethics.RULESET_VERSION,
            "charter": charter.version,
        },
        computed_at=computed_at or datetime.now(UTC),
    )
