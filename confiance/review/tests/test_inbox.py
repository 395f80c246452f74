"""The inbox and its unread count in the navigation."""

from django.urls import reverse

from confiance.review.notifications import notify


def test_it_counts_unread_messages_and_marks_them_read_when_opened(client, cast):
    note, = notify([cast.agent], "decision", "Décision sur le projet", "Autorisé.", "/registre/")
    client.force_login(cast.agent)
    assert "Boîte de réception (1 non lu)" in client.get(reverse("review:inbox")).content.decode()
    response = client.post(reverse("review:notification", args=[note.pk]))
    assert response.status_code == 302 and response.url == "/registre/"
    note.refresh_from_db()
    assert note.read_at is not None
    assert "Boîte de réception (" not in client.get(reverse("review:inbox")).content.decode()


def test_it_keeps_each_inbox_private(client, cast):
    note, = notify([cast.agent], "decision", "Décision", "Texte")
    client.force_login(cast.other_agent)
    assert client.post(reverse("review:notification", args=[note.pk])).status_code == 404
    assert "Décision" not in client.get(reverse("review:inbox")).content.decode()


def test_it_never_sends_the_same_keyed_message_twice(cast):
    assert len(notify([cast.agent], "deadline", "Rappel", "Texte", key="k1")) == 1
    assert notify([cast.agent], "deadline", "Rappel", "Texte", key="k1") == []
