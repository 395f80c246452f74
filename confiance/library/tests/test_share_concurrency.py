"""Issue 15, finding 1 on the library's share form: two admins update one share at once, nothing is lost."""

from django.urls import reverse

from confiance.core.concurrency import form_data, version_of
from confiance.library.forms import ShareForm
from confiance.library.models import SharedProject
from tests.factories import make_person


def _as_read(project):
    data = form_data(ShareForm(instance=project))
    data["_version"] = version_of(project)
    return data


def test_it_merges_two_updates_of_a_share_and_shows_a_clash(client, lib):
    other_admin = make_person(lib.source_org, ["admin"], username="source-admin-2")
    url = reverse("library:share", args=[lib.system.pk])
    client.force_login(lib.source_admin)
    assert f'name="_version" value="{version_of(lib.project)}"' in client.get(url).content.decode()
    first, second, third = _as_read(lib.project), _as_read(lib.project), _as_read(lib.project)
    first["summary"] = "Prévoit les repas à servir, école par école."
    assert client.post(url, first).status_code == 302
    client.force_login(other_admin)
    second["contacts"] = "Paul Durand, paul.durand@ville-source.fr"
    assert client.post(url, second).status_code == 302
    project = SharedProject.objects.get(pk=lib.project.pk)
    assert project.summary == "Prévoit les repas à servir, école par école."
    assert project.contacts == "Paul Durand, paul.durand@ville-source.fr"
    third["summary"] = "Un autre résumé."
    response = client.post(url, third)
    assert response.status_code == 409
    page = response.content.decode()
    assert "Prévoit les repas à servir, école par école." in page and "Un autre résumé." in page
    assert SharedProject.objects.get(pk=lib.project.pk).summary == "Prévoit les repas à servir, école par école."
    summaries = [h.summary for h in project.history.order_by("history_id")]
    assert summaries[-2:] == ["Prévoit les repas à servir, école par école."] * 2  # no revert recorded


def test_it_shares_a_withdrawn_project_again_unchanged(client, lib):
    from confiance.library import sharing

    sharing.withdraw(lib.project)
    client.force_login(lib.source_admin)
    assert client.post(reverse("library:share", args=[lib.system.pk]), _as_read(lib.project)).status_code == 302
    assert not SharedProject.objects.get(pk=lib.project.pk).withdrawn
