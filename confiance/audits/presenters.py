"""Turn a stored audit into what its page and its PDF show: tables and SVG charts."""

from confiance.rules import audit_charts, bias_law

METRICS = [
    ("outcome_parity_difference", "Écart de parité démographique (résultat)", "difference"),
    ("outcome_parity_ratio", "Ratio de parité démographique (résultat)", "ratio"),
    ("prediction_parity_difference", "Écart de parité démographique (prédiction)", "difference"),
    ("prediction_parity_ratio", "Ratio de parité démographique (prédiction)", "ratio"),
    ("true_positive_rate_difference", "Écart de taux de vrais positifs", "difference"),
    ("false_positive_rate_difference", "Écart de taux de faux positifs", "difference"),
    ("equalised_odds_difference", "Écart d'égalité des chances (equalized odds)", "difference"),
]


def _label(group):
    return " × ".join(group["labels"])


def _section(result, report):
    groups = result["groups"]
    shown = [g for g in groups if not g["suppressed"]]
    name = " × ".join(result["attributes"])
    charts = [audit_charts.share_chart(f"Part de chaque groupe — {name}",
                                       [(_label(g), g["share"], g["reference_share"]) for g in shown])]
    spec = report["spec"]
    if spec.get("outcome"):
        charts.append(audit_charts.rate_chart(f"Taux de résultat favorable — {name}",
                                              [(_label(g), g["outcome_rate"]) for g in shown if g["n"]]))
    if spec.get("prediction"):
        charts.append(audit_charts.rate_chart(f"Taux de prédiction favorable — {name}",
                                              [(_label(g), g["prediction_rate"]) for g in shown if g["n"]]))
    metrics = [{"label": label, "value": result["disparity"][key], "kind": kind} for key, label, kind in METRICS
               if result["disparity"][key] is not None]
    return {"name": name, "result": result, "groups": groups, "charts": charts, "metrics": metrics,
            "missing_columns": [c for c in report["spec"]["protected"] + [spec.get("outcome"), spec.get("prediction")]
                                if c]}


def bias_context(audit):
    """Return the template context of a finished audit's report."""
    report = audit.report
    return {
        "audit": audit, "report": report,
        "attributes": [_section(r, report) for r in report["attributes"]],
        "intersections": [_section(r, report) for r in report["intersections"]],
        "sensitive": report["sensitive_columns"],
        "categories": bias_law.CATEGORIES,
    }


def carbon_context(estimate):
    result = estimate.result
    rows = [(p["label"], p["low"], p["central"], p["high"]) for p in result["parts"]]
    rows.append(("Total", result["low"], result["central"], result["high"]))
    if result.get("benefit_kg") is not None:
        rows.append(("Bénéfice revendiqué (évité)", result["benefit_kg"], result["benefit_kg"], result["benefit_kg"]))
    chart = audit_charts.range_chart("Empreinte carbone par an (kg CO₂e), de l'estimation basse à la haute", rows)
    return {"estimate": estimate, "result": result, "chart": chart}
