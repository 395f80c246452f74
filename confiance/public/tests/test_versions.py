"""Each public page keeps its published versions, readable by anyone."""

import pytest
from django.urls import reverse

from tests.factories import make_system

pytestmark = pytest.mark.django_db


def test_it_keeps_a_new_version_only_when_the_public_page_changes(client, public):
    system = public.deployed
    assert system.public_versions.count() == 1
    system.team_size = 4  # not public: no new version
    system.save()
    assert system.public_versions.count() == 1
    system.public_summary = "Propose un nombre de places à ouvrir chaque mois."
    system.save()
    assert system.public_versions.count() == 2
    old = client.get(reverse("public:version", args=[public.org.slug, system.pk, 1])).content.decode()
    assert "Aide à l" in old and "Propose un nombre" not in old
    listing = client.get(reverse("public:versions", args=[public.org.slug, system.pk])).content.decode()
    assert "Version 2" in listing and "Version 1" in listing


def test_it_keeps_no_version_of_a_draft(cast):
    assert make_system(cast.org).public_versions.count() == 0
