"""The dataset screens: who sees and edits what (the register's rule), the form's refusals, the history."""

from django.urls import reverse

from confiance.catalogue.models import Dataset
from tests.factories import make_dataset

VALID = {"title": "Fréquentation des cantines", "description": "Repas servis par école et par jour.",
         "classification": "internal", "hosting_country": "FR", "frequency": "daily", "quality_label": "0"}


def test_it_lists_only_the_datasets_of_the_persons_organisations(client, cast):
    make_dataset(cast.org, title="Tournées de collecte")
    make_dataset(cast.other_org, title="Secret d'une autre ville")
    client.force_login(cast.agent)
    page = client.get(reverse("catalogue:list")).content.decode()
    assert "Tournées de collecte" in page and "Secret d'une autre ville" not in page


def test_it_searches_without_accents(client, cast):
    make_dataset(cast.org, title="Fréquentation des déchèteries")
    make_dataset(cast.org, title="Population par IRIS")
    client.force_login(cast.dpo)
    page = client.get(reverse("catalogue:list"), {"q": "dechet"}).content.decode()
    assert "Fréquentation des déchèteries" in page and "Population par IRIS" not in page


def test_it_hides_a_dataset_from_strangers_and_ethics_members(client, cast):
    dataset = make_dataset(cast.org)
    for person in (cast.stranger, cast.ethics):
        client.force_login(person)
        assert client.get(reverse("catalogue:detail", args=[dataset.pk])).status_code == 404


def test_it_creates_a_dataset_with_its_history_and_refuses_bad_input_in_french(client, cast):
    client.force_login(cast.agent)
    bad = client.post(reverse("catalogue:create"), {**VALID, "organisation": cast.org.pk, "classification": "closed",
                                                    "licence": "other"})
    page = bad.content.decode()
    assert bad.status_code == 200 and not Dataset.objects.exists()
    assert "au moins une organisation partenaire" in page and "Nommez la licence" in page
    response = client.post(reverse("catalogue:create"), {**VALID, "organisation": cast.org.pk,
                                                         "distributions_text": "https://x.fr/c.csv | CSV | Repas"})
    dataset = Dataset.objects.get()
    assert response.status_code == 302 and dataset.created_by == cast.agent
    assert dataset.distributions == [{"url": "https://x.fr/c.csv", "format": "csv", "title": "Repas"}]
    assert dataset.history.get().history_user == cast.agent


def test_it_lets_only_a_steward_or_admin_grant_a_quality_label(client, cast):
    client.force_login(cast.agent)
    client.post(reverse("catalogue:create"), {**VALID, "organisation": cast.org.pk, "quality_label": "3"})
    assert Dataset.objects.get().quality_label == 0
    dataset = make_dataset(cast.org, service=cast.service)
    client.force_login(cast.steward)
    client.post(reverse("catalogue:edit", args=[dataset.pk]), {**VALID, "quality_label": "2"})
    dataset.refresh_from_db()
    assert dataset.quality_label == 2


def test_it_applies_the_registers_edit_rule(client, cast):
    own = make_dataset(cast.org, owner=cast.agent)
    others = make_dataset(cast.org, owner=cast.other_agent)
    client.force_login(cast.agent)
    assert client.get(reverse("catalogue:edit", args=[own.pk])).status_code == 200
    assert client.get(reverse("catalogue:edit", args=[others.pk])).status_code == 403
    client.force_login(cast.dpo)  # reads everything, edits nothing
    assert client.get(reverse("catalogue:detail", args=[others.pk])).status_code == 200
    assert client.post(reverse("catalogue:edit", args=[others.pk]), VALID).status_code == 403
    others.refresh_from_db()
    assert others.title != VALID["title"]


def test_it_describes_the_fields_of_a_dataset(client, cast):
    dataset = make_dataset(cast.org, service=cast.service)
    client.force_login(cast.steward)
    data = {"fields-TOTAL_FORMS": "2", "fields-INITIAL_FORMS": "0", "fields-0-name": "code_iris",
            "fields-0-type": "string", "fields-0-position": "1", "fields-1-name": "nom_beneficiaire",
            "fields-1-type": "string", "fields-1-personal": "on", "fields-1-position": "2"}
    assert client.post(reverse("catalogue:fields", args=[dataset.pk]), data).status_code == 302
    assert list(dataset.fields.values_list("name", "personal")) == [("code_iris", False), ("nom_beneficiaire", True)]
    assert "nom_beneficiaire" in client.get(reverse("catalogue:detail", args=[dataset.pk])).content.decode()


def test_a_filter_that_is_not_valid_is_said_and_the_others_still_apply(client, cast):
    make_dataset(cast.org, title="Tournées de collecte", classification="open")
    make_dataset(cast.org, title="Paie des agents", classification="internal")
    client.force_login(cast.dpo)
    page = client.get(reverse("catalogue:list"), {"classification": "open", "service": "abc", "status": "zzz"})
    text = page.content.decode()
    assert "Tournées de collecte" in text and "Paie des agents" not in text
    assert text.count("filtre non appliqué") == 2
