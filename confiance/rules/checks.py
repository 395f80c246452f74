"""Run every rule family on one set of answers and gather one report.

`run_all` is what the register stores on a record and what `confiance check`
prints. The report keeps the version of every rule family and the date it was
computed: a stored result is never recomputed silently when the rules change,
so a reader always knows which version of the rules said what, and when.

Before any family reads them, the answers go through the implication table
(rules.implications): what one answer implies is added, with its source,
unless a person contested that implication. Questions answered « je ne sais
pas » are open points: every family then runs on the known answers read the
least risky way (the result is "at least" that), and once more read the most
risky way, to say what the result could become (`at_most`).
"""

import dataclasses
from dataclasses import dataclass
from datetime import UTC, datetime

from confiance.rules import ai_act, ethics, gdpr, implications
from confiance.rules.answers import ANSWERS_SCHEMA_VERSION, question_fields
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
    derivation: implications.Derivation = None
    at_most: dict = None  # what the result could become once the open points are answered; None without any

    @property
    def open_points(self):
        """Return the yes/no questions still answered « je ne sais pas », in questionnaire order."""
        unknown = self.derivation.answers.unknown if self.derivation else self.answers.unknown
        return tuple(f for f in question_fields() if f.name in unknown)

    @property
    def processes_personal_data(self):
        answers = self.derivation.answers if self.derivation else self.answers
        return gdpr.processes_personal_data(answers)

    def as_dict(self):
        """Return the report as a JSON-serialisable dict."""
        return {
            "computed_at": self.computed_at.isoformat(),
            "versions": dict(self.versions),
            "answers": self.answers.as_dict(),
            "implications": self.derivation.as_dict() if self.derivation else {"implied": [], "contested": []},
            "personal_data": self.processes_personal_data,
            "provider": self.answers.develops_own_system,
            "open_points": [
                {"field": f.name, "question": f.metadata["question"], "help": f.metadata["help"]}
                for f in self.open_points
            ],
            "at_most": self.at_most,
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


def resolve_open_points(answers, most_risky, contested=frozenset()):
    """Return `answers` with every open point answered the least (or most) risky way, then derived again.

    A question whose "yes" raises risk is answered "no" the least risky way;
    a derogation or exception (whose "yes" lowers risk) is answered "yes".
    """
    if not answers.unknown:
        return answers
    raising = {f.name for f in question_fields() if f.metadata["raises_risk"]}
    values = {name: (name in raising) is most_risky for name in answers.unknown}
    resolved = dataclasses.replace(answers, **values, unknown=frozenset())
    return implications.derive(resolved, contested).answers


def _outline(answers, state, carbon_threshold_kg):
    ai_act_result = ai_act.classify(answers)
    dpia = gdpr.assess_dpia(answers, ai_act_result)
    referral = ethics.needs_ethics_referral(answers, ai_act_result, dpia, state.carbon_estimate_kg, carbon_threshold_kg)
    return ai_act_result, dpia, referral


def run_all(answers, state=None, charter=MONTPELLIER_CHARTER, carbon_threshold_kg=None, computed_at=None,
            contested=frozenset()):
    """Return the CheckReport of `answers` (and of what the record holds, `state`).

    `contested` holds the codes of the implications a person contested: they do
    not apply. `computed_at` defaults to now, in UTC; pass it to make a report
    reproducible.
    """
    state = state or RecordState()
    derivation = implications.derive(answers, contested)
    least = resolve_open_points(derivation.answers, False, contested)
    ai_act_result, dpia, referral = _outline(least, state, carbon_threshold_kg)
    at_most = None
    if derivation.answers.unknown:
        most = resolve_open_points(derivation.answers, True, contested)
        worst_ai_act, worst_dpia, worst_referral = _outline(most, state, carbon_threshold_kg)
        at_most = {
            "risk_class": str(worst_ai_act.risk_class),
            "risk_class_label": worst_ai_act.risk_class.label,
            "dpia_required": worst_dpia.required,
            "ethics_referral_required": worst_referral.required,
        }
    outcomes = evaluate_record(charter, least, state, carbon_threshold_kg=carbon_threshold_kg)
    return CheckReport(
        answers=answers,
        state=state,
        ai_act=ai_act_result,
        dpia=dpia,
        article_22=gdpr.assess_article_22(least),
        ethics=referral,
        charter_name=charter.name,
        charter_outcomes=tuple(outcomes),
        versions={
            "answers": ANSWERS_SCHEMA_VERSION,
            "implications": implications.RULESET_VERSION,
            "ai_act": ai_act.RULESET_VERSION,
            "gdpr": gdpr.RULESET_VERSION,
            "ethics": ethics.RULESET_VERSION,
            "charter": charter.version,
        },
        computed_at=computed_at or datetime.now(UTC),
        derivation=derivation,
        at_most=at_most,
    )
