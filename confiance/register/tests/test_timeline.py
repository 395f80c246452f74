import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_it_shows_who_changed_which_field_from_what_to_what(client, cast):
    system = cast.system
    system.vendor = "Ancien"
    system.save()
    system.vendor = "Nouveau"
    system.domain = "water"
    system.service = cast.other_service
    system._history_user = cast.steward
    system.save()

    client.force_login(cast.dpo)
    response = client.get(reverse("register:timeline", args=[system.pk]))
    entries = response.context["timeline"]
    latest = entries[0]
    assert latest.who == cast.steward and latest.kind == "Modification"
    changes = {c.label: (c.old, c.new) for c in latest.changes}
    assert changes["fournisseur"] == ("Ancien", "Nouveau")
    assert changes["domaine"] == ("Déchets", "Eau")
    assert changes["service"] == ("Pôle Numérique", "Pôle Eau")
    assert entries[-1].kind == "Création"
    html = response.content.decode()
    assert "Ancien" in html and "Nouveau" in html


def test_it_hides_the_timeline_from_strangers(client, cast):
    client.force_login(cast.stranger)
    assert client.get(reverse("register:timeline", args=[cast.system.pk])).status_code == 404


def test_it_shows_the_committees_opinions_and_the_decisions_in_the_timeline(client, cast):
    from confiance.review import transitions
    from confiance.review.tests.helpers import make_committee, make_opinion, make_referral

    internal = make_committee(cast.org, "internal", [cast.committee])
    cast.system.set_status("under_review")
    make_opinion(make_referral(cast.system, internal), "with_conditions", conditions="Former les agents.",
                 text="Projet utile aux usagers.")
    transitions.record_decision(cast.system, "approve_experimentation", "Essai sur trois mois.", cast.committee,
                                ["Former les agents."])
    client.force_login(cast.agent)
    timeline = client.get(reverse("register:timeline", args=[cast.system.pk])).context["timeline"]
    kinds = [e.kind for e in timeline]
    assert "Décision : Autoriser l'expérimentation" in kinds
    assert "Avis du Comité interne Data & IA : Favorable sous conditions" in kinds
    assert kinds.index("Décision : Autoriser l'expérimentation") < kinds.index(
        "Avis du Comité interne Data & IA : Favorable sous conditions")  # most recent first
    decision = timeline[kinds.index("Décision : Autoriser l'expérimentation")]
    assert "Former les agents." in decision.reason and decision.who == cast.committee
