"""The bias audit's figures equal fairlearn's MetricFrame to 1e-9, edge cases included."""

import itertools

import numpy as np
import pandas as pd
import pytest
from fairlearn.metrics import MetricFrame, false_positive_rate, selection_rate, true_positive_rate

from confiance.rules.bias import AuditSpec, run_audit

PROTECTED = ("sexe", "tranche_age", "qpv")
TOLERANCE = 1e-9


def generated_frame(seed=7, rows=4000):
    """People with three attributes, an outcome and a prediction; missing values, a tiny group,
    an all-favourable group, a group with no positive outcome, and a reference group absent from the data."""
    rng = np.random.default_rng(seed)
    sexe = rng.choice(["F", "H"], rows, p=[0.55, 0.45]).astype(object)
    age = rng.choice(["18-29", "30-44", "45-59", "60+"], rows).astype(object)
    qpv = rng.choice(["oui", "non"], rows, p=[0.2, 0.8]).astype(object)
    outcome = np.where(rng.random(rows) < 0.4 + 0.1 * (sexe == "H"), "accordé", "refusé").astype(object)
    prediction = np.where(rng.random(rows) < 0.8, outcome == "accordé", rng.random(rows) < 0.5).astype(int)
    frame = pd.DataFrame({"sexe": sexe, "tranche_age": age, "qpv": qpv, "décision": outcome,
                          "prédiction": prediction.astype(object)})
    frame.loc[rng.random(rows) < 0.03, "sexe"] = None  # missing attribute
    frame.loc[rng.random(rows) < 0.02, "décision"] = None  # missing outcome
    frame.loc[rng.random(rows) < 0.02, "prédiction"] = None  # missing prediction
    frame.loc[:5, "tranche_age"] = "16-17"  # 6 people: under the secrecy threshold
    frame.loc[6:40, "tranche_age"] = "100+"  # every one favourable, no negative: FPR undefined
    frame.loc[6:40, "décision"] = "accordé"
    frame.loc[41:80, "tranche_age"] = "90-99"  # no positive outcome: TPR undefined
    frame.loc[41:80, "décision"] = "refusé"
    return frame


def write(frame, path, fmt):
    if fmt == "parquet":
        import duckdb

        con = duckdb.connect()
        con.register("frame", frame.astype(object).where(frame.notna(), None))
        con.execute(f"COPY (SELECT * FROM frame) TO '{path}' (FORMAT parquet)")
        return
    # French office software writes `;`, Windows-1252 and a decimal comma.
    frame = frame.copy()
    frame["prédiction"] = frame["prédiction"].map(lambda v: None if v is None else f"{float(v):.1f}".replace(".", ","))
    frame.to_csv(path, sep=";", index=False, encoding="cp1252")


def fairlearn_values(frame, names, suppressed):
    """Return per-group MetricFrames the way the audit defines its populations."""
    data = frame.dropna(subset=list(names))
    if suppressed:
        data = data[~data[list(names)].apply(tuple, axis=1).isin(suppressed)]
    y = (data["décision"] == "accordé").astype(float).where(data["décision"].notna())
    p = pd.to_numeric(data["prédiction"])
    data = data.assign(y=y, p=p)
    known_y, known_p = data.dropna(subset=["y"]), data.dropna(subset=["p"])
    both = data.dropna(subset=["y", "p"])
    features = lambda d: d[list(names)]  # noqa: E731
    return {
        "outcome": MetricFrame(metrics=selection_rate, y_true=known_y["y"], y_pred=known_y["y"],
                               sensitive_features=features(known_y)),
        "prediction": MetricFrame(metrics=selection_rate, y_true=known_p["p"], y_pred=known_p["p"],
                                  sensitive_features=features(known_p)),
        "odds": MetricFrame(metrics={"tpr": true_positive_rate, "fpr": false_positive_rate}, y_true=both["y"],
                            y_pred=both["p"], sensitive_features=features(both)),
        "both": both,
    }


def close(a, b):
    return abs(a - b) <= TOLERANCE


def _key(labels):
    return labels if len(labels) > 1 else labels[0]


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_it_equals_fairlearn_metricframe_on_generated_data(tmp_path, fmt):
    frame = generated_frame()
    path = tmp_path / f"personnes.{fmt}"
    write(frame, path, fmt)
    spec = AuditSpec(protected=PROTECTED, outcome="décision", outcome_favourable="accordé", prediction="prédiction",
                     prediction_favourable="1", reference={"qpv": {"oui": 0.25, "non": 0.7, "inconnu": 0.05}})
    report = run_audit(str(path), spec)

    assert report.rows == len(frame)
    checked = 0
    for result in report.attributes + report.intersections:
        names = tuple(result.attributes)
        suppressed = {g.labels for g in result.groups if g.suppressed}
        theirs = fairlearn_values(frame, names, suppressed)
        defined = {"tpr": [], "fpr": []}
        for group in result.groups:
            if group.suppressed or group.n == 0:
                continue
            key = _key(group.labels)
            assert close(group.outcome_rate, theirs["outcome"].by_group[key])
            assert close(group.prediction_rate, theirs["prediction"].by_group[key])
            for metric, ours in (("tpr", group.true_positive_rate), ("fpr", group.false_positive_rate)):
                if ours is not None:
                    assert close(ours, theirs["odds"].by_group[metric][key])
                    defined[metric].append(group.labels)
            checked += 1
        d = result.disparity
        assert close(d.outcome_parity_difference, theirs["outcome"].difference())
        assert close(d.outcome_parity_ratio, theirs["outcome"].ratio())
        assert close(d.prediction_parity_difference, theirs["prediction"].difference())
        assert close(d.prediction_parity_ratio, theirs["prediction"].ratio())
        # Equalised odds over the groups where each rate is defined (fairlearn would count an undefined rate as 0).
        both = theirs["both"]
        gaps = []
        for metric, function in (("tpr", true_positive_rate), ("fpr", false_positive_rate)):
            rows = both[both[list(names)].apply(tuple, axis=1).isin(defined[metric])]
            gaps.append(MetricFrame(metrics=function, y_true=rows["y"], y_pred=rows["p"],
                                    sensitive_features=rows[list(names)]).difference())
        assert close(d.equalised_odds_difference, max(gaps))
    assert checked > 30


def test_it_suppresses_small_groups_and_says_so(tmp_path):
    path = tmp_path / "personnes.csv"
    write(generated_frame(), path, "csv")
    report = run_audit(str(path), AuditSpec(protected=("tranche_age", "sexe"), outcome="décision",
                                            outcome_favourable="accordé"))
    ages = {g.labels[0]: g for g in report.attributes[0].groups}
    assert ages["16-17"].suppressed and ages["16-17"].n is None and ages["16-17"].outcome_rate is None
    assert not ages["30-44"].suppressed and ages["30-44"].n > 10
    assert report.suppressed_groups >= 1
    assert any("secret statistique" in r.text for r in report.reasons)
    assert report.attributes[0].disparity.groups_compared == len(ages) - 1


def test_it_reports_undefined_rates_instead_of_zero(tmp_path):
    path = tmp_path / "personnes.csv"
    write(generated_frame(), path, "csv")
    report = run_audit(str(path), AuditSpec(protected=("tranche_age", "sexe"), outcome="décision",
                                            outcome_favourable="accordé", prediction="prédiction",
                                            prediction_favourable="1"))
    ages = {g.labels[0]: g for g in report.attributes[0].groups}
    assert ages["100+"].outcome_rate == 1.0 and ages["100+"].false_positive_rate is None
    assert ages["90-99"].outcome_rate == 0.0 and ages["90-99"].true_positive_rate is None


def test_it_reports_missing_values_per_group_and_the_reference_shares(tmp_path):
    frame = generated_frame()
    path = tmp_path / "personnes.parquet"
    write(frame, path, "parquet")
    spec = AuditSpec(protected=("qpv", "sexe"), outcome="décision", outcome_favourable="accordé",
                     reference={"qpv": {"oui": 0.25, "non": 0.7, "inconnu": 0.05}})
    report = run_audit(str(path), spec)
    qpv, sexe = report.attributes
    groups = {g.labels[0]: g for g in qpv.groups}
    assert groups["inconnu"].n == 0 and groups["inconnu"].reference_share == 0.05
    in_qpv = frame[frame["qpv"] == "oui"]
    assert groups["oui"].missing["sexe"] == in_qpv["sexe"].isna().sum() > 0
    assert groups["oui"].missing["décision"] == in_qpv["décision"].isna().sum()
    assert close(groups["oui"].share, len(in_qpv) / len(frame))
    assert groups["oui"].reference_share == 0.25
    assert sexe.missing == frame["sexe"].isna().sum() and sexe.known == frame["sexe"].notna().sum()


def test_it_audits_every_pair_of_attributes(tmp_path):
    path = tmp_path / "personnes.csv"
    write(generated_frame(), path, "csv")
    report = run_audit(str(path), AuditSpec(protected=PROTECTED))
    assert [tuple(r.attributes) for r in report.intersections] == list(itertools.combinations(PROTECTED, 2))
    assert report.intersections[0].disparity.outcome_parity_difference is None  # no outcome column given
