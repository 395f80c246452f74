"""The demo shows the review: committees from the sources, a session, opinions, tools and declarations."""

from django.core.management import call_command

from confiance.accounts.models import Person
from confiance.accounts.permissions import visible_filter
from confiance.demo.exemplary import FICTIONAL
from confiance.register.models import AISystem
from confiance.review.models import ApprovedTool, Committee, Declaration, Opinion, Referral, Session


def test_it_loads_the_committees_a_review_in_progress_the_tools_and_declarations(db):
    call_command("loaddemo", stdout=open("/dev/null", "w"))
    assert set(Committee.objects.values_list("kind", "name")) == {
        ("internal", "Comité interne de la Data et de l'IA"),
        ("ethics", "Comité Métropolitain de l'Intelligence Artificielle et du Numérique")}
    session = Session.objects.get(committee__kind="internal")
    assert session.agenda.get().opinion.verdict == Opinion.Verdict.WITH_CONDITIONS
    assert session.attendees.count() == 3
    # The demo's illustrative record (confiance.demo.exemplary) went through the whole review: it is left aside.
    pending = Referral.objects.exclude(system__name__startswith=FICTIONAL).get(committee__kind="ethics")
    assert not pending.answered and pending.system.status == "under_review"
    assert ApprovedTool.objects.count() == 3 and all(t.generic or "interne" in t.name for t in ApprovedTool.objects.all())
    assert Declaration.objects.filter(state="requested").count() == 2
    ethique = Person.objects.get(username="ethique")
    assert list(AISystem.objects.filter(visible_filter(ethique)).exclude(name__startswith=FICTIONAL)) == [
        pending.system]
    assert ethique.notifications.filter(kind="referral").exists()
