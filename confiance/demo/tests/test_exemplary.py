"""The demo's illustrative record meets all ten laws on its page and on the public 10-laws dashboard."""

from html import unescape

import pytest
from django.core.cache import cache as django_cache
from django.core.management import call_command
from django.urls import reverse

from confiance.checks.models import LawOutcome, TrainingEvent
from confiance.demo.exemplary import NAME
from confiance.public import cache
from confiance.register.models import AISystem
from confiance.review.models import Opinion

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_page_cache():
    django_cache.clear()  # the public pages' cache outlives a test's database
    cache._generations.clear()


@pytest.fixture
def exemplary():
    call_command("loaddemo")
    return AISystem.objects.get(name=NAME)


def _record_badges(client, system):
    client.login(username="referent", password="confiance-demo")
    html = unescape(client.get(reverse("register:detail", args=[system.pk])).content.decode())
    table = html[html.index("État de chaque principe de la charte"):]
    table = table[:table.index("</table>")]
    return table


def test_it_shows_all_ten_laws_met_on_the_records_page(client, exemplary):
    assert exemplary.status == "experimenting" and exemplary.public_versions.exists()
    stored = dict(LawOutcome.objects.filter(system=exemplary).values_list("number", "outcome"))
    assert all(stored[n] == "met" for n in (1, 2, 3, 4, 5, 6, 10)), stored
    assert all(stored[n] == "not_applicable" for n in (7, 8, 9))  # stored on the record: judged on the organisation
    table = _record_badges(client, exemplary)
    assert table.count('class="badge met"') == 10 and "sans objet" not in table and "à faire" not in table
    assert "À l'échelle de la collectivité" in table


def test_it_lists_the_record_as_meeting_every_law_on_the_public_dashboard(client, exemplary):
    html = unescape(client.get(reverse("public:laws", args=[exemplary.organisation.slug])).content.decode())
    section = html[html.index("Systèmes publiés qui respectent toutes les lois"):]
    section = section[:section.index("</section>")]
    assert NAME in section and "10 lois sur 10 respectées" in section
    public = unescape(client.get(reverse("public:system", args=[exemplary.organisation.slug, exemplary.pk]))
                      .content.decode())
    laws = public[public.index("Les principes de la charte pour ce système"):]
    laws = laws[:laws.index("</ul>")]
    assert laws.count('class="badge met"') == 10


def test_it_labels_everything_of_the_example_as_fictional(exemplary):
    assert exemplary.name.startswith("Exemple fictif")
    assert exemplary.dpia.residual_risks.startswith("Exemple fictif")
    assert all(o.text.startswith("Exemple fictif") for o in Opinion.objects.filter(referral__system=exemplary))
    assert exemplary.bias_audits.count() == 0 and exemplary.dataset_uses.get().dataset.bias_audits.count() == 1
    assert TrainingEvent.objects.filter(title__startswith="Exemple fictif").count() == 2


def _public_badges(client, system):
    html = unescape(client.get(reverse("public:system", args=[system.organisation.slug, system.pk])).content.decode())
    laws = html[html.index("Les principes de la charte pour ce système"):]
    return laws[:laws.index("</ul>")]


def test_it_falls_back_to_to_do_when_the_organisation_no_longer_meets_law_8(client, exemplary):
    assert _public_badges(client, exemplary).count('class="badge met"') == 10  # now in the public pages' cache
    TrainingEvent.objects.filter(audience="citizens", title__startswith="Exemple fictif").delete()
    cache._generations.clear()  # each process re-reads the generation every second; the test does not wait
    assert _public_badges(client, exemplary).count('class="badge met"') == 9
    table = _record_badges(client, exemplary)
    assert table.count('class="badge met"') == 9 and "à faire" in table
    html = unescape(client.get(reverse("public:laws", args=[exemplary.organisation.slug])).content.decode())
    assert "Aucun système publié ne respecte encore chacune des lois." in html
