"""The charter page of an organisation: each principle, the records with something to do,
and the organisation-level indicators of laws 7, 8 and 9."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from confiance.accounts.models import Organisation
from confiance.accounts.permissions import Action, can, member_organisations, require, viewer_for
from confiance.checks.charters import adopt_charter
from confiance.checks.forms import TrainingEventForm
from confiance.checks.inputs import charter_for
from confiance.checks.organisation_laws import OrganisationLaws, law_counts
from confiance.register.models import AISystem


@login_required
def charter_index(request):
    """Send the person to the charter of their first organisation."""
    own = list(viewer_for(request.user).roles) or member_organisations(request.user)
    organisations = Organisation.objects.filter(pk__in=own).order_by("name")
    first = organisations.first()
    if first is None:
        require(request.user, Action.VIEW, None)
    return redirect("checks:charter", slug=first.slug)


@require_POST
@login_required
def charter_adopt(request, slug):
    """Adopt Montpellier's 10 laws as the organisation's charter (its admins only); its records are rechecked."""
    organisation = get_object_or_404(Organisation, slug=slug)
    require(request.user, Action.ADMINISTER, organisation.pk)
    if hasattr(organisation, "charter"):
        messages.info(request, "L'organisation a déjà sa charte : rien n'a changé.")
    else:
        adopt_charter(organisation, actor=request.user)
        messages.success(request, "Les 10 lois de la data et de l'IA sont adoptées : chaque système de "
                         "l'organisation est de nouveau contrôlé.")
    return redirect("checks:charter", slug=organisation.slug)


@login_required
def charter_detail(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    if organisation.pk not in member_organisations(request.user):
        require(request.user, Action.VIEW, None)  # raises: not a member
    year = timezone.localdate().year
    charter = charter_for(organisation)
    laws = OrganisationLaws(year)
    evaluation = laws.evaluation(organisation)
    # Laws 7 to 9 counted as each record's page reads them, on the organisation (decision 0020).
    counts = law_counts(AISystem.objects.filter(organisation=organisation)
                        .exclude(status__in=["retired", "rejected"]), laws)
    org_outcomes = {o.number: o for o in evaluation.outcomes}
    principles = [
        {"principle": p, "counts": counts.get(p.number, {}), "organisation_outcome": org_outcomes.get(p.number)}
        for p in charter.principles
    ]
    form = TrainingEventForm(request.POST or None)
    can_record = can(request.user, Action.CREATE, organisation.pk)
    if request.method == "POST":
        require(request.user, Action.CREATE, organisation.pk)
        if form.is_valid():
            event = form.save(commit=False)
            event.organisation = organisation
            event.save()
            messages.success(request, "Formation enregistrée : les indicateurs des lois 7 et 8 sont à jour.")
            return redirect("checks:charter", slug=organisation.slug)
    return render(request, "checks/charter.html", {
        "nav": "charter", "organisation": organisation, "charter": charter, "principles": principles,
        "indicators": evaluation.indicators, "year": year, "form": form, "can_record": can_record,
        "events": organisation.training_events.all()[:20],
        "has_charter": hasattr(organisation, "charter"),
        "can_adopt": can(request.user, Action.ADMINISTER, organisation.pk),
    })
