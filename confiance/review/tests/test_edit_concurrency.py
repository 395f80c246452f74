"""Issue 15, finding 1 on the review's screens: two people edit one session, minutes, tool or experiment
at once; the second sees both versions side by side and nothing of the first is lost."""

import datetime

import pytest
from django.urls import reverse

from confiance.core.concurrency import form_data, version_of
from confiance.review.forms import ApprovedToolForm, ExperimentForm, MinutesForm, SessionForm
from confiance.review.models import ApprovedTool, CommitteeMember, Experiment, Session, YearlyReview
from confiance.review.tests.helpers import make_committee, make_experiment

pytestmark = pytest.mark.django_db

CONFLICT_TITLE = "quelqu'un a modifié cette fiche"


@pytest.fixture
def committee(cast):
    return make_committee(cast.org, "internal", [cast.committee, cast.dpo])


@pytest.fixture
def session(committee):
    return Session.objects.create(committee=committee, held_on=datetime.date(2030, 3, 12), place="Salle 1")


def _as_read(form, obj, prefix=""):
    """Return what a screen posts when the person changes nothing, with the version it was read at."""
    data = form_data(form)
    data["_version"] = version_of(obj)
    return data


def _post_as(client, person, url, data):
    client.force_login(person)
    return client.post(url, data)


def test_it_carries_the_version_on_every_review_edit_form(client, cast, committee, session):
    client.force_login(cast.committee)
    tool = ApprovedTool.objects.create(organisation=cast.org, name="Albert", vendor="DINUM", hosting_country="FR",
                                       allowed_uses="Résumer", forbidden_data="Données de santé")
    for url, obj in ((reverse("review:session", args=[session.pk]), session),
                     (reverse("review:session_minutes", args=[session.pk]), session),
                     (reverse("review:tool_edit", args=[tool.pk]), tool)):
        assert f'name="_version" value="{version_of(obj)}"' in client.get(url).content.decode(), url


def test_it_merges_two_plannings_of_a_session_and_shows_a_clash(client, cast, session):
    url = reverse("review:session", args=[session.pk])
    form = SessionForm(instance=session, committee=session.committee, prefix="seance")
    first, second, third = (_as_read(form, session) for _ in range(3))
    first["seance-place"] = "Salle du conseil"
    assert _post_as(client, cast.committee, url, first).status_code == 302
    second["seance-held_on"] = "2030-03-19"  # another field: merged
    assert _post_as(client, cast.dpo, url, second).status_code == 302
    session.refresh_from_db()
    assert (session.place, session.held_on) == ("Salle du conseil", datetime.date(2030, 3, 19))
    third["seance-place"] = "Visioconférence"  # the same field, another value: both shown
    response = _post_as(client, cast.dpo, url, third)
    assert response.status_code == 409
    page = response.content.decode()
    assert CONFLICT_TITLE in page and "Salle du conseil" in page and "Visioconférence" in page
    session.refresh_from_db()
    assert session.place == "Salle du conseil"
    # The history never shows the first change reverted.
    assert "Salle 1" not in [h.place for h in session.history.order_by("history_id")][1:]


def test_it_keeps_both_minutes_writers_work(client, cast, committee, session):
    url = reverse("review:session_minutes", args=[session.pk])
    seats = list(CommitteeMember.objects.filter(committee=committee).order_by("pk"))
    first = _as_read(MinutesForm(instance=session), session)
    second = dict(first)
    first["minutes"] = "Avis favorable sur la collecte des déchets."
    assert _post_as(client, cast.committee, url, first).status_code == 302
    second.update(minutes="Avis réservé.", attendees=[seats[1].pk])
    response = _post_as(client, cast.dpo, url, second)
    assert response.status_code == 409
    page = response.content.decode()
    assert "Avis favorable sur la collecte des déchets." in page and "Avis réservé." in page
    session.refresh_from_db()
    assert session.minutes == "Avis favorable sur la collecte des déchets." and not session.attendees.exists()
    # The second person keeps the stored minutes and adds the attendance they typed.
    merge = dict(second, _version=version_of(session), _garder_minutes="enregistree")
    assert _post_as(client, cast.dpo, url, merge).status_code == 302
    session.refresh_from_db()
    assert session.minutes == "Avis favorable sur la collecte des déchets."
    assert list(session.attendees.all()) == [seats[1]]


def test_it_sees_a_clash_on_attendance_read_from_the_history(client, cast, committee, session):
    url = reverse("review:session_minutes", args=[session.pk])
    seats = list(CommitteeMember.objects.filter(committee=committee).order_by("pk"))
    first = _as_read(MinutesForm(instance=session), session)
    second = dict(first)
    first.update(minutes="Compte rendu.", attendees=[seats[0].pk])
    assert _post_as(client, cast.committee, url, first).status_code == 302
    second.update(minutes="Compte rendu.", attendees=[seats[1].pk])
    assert _post_as(client, cast.dpo, url, second).status_code == 409
    assert list(Session.objects.get(pk=session.pk).attendees.all()) == [seats[0]]


def test_it_merges_two_edits_of_an_approved_tool(client, cast):
    tool = ApprovedTool.objects.create(organisation=cast.org, name="Albert", vendor="DINUM", hosting_country="FR",
                                       allowed_uses="Résumer", forbidden_data="Données de santé")
    url = reverse("review:tool_edit", args=[tool.pk])
    form = ApprovedToolForm(instance=tool, organisations=[cast.org.pk])
    first, second, third = (_as_read(form, tool) for _ in range(3))
    first["conditions"] = "Relire chaque réponse."
    assert _post_as(client, cast.committee, url, first).status_code == 302
    second["allowed_uses"] = "Résumer, traduire"
    assert _post_as(client, cast.admin, url, second).status_code == 302
    tool.refresh_from_db()
    assert (tool.conditions, tool.allowed_uses) == ("Relire chaque réponse.", "Résumer, traduire")
    third["conditions"] = "Ne pas l'utiliser pour des décisions."
    response = _post_as(client, cast.admin, url, third)
    assert response.status_code == 409 and "Relire chaque réponse." in response.content.decode()
    tool.refresh_from_db()
    assert tool.conditions == "Relire chaque réponse."
    assert tool.history.count() == 3  # created, then each of the two saves; no revert recorded


def test_it_merges_two_edits_of_an_experimentation(client, cast, committee):
    experiment = make_experiment(cast.system, evaluated=False)
    url = reverse("review:experiment", args=[cast.system.pk])
    form = ExperimentForm(instance=experiment, system=cast.system)
    first, second = _as_read(form, experiment), _as_read(form, experiment)
    first["volunteer_count"] = 12
    assert _post_as(client, cast.agent, url, first).status_code == 302
    second["volunteer_count"] = 3
    second["criteria"] = "Temps gagné."
    response = _post_as(client, cast.committee, url, second)
    assert response.status_code == 409
    experiment = Experiment.objects.get(pk=experiment.pk)
    assert experiment.volunteer_count == 12 and experiment.criteria == "Temps gagné, erreurs."
    assert 'value="Temps gagné."' in response.content.decode() or "Temps gagné.</textarea>" in response.content.decode()


def test_it_tells_the_second_person_who_concluded_a_yearly_review(client, cast, committee):
    review = YearlyReview.objects.create(system=cast.system, due_on=datetime.date(2030, 1, 1))
    url = reverse("review:yearly_review", args=[review.pk])
    assert _post_as(client, cast.committee, url, {"findings": "Rien à signaler", "outcome": "continue"}
                    ).status_code == 302
    response = _post_as(client, cast.admin, url, {"findings": "Erreurs en hausse", "outcome": "continue"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "l&#x27;a conclue" in page and "Erreurs en hausse" in page  # told, and the typing kept
    review.refresh_from_db()
    assert review.findings == "Rien à signaler" and review.reviewed_by == cast.committee
    assert YearlyReview.objects.filter(system=cast.system, done_on__isnull=True).count() == 1


def test_it_shows_a_clash_when_two_members_place_one_referral_on_different_sessions(client, cast, committee, session):
    from confiance.review.models import Referral
    from tests.factories import make_system

    referral = Referral.objects.create(system=make_system(cast.org, owner=cast.agent), committee=committee,
                                       question="Faut-il un avis ?", deadline=datetime.date(2030, 4, 1))
    later = Session.objects.create(committee=committee, held_on=datetime.date(2030, 3, 26))
    url = reverse("review:referral_schedule", args=[referral.pk])
    client.force_login(cast.committee)
    page = client.get(reverse("review:referral", args=[referral.pk])).content.decode()
    assert f'name="_version" value="{version_of(referral)}"' in page
    read_at = version_of(referral)
    assert _post_as(client, cast.committee, url, {"session": session.pk, "_version": read_at}).status_code == 302
    clash = _post_as(client, cast.dpo, url, {"session": later.pk, "_version": read_at})
    referral.refresh_from_db()
    assert clash.status_code == 409 and CONFLICT_TITLE in clash.content.decode()
    assert referral.session == session  # the first placement is kept until the second person chooses
    assert referral.history.count() == 2  # created, then placed once: no revert recorded
    chosen = _post_as(client, cast.dpo, url, {"session": later.pk, "_version": version_of(referral)})
    referral.refresh_from_db()
    assert chosen.status_code == 302 and referral.session == later
