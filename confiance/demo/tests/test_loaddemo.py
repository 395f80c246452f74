import pytest
from django.core.management import call_command

from confiance.accounts.models import Organisation, Person
from confiance.accounts.permissions import Action, can
from confiance.demo import register_data
from confiance.register.models import AISystem

pytestmark = pytest.mark.django_db


def test_it_loads_the_sources_cases_once_and_prints_the_accounts(capsys):
    call_command("loaddemo")
    call_command("loaddemo")
    out = capsys.readouterr().out
    assert "déjà chargées" in out and "confiance-demo" in out
    # The sources' cases, and one illustrative record that meets all ten laws (confiance.demo.exemplary).
    assert AISystem.objects.count() == len(register_data.SYSTEMS) + 1 >= 7
    assert Organisation.objects.filter(slug="nantes-metropole").exists()
    names = " ".join(AISystem.objects.values_list("name", flat=True)).lower()
    for word in ("capteurs", "fuites", "crèche", "econom", "salle de crise"):
        assert word in names
    assert not AISystem.objects.filter(decision_role="decides_alone").exists()


def test_it_gives_every_role_an_account_that_can_log_in(client):
    call_command("loaddemo")
    for username in ("admin", "agent", "referent", "dpo", "comite", "ethique", "nantes"):
        assert client.login(username=username, password="confiance-demo"), username
    referent = Person.objects.get(username="referent")
    system = AISystem.objects.filter(organisation__slug="ville-de-montpellier").first()
    assert can(referent, Action.EDIT, system.organisation_id, system)
    nantes = Person.objects.get(username="nantes")
    assert not can(nantes, Action.VIEW, system.organisation_id, system)


def test_it_adds_the_audits_so_that_laws_4_and_10_are_met():
    from confiance.audits.models import BiasAudit
    from confiance.checks.models import LawOutcome

    call_command("loaddemo")
    sensors = AISystem.objects.get(name__startswith="Points d'apport volontaire")
    outcomes = dict(LawOutcome.objects.filter(system=sensors).values_list("number", "outcome"))
    assert outcomes[4] == "met" and not {"to_do", "violated"} & set(outcomes.values())
    assert not LawOutcome.objects.filter(number=4).exclude(outcome="met").exists()  # every record is estimated
    creche = AISystem.objects.get(name__startswith="Aide au rapprochement")
    assert LawOutcome.objects.get(system=creche, number=10).outcome == "met"
    audit = BiasAudit.objects.get(system=creche)
    assert audit.rows == 3000 and "D000001" not in str(audit.report)
