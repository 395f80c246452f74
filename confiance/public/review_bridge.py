"""Read the review's public acts (issue #4) when the review app is installed.

The public site shows published opinions, decisions and experimentation
results, and counts referrals, opinions and decisions in the annual report.
When confiance.review is absent (or not migrated yet) every function returns
empty results, and the pages say that no instruction data is available.
"""

from django.apps import apps
from django.db.models import Count


def available():
    return apps.is_installed("confiance.review")


def _model(name):
    return apps.get_model("review", name) if available() else None


def public_review(system):
    """Return the published opinions, the decisions, the evaluated experiments and the next yearly review."""
    if not available():
        return {"available": False, "opinions": [], "decisions": [], "experiments": [], "next_review_on": None}
    Opinion, Decision = _model("Opinion"), _model("Decision")
    Experiment, YearlyReview = _model("Experiment"), _model("YearlyReview")
    opinions = [
        {"committee": o.referral.committee.name, "verdict": o.get_verdict_display(), "text": o.text,
         "conditions": o.conditions, "given_on": o.given_on.isoformat()}
        for o in Opinion.objects.filter(referral__system=system, published=True).select_related("referral__committee")
    ]
    decisions = [
        {"kind": d.get_kind_display(), "text": d.text, "decided_on": d.decided_on.isoformat()}
        for d in Decision.objects.filter(system=system)
    ]
    experiments = [
        {"starts_on": e.starts_on.isoformat(), "ends_on": e.ends_on.isoformat(),
         "volunteer_count": e.volunteer_count, "usefulness": e.usefulness,
         "working_conditions": e.working_conditions, "skills": e.skills, "errors_seen": e.errors_seen,
         "evaluated_on": e.evaluated_on.isoformat()}
        for e in Experiment.objects.filter(system=system, evaluated_on__isnull=False)
    ]
    upcoming = YearlyReview.objects.filter(system=system, done_on__isnull=True).order_by("due_on").first()
    return {"available": True, "opinions": opinions, "decisions": decisions, "experiments": experiments,
            "next_review_on": upcoming.due_on.isoformat() if upcoming else None}


def review_figures(organisation, year):
    """Return the year's referrals, opinions (by verdict) and decisions (by kind) of the organisation."""
    if not available():
        return None
    Referral, Opinion, Decision = _model("Referral"), _model("Opinion"), _model("Decision")
    referrals = Referral.objects.filter(system__organisation=organisation, referred_on__year=year)
    opinions = Opinion.objects.filter(referral__system__organisation=organisation, given_on__year=year)
    decisions = Decision.objects.filter(system__organisation=organisation, decided_on__year=year)
    verdicts = dict(Opinion.Verdict.choices)
    kinds = dict(Decision.Kind.choices)
    return {
        "referrals": referrals.count(),
        "referrals_by_committee": [[r["committee__name"], r["n"]] for r in
                                   referrals.values("committee__name").annotate(n=Count("pk")).order_by("-n")],
        "opinions": opinions.count(),
        "opinions_published": opinions.filter(published=True).count(),
        "opinions_by_verdict": [[verdicts.get(r["verdict"], r["verdict"]), r["n"]] for r in
                                opinions.values("verdict").annotate(n=Count("pk")).order_by("-n")],
        "decisions": decisions.count(),
        "decisions_by_kind": [[kinds.get(r["kind"], r["kind"]), r["n"]] for r in
                              decisions.values("kind").annotate(n=Count("pk")).order_by("-n")],
    }
