"""The referral's dossier, its documents, and the committee's opinion."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from confiance.review.models import Document, Opinion
from confiance.review.tests.helpers import make_committee, make_referral
from tests.factories import make_system


@pytest.fixture
def referral(cast, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    cast.system.set_status("under_review", reason="Prise en instruction")
    internal = make_committee(cast.org, "internal", [cast.committee])
    return make_referral(cast.system, internal)


def test_it_shows_the_dossier_with_the_checks_and_their_sources_and_the_history(client, cast, referral):
    client.force_login(cast.committee)
    body = client.get(reverse("review:referral", args=[referral.pk])).content.decode()
    assert cast.system.name in body and referral.question in body
    assert "Règlement européen sur l'IA" in body and "<cite>" in body  # the checks panel, with citations
    assert "Prise en instruction" in body  # the history


def test_it_refers_a_record_and_tells_the_committee(client, cast, referral):
    ethics = make_committee(cast.org, "ethics", [cast.ethics])
    client.force_login(cast.committee)
    response = client.post(reverse("review:refer", args=[cast.system.pk]), {
        "committee": ethics.pk, "question": "Avis sur ce projet sensible ?", "deadline": "2030-02-01"})
    assert response.status_code == 302
    assert ethics.referrals.get().referred_by == cast.committee
    assert cast.ethics.notifications.filter(kind="referral").count() == 1


def test_it_lets_only_reviewers_refer(client, cast, referral):
    client.force_login(cast.agent)
    assert client.get(reverse("review:refer", args=[cast.system.pk])).status_code == 403


def test_it_attaches_a_document_and_refuses_wrong_types_and_sizes(client, cast, referral, settings):
    client.force_login(cast.committee)
    url = reverse("review:document_upload", args=[referral.pk])
    ok = SimpleUploadedFile("note.pdf", b"%PDF-1.4 note", content_type="application/pdf")
    client.post(url, {"title": "Note de cadrage", "file": ok})
    assert Document.objects.get().title == "Note de cadrage"
    bad = SimpleUploadedFile("script.exe", b"MZ", content_type="application/octet-stream")
    body = client.post(url, {"title": "Exécutable", "file": bad}, follow=True).content.decode()
    assert "pas ajouté" in body and Document.objects.count() == 1
    settings.REVIEW_UPLOAD_MAX_MB = 0
    big = SimpleUploadedFile("gros.pdf", b"%PDF" + b"0" * 2048, content_type="application/pdf")
    body = client.post(url, {"title": "Trop gros", "file": big}, follow=True).content.decode()
    assert "dépasse 0 Mo" in body and Document.objects.count() == 1
    download = client.get(reverse("review:document", args=[Document.objects.get().pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")


def test_it_records_an_opinion_with_conditions_and_refuses_one_without_them(client, cast, referral):
    client.force_login(cast.committee)
    url = reverse("review:opinion", args=[referral.pk])
    data = {"verdict": "with_conditions", "text": "Utile.", "conditions": "", "votes_for": 5, "votes_against": 1,
            "abstentions": 0, "given_on": "2025-03-12"}
    response = client.post(url, data)
    assert response.status_code == 200 and "doit énoncer ses conditions" in response.content.decode()
    assert not Opinion.objects.exists()
    client.post(url, {**data, "conditions": "Informer les usagers (loi 6)."})
    opinion = Opinion.objects.get()
    assert opinion.recorded_by == cast.committee and opinion.votes_for == 5 and not opinion.published
    assert cast.agent.notifications.filter(kind="opinion").exists()
    assert opinion.history.first().history_user == cast.committee


def test_it_lets_only_the_committees_members_give_its_opinion(client, cast, referral):
    client.force_login(cast.dpo)  # reads everything, sits on no committee
    assert client.get(reverse("review:referral", args=[referral.pk])).status_code == 200
    assert client.get(reverse("review:opinion", args=[referral.pk])).status_code == 403


def test_it_shows_an_ethics_member_only_the_referrals_of_their_committee(client, cast, referral):
    ethics = make_committee(cast.org, "ethics", [cast.ethics])
    client.force_login(cast.ethics)
    assert client.get(reverse("review:referral", args=[referral.pk])).status_code == 404
    assert client.get(reverse("review:committee", args=[referral.committee_id])).status_code == 404
    mine = make_referral(cast.system, ethics)
    assert client.get(reverse("review:referral", args=[mine.pk])).status_code == 200
    assert client.get(reverse("register:detail", args=[cast.system.pk])).status_code == 200


def test_it_holds_a_session_with_its_agenda_attendance_and_minutes(client, cast, referral):
    committee = referral.committee
    client.force_login(cast.committee)
    response = client.post(reverse("review:session_create", args=[committee.pk]), {"held_on": "2025-03-12"})
    session = committee.sessions.get()
    assert response.status_code == 302
    seat = committee.members.get()
    client.post(reverse("review:session", args=[session.pk]), {
        "seance-held_on": "2025-03-12", "seance-place": "Salle 2", "odj-referrals": [referral.pk]})
    referral.refresh_from_db()
    session.refresh_from_db()
    assert referral.session == session and session.place == "Salle 2" and not session.minutes
    empty = client.post(reverse("review:session_minutes", args=[session.pk]), {"attendees": [seat.pk]})
    assert "Écrivez le compte rendu" in empty.content.decode()
    client.post(reverse("review:session_minutes", args=[session.pk]), {
        "attendees": [seat.pk], "minutes": "Examen du projet."})
    session.refresh_from_db()
    assert list(session.attendees.all()) == [seat] and session.minutes == "Examen du projet."
    client.force_login(cast.agent)
    refused = client.post(reverse("review:session", args=[session.pk]), {"seance-held_on": "2025-01-01"})
    assert refused.status_code == 403
    assert client.post(reverse("review:session_minutes", args=[session.pk]), {"minutes": "x"}).status_code == 403


def test_it_places_a_referral_on_its_own_committees_session_from_the_referral(client, cast, referral):
    from confiance.review.models import Session

    ethics = make_committee(cast.org, "ethics", [cast.committee])
    own = Session.objects.create(committee=referral.committee, held_on="2030-02-01")
    other = Session.objects.create(committee=ethics, held_on="2030-01-15")
    client.force_login(cast.committee)
    page = client.get(reverse("review:referral", args=[referral.pk]))
    offered = list(page.context["schedule_form"].fields["session"].queryset)
    assert offered == [own]
    refused = client.post(reverse("review:referral_schedule", args=[referral.pk]), {"session": other.pk})
    referral.refresh_from_db()
    assert refused.status_code == 400 and referral.session is None
    client.post(reverse("review:referral_schedule", args=[referral.pk]), {"session": own.pk})
    referral.refresh_from_db()
    assert referral.session == own
    client.force_login(cast.agent)
    assert client.post(reverse("review:referral_schedule", args=[referral.pk]), {"session": ""}).status_code in (
        403, 404)


def test_it_refuses_a_referral_placed_on_another_committees_session(client, cast, referral):
    from confiance.review.models import Session

    ethics = make_committee(cast.org, "ethics", [cast.ethics])
    internal_session = Session.objects.create(committee=referral.committee, held_on="2030-02-01")
    client.force_login(cast.committee)
    response = client.post(reverse("review:refer", args=[cast.system.pk]), {
        "committee": ethics.pk, "question": "Avis éthique ?", "deadline": "2030-03-01",
        "session": internal_session.pk})
    assert response.status_code == 200 and "choisissez une séance du" in response.content.decode()
    assert not ethics.referrals.exists()


def test_it_says_why_a_session_closed_meanwhile_is_refused_and_keeps_the_stored_one_selected(client, cast, referral):
    from confiance.review.models import Session

    placed = Session.objects.create(committee=referral.committee, held_on="2030-02-01", place="Salle 2")
    closing = Session.objects.create(committee=referral.committee, held_on="2030-01-10")
    referral.session = placed
    referral.save()
    client.force_login(cast.committee)
    page = client.get(reverse("review:referral", args=[referral.pk]))
    assert [label for _, label in page.context["schedule_form"].fields["session"].choices] == [
        "Aucune : retirer de l'ordre du jour", "10/01/2030 (0 saisine)", "01/02/2030 — Salle 2 (1 saisine)"]
    closing.minutes = "Séance tenue ; ordre du jour épuisé."  # another member writes the minutes meanwhile
    closing.save()
    response = client.post(reverse("review:referral_schedule", args=[referral.pk]), {"session": closing.pk})
    body = response.content.decode()
    assert response.status_code == 400
    assert "n&#x27;est pas une séance ouverte du Comité interne Data &amp; IA" in body
    assert "Aujourd&#x27;hui, la saisine est inscrite à la séance du 01/02/2030." in body
    assert f'<option value="{placed.pk}" selected>' in body  # saving the page again as shown keeps the placement
    assert reverse("review:referral", args=[referral.pk]) in body and "Inscrire à l&#x27;ordre du jour</button>" in body
    referral.refresh_from_db()
    assert referral.session == placed


def test_it_says_on_which_session_the_referral_now_is(client, cast, referral):
    from confiance.review.models import Session

    own = Session.objects.create(committee=referral.committee, held_on="2030-02-01")
    client.force_login(cast.committee)
    response = client.post(reverse("review:referral_schedule", args=[referral.pk]), {"session": own.pk}, follow=True)
    assert "La saisine est inscrite à l&#x27;ordre du jour de la séance du 01/02/2030." in response.content.decode()


def test_it_sends_the_placement_address_opened_in_the_browser_back_to_the_referral(client, cast, referral):
    client.force_login(cast.committee)
    response = client.get(reverse("review:referral_schedule", args=[referral.pk]))
    assert response.status_code == 302 and response.url == reverse("review:referral", args=[referral.pk])
    client.logout()
    anonymous = client.get(reverse("review:referral_schedule", args=[referral.pk]))
    assert anonymous.status_code == 302 and "/connexion/" in anonymous.url


def test_it_explains_the_asterisk_only_on_a_form_that_has_one(client, cast, referral):
    from confiance.review.models import Session

    other = Session.objects.create(committee=make_committee(cast.org, "ethics", [cast.committee]), held_on="2030-01-15")
    client.force_login(cast.committee)
    refused = client.post(reverse("review:referral_schedule", args=[referral.pk]), {"session": other.pk})
    assert refused.status_code == 400 and "astérisque" not in refused.content.decode()  # nothing is required here
    opinion = client.get(reverse("review:opinion", args=[referral.pk])).content.decode()
    assert "astérisque" in opinion


def test_it_tells_apart_two_sessions_held_the_same_day_in_the_same_place(client, cast, referral):
    from confiance.review.models import Session

    morning = Session.objects.create(committee=referral.committee, held_on="2030-03-04", place="Salle 2")
    Session.objects.create(committee=referral.committee, held_on="2030-03-04", place="Salle 2")
    other = make_referral(make_system(cast.org, name="Autre dossier"), referral.committee)
    other.session = morning
    other.save()
    client.force_login(cast.committee)
    page = client.get(reverse("review:referral", args=[referral.pk]))
    labels = [label for _, label in page.context["schedule_form"].fields["session"].choices][1:]
    assert labels == ["04/03/2030 — Salle 2 (1 saisine)", "04/03/2030 — Salle 2 (0 saisine)"]
