import sys

import pytest
from django.core.management import CommandError, call_command

from confiance.audits.models import CarbonEstimate, CarbonMeasurement
from confiance.checks.models import LawOutcome

pytestmark = pytest.mark.django_db

WORK = "total = sum(i * i for i in range(2_000_000))"


def test_it_measures_a_real_command_and_makes_it_the_training_part(cast, capsys):
    call_command("carbon", "measure", "--system", str(cast.system.pk), "--runs-per-year", "12", "--",
                 sys.executable, "-c", WORK)
    measurement = CarbonMeasurement.objects.get()
    assert measurement.return_code == 0 and measurement.duration_s > 0 and measurement.energy_kwh > 0
    assert measurement.tool.startswith("codecarbon ") and measurement.country == "FRA"
    estimate = CarbonEstimate.objects.get()
    training = estimate.inputs["training"]
    assert training["measured_kwh_per_run"] == measurement.energy_kwh and training["runs_per_year"] == 12
    assert estimate.central_kg == pytest.approx(measurement.energy_kwh * 12 * 0.04144)
    assert LawOutcome.objects.get(system=cast.system, number=4).outcome == "met"
    assert "énergie" in capsys.readouterr().out


def test_it_keeps_the_measurement_of_a_failing_command_but_not_the_estimate(cast):
    with pytest.raises(CommandError, match="a échoué"):
        call_command("carbon", "measure", "--system", str(cast.system.pk), "--", sys.executable, "-c",
                     "raise SystemExit(3)")
    assert CarbonMeasurement.objects.get().return_code == 3
    assert not CarbonEstimate.objects.exists()


@pytest.mark.parametrize("args, message", [
    (["--system", "999999", "--", "true"], "identifiant 999999"),
    (["--country", "ZZZ", "--", "true"], "Pays inconnu"),
    (["--", "no-such-command-here"], "introuvable"),
])
def test_it_refuses_what_it_cannot_measure(cast, args, message):
    if "--system" not in args:
        args = ["--system", str(cast.system.pk), *args]
    with pytest.raises(CommandError, match=message):
        call_command("carbon", "measure", *args)
    assert not CarbonEstimate.objects.exists()
