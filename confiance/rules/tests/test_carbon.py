"""The carbon rules against worked examples, worked out by hand below each case.

Package figures used (pinned versions): France's grid intensity is 0.04144 kg/kWh
in EcoLogits 0.11.3 and 56.039 g/kWh in codecarbon 3.3.2; EcoLogits gives
4.2856004e-06 kg (usage) + 8.7627684e-06 kg (embodied) for a 300-token answer of
mistral-small-latest on the French mix.
"""

import pytest

from confiance.rules import carbon_data
from confiance.rules.carbon import (
    Benefit,
    CarbonInput,
    CarbonInputError,
    Inference,
    Storage,
    Training,
    estimate,
)

FR_LOW, FR_HIGH = 0.04144, 0.056039
LLM_USAGE, LLM_EMBODIED = 4.285600400500795e-06, 8.762768369093981e-06

CASES = [
    pytest.param(
        # An LLM assistant for residents: 50,000 questions a month to a hosted Mistral Small, 300 tokens each.
        CarbonInput(inference=Inference(requests_per_month=50_000, llm_provider="mistralai",
                                        llm_model="mistral-small-latest", output_tokens=300, country="FRA")),
        {"inference": (600_000 * (LLM_USAGE + LLM_EMBODIED),  # 600,000 requests a year
                       600_000 * (LLM_USAGE + LLM_EMBODIED),
                       600_000 * (LLM_EMBODIED + LLM_USAGE * FR_HIGH / FR_LOW))},
        id="llm-assistant",
    ),
    pytest.param(
        # A computer-vision model (waste containers' fill level): 4 A100 SXM (400 W) for 72 h, twice a year,
        # PUE 1.2; 10,000 images a month at 0.5 Wh; 2 TB on SSD in 3 copies.
        CarbonInput(training=Training(hardware="nvidia-a100-sxm", devices=4, hours=72, pue=1.2, runs_per_year=2),
                    inference=Inference(requests_per_month=10_000, wh_per_request=0.5, pue=1.2),
                    storage=Storage(terabytes=2, medium="ssd", copies=3, pue=1.2)),
        {
            # 4 × 400 W × 72 h × 1.2 × 2 = 276.48 kWh at full power; 50 % / 75 % / 100 % of it.
            "training": (138.24 * FR_LOW, 207.36 * FR_LOW, 276.48 * FR_HIGH),
            # 120,000 × 0.5 Wh × 1.2 = 72 kWh.
            "inference": (72 * FR_LOW, 72 * FR_LOW, 72 * FR_HIGH),
            # 2 TB × 3 × 8,760 h × 1.2 = 63,072 TB·h; HDD 0.65 Wh (low), SSD 1.2 Wh (central, high).
            "storage": (63.072 * 0.65 * FR_LOW, 63.072 * 1.2 * FR_LOW, 63.072 * 1.2 * FR_HIGH),
        },
        id="vision-model-on-gpu",
    ),
    pytest.param(
        # A small statistical model (canteen attendance): a 65 W CPU for 30 minutes every month; 1,000 forecasts a
        # month at 0.01 Wh; 10 GB on disks in 2 copies; default PUE 1.58.
        CarbonInput(training=Training(watts=65, hours=0.5, runs_per_year=12),
                    inference=Inference(requests_per_month=1_000, wh_per_request=0.01),
                    storage=Storage(terabytes=0.01, medium="hdd", copies=2)),
        {
            # 65 W × 0.5 h × 1.58 × 12 = 0.61620 kWh at full power.
            "training": (0.30810 * FR_LOW, 0.46215 * FR_LOW, 0.61620 * FR_HIGH),
            # 12,000 × 0.01 Wh × 1.58 = 0.1896 kWh.
            "inference": (0.1896 * FR_LOW, 0.1896 * FR_LOW, 0.1896 * FR_HIGH),
            # 0.01 TB × 2 × 8,760 h × 1.58 = 276.816 TB·h... /1000 = 0.276816; HDD 0.65 Wh, SSD 1.2 Wh (high).
            "storage": (0.276816 * 0.65 * FR_LOW, 0.276816 * 0.65 * FR_LOW, 0.276816 * 1.2 * FR_HIGH),
        },
        id="small-statistical-model",
    ),
]


@pytest.mark.parametrize("carbon_input, expected", CASES)
def test_it_matches_the_worked_examples(carbon_input, expected):
    result = estimate(carbon_input)
    parts = {p.name: (p.low, p.central, p.high) for p in result.parts}
    assert set(parts) == set(expected)
    for name, values in expected.items():
        assert parts[name] == pytest.approx(values, rel=1e-6), name
    assert result.central == pytest.approx(sum(v[1] for v in expected.values()), rel=1e-6)
    assert result.low <= result.central <= result.high


def test_it_reads_grid_intensities_from_both_packages():
    france = carbon_data.grid_intensity("FRA")
    assert (france.ecologits, france.codecarbon) == pytest.approx((FR_LOW, FR_HIGH))
    poland = carbon_data.grid_intensity("POL")
    assert poland.central > 10 * france.central  # coal against nuclear: the data are real, not a constant
    assert carbon_data.grid_intensity("XXX") is None
    assert "FRA" in carbon_data.countries() and "mistralai" in carbon_data.llm_models()


def test_it_weighs_the_claimed_benefit_against_the_footprint():
    result = estimate(CarbonInput(
        inference=Inference(requests_per_month=1_000, wh_per_request=1),
        benefit=Benefit("pages imprimées évitées", 20_000, "pages", 0.005, "facteur déclaré par le service"),
    ))
    assert result.benefit_kg == pytest.approx(100)
    assert result.net_kg == pytest.approx(result.central - 100)
    assert any("pages" in r.text for r in result.reasons)


def test_it_says_the_footprint_in_a_residents_terms():
    result = estimate(CarbonInput(inference=Inference(requests_per_month=100_000, wh_per_request=100)))
    km, label, _ = result.equivalents[0]
    assert label == "km en voiture thermique" and km == pytest.approx(result.central / 0.2176, abs=0.05)


@pytest.mark.parametrize("carbon_input, message", [
    (CarbonInput(), "au moins"),
    (CarbonInput(training=Training(hardware="abacus", hours=3)), "Matériel inconnu"),
    (CarbonInput(inference=Inference(requests_per_month=10, wh_per_request=1, country="ZZZ")), "Pays inconnu"),
    (CarbonInput(inference=Inference(requests_per_month=10, llm_provider="mistralai", llm_model="no-such-model",
                                     output_tokens=100)), "Modèle inconnu"),
    (CarbonInput(inference=Inference(requests_per_month=10, wh_per_request=1),
                 benefit=Benefit("km évités", 100, "km", 0.2, "")), "source"),
])
def test_it_refuses_inputs_it_cannot_use(carbon_input, message):
    with pytest.raises(CarbonInputError, match=message):
        estimate(carbon_input)


def test_it_cites_the_published_value_of_each_equivalent_and_says_what_is_unchecked():
    from confiance.rules.carbon import DIESEL_KG_PER_LITRE, DIESEL_SOURCE, EQUIVALENTS

    written = {"km en voiture thermique": ("0,2176", 0.2176), "repas avec du bœuf": ("7,26", 7.26),
               "% de l'empreinte carbone annuelle d'un Français": ("9,2 t", 9200 / 100)}
    for label, factor, citation in EQUIVALENTS:
        text, value = written[label]
        assert text in str(citation) and factor == pytest.approx(value), label  # the value the source gives
    assert EQUIVALENTS[0][1] == pytest.approx(0.192 + 0.0256)
    assert DIESEL_KG_PER_LITRE == 3.1 and "valeur à vérifier" in str(DIESEL_SOURCE)
