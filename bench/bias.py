"""Benchmark the bias audit (law 10) against fairlearn's MetricFrame on pandas, side by side in one run.

Generates a synthetic file of 10,000,000 rows (three protected attributes:
sexe, tranche_age, nationalite; an outcome and a prediction; some missing
values and a small group), then:

1. runs our audit (confiance.rules.bias, DuckDB) on the full file in a child
   process, and reports its wall time and its peak memory (max RSS of that process);
2. runs fairlearn's MetricFrame on pandas on a 1,000,000-row slice of the same
   file (fairlearn needs seconds per million rows, so the full file would take
   minutes), end to end from the file like our audit, and scales its time to
   the full size (x rows_full / rows_slice); it says so;
3. runs our audit on the same slice and checks that every per-group rate and
   every difference equals fairlearn's to 1e-9.

The last line is `ratio N`: fairlearn's scaled time over ours (goal >= 100).
Never run by the tests.

    .venv/bin/python bench/bias.py [--rows 10000000] [--slice 1000000] [--format csv|parquet]
"""

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PROTECTED = ("sexe", "tranche_age", "nationalite")
AUDIT = """
import json, sys, time
from confiance.rules.bias import AuditSpec, run_audit
spec = AuditSpec(**json.loads(sys.argv[2]))
started = time.perf_counter()
report = run_audit(sys.argv[1], spec, memory_limit=sys.argv[3])
elapsed = time.perf_counter() - started
print(json.dumps({"seconds": elapsed, "rows": report.rows}))
"""


def generate(path, rows, fmt):
    """Write `rows` synthetic rows with DuckDB (seeded), as CSV with `;` or as Parquet."""
    import duckdb

    con = duckdb.connect()
    con.execute("SELECT setseed(0.42)")
    query = f"""
        SELECT
          CASE WHEN r1 < 0.01 THEN NULL WHEN r1 < 0.52 THEN 'F' ELSE 'H' END AS sexe,
          ['18-24','25-34','35-44','45-54','55-64','65+'][1 + floor(r2 * 6)::INT] AS tranche_age,
          CASE WHEN r3 < 0.85 THEN 'française' WHEN r3 < 0.93 THEN 'UE' WHEN r3 < 0.9995 THEN 'hors UE'
               ELSE 'apatride' END AS nationalite,
          CASE WHEN r4 < 0.005 THEN NULL WHEN r4 < 0.45 + 0.05 * (r1 < 0.52)::INT THEN 'oui' ELSE 'non' END
            AS decision,
          CASE WHEN r5 < 0.8 THEN (r4 < 0.47)::INT ELSE (r5 < 0.9)::INT END AS prediction
        FROM (SELECT random() r1, random() r2, random() r3, random() r4, random() r5 FROM range({rows}))
    """
    target = str(path).replace("'", "''")
    if fmt == "parquet":
        con.execute(f"COPY ({query}) TO '{target}' (FORMAT parquet)")
    else:
        con.execute(f"COPY ({query}) TO '{target}' (FORMAT csv, DELIMITER ';', HEADER)")
    con.close()


def spec():
    from confiance.rules.bias import AuditSpec

    return AuditSpec(protected=PROTECTED, outcome="decision", outcome_favourable="oui", prediction="prediction",
                     prediction_favourable="1", min_group_size=1)


def run_ours_in_child(path, memory_limit):
    """Run our audit in a child process; return (seconds, peak RSS in bytes)."""
    from dataclasses import asdict

    child = subprocess.Popen(
        [sys.executable, "-c", AUDIT, str(path), json.dumps(asdict(spec())), memory_limit],
        cwd=ROOT, stdout=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    out = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    if status:
        raise SystemExit(f"our audit failed (status {status})")
    return json.loads(out)["seconds"], usage.ru_maxrss * 1024


def fairlearn_frames(frame):
    """Return {attributes: (outcome frame, prediction frame)}, two MetricFrames per set of attributes.

    The prediction rate is over every row with a known attribute; the outcome
    rate and the true/false positive rates are over the rows whose outcome is known.
    """
    from fairlearn.metrics import MetricFrame, false_positive_rate, selection_rate, true_positive_rate

    def outcome_rate(y_true, y_pred):
        return selection_rate(y_true, y_true)

    frames = {}
    for names in [(a,) for a in PROTECTED] + list(itertools.combinations(PROTECTED, 2)):
        data = frame.dropna(subset=list(names))
        known_y = data.dropna(subset=["y"])
        outcome = MetricFrame(metrics={"rate": outcome_rate, "tpr": true_positive_rate, "fpr": false_positive_rate},
                              y_true=known_y["y"], y_pred=known_y["p"], sensitive_features=known_y[list(names)])
        prediction = MetricFrame(metrics={"rate": selection_rate}, y_true=data["p"], y_pred=data["p"],
                                 sensitive_features=data[list(names)])
        frames[names] = (outcome, prediction)
    return frames


def run_fairlearn(path, fmt):
    import pandas as pd

    started = time.perf_counter()
    if fmt == "parquet":  # pandas has no Parquet engine here (no pyarrow): DuckDB hands it the frame
        import duckdb

        frame = duckdb.sql(f"SELECT * FROM read_parquet('{path}')").df()
        frame["prediction"] = frame["prediction"].astype(str)
    else:
        frame = pd.read_csv(path, sep=";", dtype=str, keep_default_na=False, na_values=[""])
    frame["y"] = frame["decision"].map({"oui": 1, "non": 0})
    frame["p"] = pd.to_numeric(frame["prediction"]).astype(int)
    read = time.perf_counter() - started
    frames = fairlearn_frames(frame)
    return time.perf_counter() - started, read, frames


def compare(report, frames):
    """Return the largest absolute gap between our figures and fairlearn's."""
    gap = 0.0
    for result in report.attributes + report.intersections:
        outcome, prediction = frames[tuple(result.attributes)]
        for group in result.groups:
            key = group.labels if len(group.labels) > 1 else group.labels[0]
            pairs = [(group.outcome_rate, outcome.by_group["rate"][key]),
                     (group.prediction_rate, prediction.by_group["rate"][key]),
                     (group.true_positive_rate, outcome.by_group["tpr"][key]),
                     (group.false_positive_rate, outcome.by_group["fpr"][key])]
            gap = max([gap] + [abs(a - b) for a, b in pairs if a is not None])
        d = result.disparity
        for ours, theirs in [(d.outcome_parity_difference, outcome.difference()["rate"]),
                             (d.outcome_parity_ratio, outcome.ratio()["rate"]),
                             (d.prediction_parity_difference, prediction.difference()["rate"]),
                             (d.prediction_parity_ratio, prediction.ratio()["rate"]),
                             (d.equalised_odds_difference, max(outcome.difference()[["tpr", "fpr"]]))]:
            gap = max(gap, abs(ours - theirs))
    return gap


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--slice", type=int, default=1_000_000)
    parser.add_argument("--format", choices=["csv", "parquet"], default="csv")
    parser.add_argument("--memory-limit", default="1GB", help="DuckDB's memory limit for our audit.")
    args = parser.parse_args()
    from confiance.rules.bias import run_audit

    with tempfile.TemporaryDirectory(prefix="confiance-bench-bias-") as tmp:
        full, part = Path(tmp) / f"full.{args.format}", Path(tmp) / f"slice.{args.format}"
        started = time.perf_counter()
        generate(full, args.rows, args.format)
        generate(part, args.slice, args.format)
        print(f"generated {args.rows:,} + {args.slice:,} rows ({args.format}, "
              f"{full.stat().st_size / 1e6:,.0f} MB) in {time.perf_counter() - started:.1f} s")

        ours, peak = run_ours_in_child(full, args.memory_limit)
        print(f"ours: {ours:.2f} s on {args.rows:,} rows (DuckDB, end to end from the file), "
              f"peak memory {peak / 1024**2:,.0f} MB (goal <= 2048 MB)")

        theirs, read, frames = run_fairlearn(part, args.format)
        scaled = theirs * args.rows / args.slice
        print(f"fairlearn: {theirs:.2f} s on {args.slice:,} rows (of which pandas read {read:.2f} s), "
              f"scaled x{args.rows / args.slice:g} to {scaled:.1f} s for {args.rows:,} rows")

        gap = compare(run_audit(str(part), spec()), frames)
        print(f"largest gap between our figures and fairlearn's on the slice: {gap:.2e} "
              f"({'same numbers' if gap <= 1e-9 else 'DIFFERENT'})")
    print(f"ratio {scaled / ours:.0f}")


if __name__ == "__main__":
    main()
