"""What the review tells the checks: whether the ethics committee gave its opinion (law 5)."""

from confiance.checks.inputs import register_state_provider


def ethics_opinion_recorded(system):
    """Return True when an ethics committee has given an opinion on `system`."""
    from confiance.review.models import Opinion

    if system.pk is None:
        return False
    return Opinion.objects.filter(referral__system=system, referral__committee__kind="ethics").exists()


@register_state_provider
def review_state(system):
    return {"ethics_opinion_recorded": ethics_opinion_recorded(system)}
