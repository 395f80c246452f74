"""The `importsystems` command: report on standard output, exit status 0, 1 or 2."""

import pytest
from django.core.management import call_command

from confiance.register.models import AISystem
from confiance.register.tests.test_import import CONFIANCE, ETALAB


def test_it_imports_and_exits_0_when_every_row_loads(cast, capsys):
    call_command("importsystems", str(CONFIANCE), "--organisation", cast.org.slug, "--as", cast.steward.username)
    out = capsys.readouterr().out.splitlines()
    assert out[0] == ("Import complet : 2 système(s) ajouté(s), 0 mis à jour, 0 inchangé(s) ; 6 valeur(s) "
                      "normalisée(s), 1 avertissement(s).")
    assert AISystem.objects.get(name="Relevé des compteurs d'eau").created_by == cast.steward


def test_it_exits_1_when_rows_are_rejected_and_writes_nothing_in_a_dry_run(cast, capsys):
    before = AISystem.objects.count()
    with pytest.raises(SystemExit) as exit_:
        call_command("importsystems", str(ETALAB), "--organisation", cast.org.slug, "--dry-run")
    assert exit_.value.code == 1 and AISystem.objects.count() == before
    out = capsys.readouterr().out
    assert out.startswith("Simulation, rien n'a été écrit. Import partiel : 1 ligne(s) rejetée(s)")
    assert "rejeté, ligne 5, champ decision_role" in out


@pytest.mark.parametrize("args,message", [
    (["absent.csv", "--organisation", "metropole-test"], "Fichier illisible, rien n'a été importé : lecture impossible"),
    ([str(CONFIANCE), "--organisation", "inconnue"], "Fichier illisible, rien n'a été importé : organisation inconnue"),
    ([str(CONFIANCE), "--organisation", "metropole-test", "--as", "personne"], "personne inconnue"),
])
def test_it_exits_2_when_the_import_cannot_start(cast, capsys, args, message):
    with pytest.raises(SystemExit) as exit_:
        call_command("importsystems", *args)
    assert exit_.value.code == 2 and message in capsys.readouterr().out.splitlines()[0]
