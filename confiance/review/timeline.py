"""The review's acts in a record's timeline: each committee's opinion and each decision of the authority."""

from datetime import datetime, time

from django.utils import timezone

from confiance.register.timeline import Entry, register_timeline_source
from confiance.review.models import Decision, Opinion


def _moment(day, recorded):
    """Place an act given on `day` at the time it was recorded if that was the same day, else at noon."""
    if recorded is not None and timezone.localdate(recorded) == day:
        return recorded
    return timezone.make_aware(datetime.combine(day, time(12)))


@register_timeline_source
def review_acts(system):
    if system.pk is None or type(system).__name__ != "AISystem":
        return []
    entries = []
    opinions = Opinion.objects.filter(referral__system=system).select_related("referral__committee", "recorded_by")
    for opinion in opinions:
        recorded = opinion.history.filter(history_type="+").values_list("history_date", flat=True).first()
        entries.append(Entry(when=_moment(opinion.given_on, recorded), who=opinion.recorded_by,
                             kind=f"Avis du {opinion.referral.committee} : {opinion.get_verdict_display()}",
                             reason=_with_conditions(opinion.text, opinion.conditions.splitlines())))
    for decision in Decision.objects.filter(system=system).select_related("decided_by").prefetch_related(
            "conditions"):
        recorded = decision.history.filter(history_type="+").values_list("history_date", flat=True).first()
        entries.append(Entry(when=_moment(decision.decided_on, recorded), who=decision.decided_by,
                             kind=f"Décision : {decision.get_kind_display()}",
                             reason=_with_conditions(decision.text, [c.text for c in decision.conditions.all()])))
    return entries


def _with_conditions(text, conditions):
    conditions = [c.strip() for c in conditions if c.strip()]
    return f"{text} Conditions : {' ; '.join(conditions)}." if conditions else text
