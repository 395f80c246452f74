"""The bias audit of a dataset (law 10): shares, missing values, rates and disparities per group.

Law 10 of Montpellier's charter (seeds/002): the authority watches the data that
feed its AI for bias of gender, origin or sexual orientation. This module
measures it on a file the steward names, in one DuckDB pass (GROUPING SETS over
the protected attributes and their pairs); only aggregates come back to Python.

The disparity metrics follow fairlearn's definitions (a test compares them with
`fairlearn.metrics.MetricFrame` to 1e-9):

- selection rate: share of favourable values among the rows where the value is known;
- demographic parity difference: largest minus smallest selection rate between groups;
  ratio: smallest over largest;
- equalised odds difference: the larger of the true-positive-rate and false-positive-rate
  differences between groups, on rows where both outcome and prediction are known.

Where fairlearn would count an undefined rate as 0 (a group with no actual
positive has no true-positive rate), this audit says "undefined" and leaves the
group out of that difference (decision 0010). Groups under the minimum size
(statistical secrecy, 10 by default) are suppressed: no figure is shown or
stored for them and they are left out of the differences; the report counts them.
"""

import itertools
import os
import tempfile
import threading
from dataclasses import asdict, dataclass, field

from confiance.rules import bias_law
from confiance.rules.bias_input import (
    DEFAULT_MAX_BYTES,
    BiasInputError,
    favourable_expression,
    label_expression,
    open_source,
    quote_identifier,
    resolve_column,
)
from confiance.rules.citations import MONTPELLIER_LAWS, Citation, Reason

RULESET_VERSION = "bias-2026.1"
DEFAULT_MIN_GROUP_SIZE = 10
LAW_10 = Citation(MONTPELLIER_LAWS, "loi 10")
MISSING = None  # the label of the rows where an attribute is missing


@dataclass(frozen=True)
class AuditSpec:
    """What to audit in a file: the steward's choices."""

    protected: tuple
    outcome: str = ""
    outcome_favourable: str = ""
    prediction: str = ""
    prediction_favourable: str = ""
    prediction_threshold: float | None = None
    reference: dict = field(default_factory=dict)  # attribute -> {group: share}
    min_group_size: int = DEFAULT_MIN_GROUP_SIZE
    legal_basis: str = ""
    separator: str = ""


@dataclass
class GroupStats:
    labels: tuple
    n: int | None
    suppressed: bool = False
    share: float | None = None
    reference_share: float | None = None
    missing: dict = field(default_factory=dict)
    outcome_rate: float | None = None
    prediction_rate: float | None = None
    true_positive_rate: float | None = None
    false_positive_rate: float | None = None


@dataclass
class Disparity:
    """Differences between the groups of one attribute or one intersection."""

    groups_compared: int = 0
    outcome_parity_difference: float | None = None
    outcome_parity_ratio: float | None = None
    prediction_parity_difference: float | None = None
    prediction_parity_ratio: float | None = None
    true_positive_rate_difference: float | None = None
    false_positive_rate_difference: float | None = None
    equalised_odds_difference: float | None = None


@dataclass
class AttributeResult:
    attributes: tuple
    known: int
    missing: int
    groups: list
    disparity: Disparity
    suppressed_groups: int = 0

    @property
    def name(self):
        return " × ".join(self.attributes)


@dataclass
class BiasReport:
    rows: int
    source: dict
    spec: dict
    attributes: list
    intersections: list
    sensitive_columns: list
    reasons: list
    ruleset_version: str = RULESET_VERSION

    @property
    def suppressed_groups(self):
        return sum(a.suppressed_groups for a in self.attributes + self.intersections)

    def as_dict(self):
        data = asdict(self)
        data["suppressed_groups"] = self.suppressed_groups
        data["reasons"] = [r.as_dict() for r in self.reasons]
        return data


def _rate(part, whole):
    return part / whole if whole else None


def _spread(values):
    """Return (max - min, min / max) of the defined values, as fairlearn's between_groups method."""
    values = [v for v in values if v is not None]
    if len(values) < 2:
        return None, None
    top, bottom = max(values), min(values)
    return top - bottom, (bottom / top if top else None)


def disparity(groups):
    """Return the Disparity between the groups that are neither suppressed nor empty."""
    kept = [g for g in groups if not g.suppressed and g.n]
    result = Disparity(groups_compared=len(kept))
    result.outcome_parity_difference, result.outcome_parity_ratio = _spread(g.outcome_rate for g in kept)
    result.prediction_parity_difference, result.prediction_parity_ratio = _spread(g.prediction_rate for g in kept)
    result.true_positive_rate_difference, _ = _spread(g.true_positive_rate for g in kept)
    result.false_positive_rate_difference, _ = _spread(g.false_positive_rate for g in kept)
    odds = [d for d in (result.true_positive_rate_difference, result.false_positive_rate_difference) if d is not None]
    result.equalised_odds_difference = max(odds) if odds else None
    return result


def _fine_sql(columns, p_column, p_expr):
    """Return SQL counting the rows of each distinct combination of the audited columns (the one full pass).

    A prediction read against a threshold is turned into 0/1 here, so a continuous
    score does not multiply the combinations.
    """
    selected = [quote_identifier(c) for c in columns if c != p_column]
    if p_column:
        selected.append(f"{p_expr} AS {quote_identifier(p_column)}")
    return f"CREATE TEMP TABLE audit_fine AS SELECT {', '.join(selected)}, count(*) AS n FROM audit_source GROUP BY ALL"


def _aggregate_sql(attributes, y_expr, p_expr, missing_columns):
    """Return SQL of every group's weighted counts, over the small table of combinations."""
    names = [f"a{i}" for i in range(len(attributes))]
    inner = [f"{expr} AS {name}" for expr, name in zip(attributes.values(), names, strict=True)]
    inner.append(f"{y_expr or 'NULL::INTEGER'} AS y")
    inner.append(f"{p_expr or 'NULL::INTEGER'} AS p")
    inner += [f"({label}) IS NULL AS m{i}" for i, label in enumerate(missing_columns.values())]
    inner.append("n")
    sets = [f"({n})" for n in names] + [f"({a}, {b})" for a, b in itertools.combinations(names, 2)]
    measures = [
        "sum(n)::BIGINT AS n", "coalesce(sum(n) FILTER (WHERE y IS NOT NULL), 0)::BIGINT AS n_y",
        "coalesce(sum(n) FILTER (WHERE y = 1), 0)::BIGINT AS y_fav",
        "coalesce(sum(n) FILTER (WHERE p IS NOT NULL), 0)::BIGINT AS n_p",
        "coalesce(sum(n) FILTER (WHERE p = 1), 0)::BIGINT AS p_fav",
        "coalesce(sum(n) FILTER (WHERE y = 1 AND p IS NOT NULL), 0)::BIGINT AS pos",
        "coalesce(sum(n) FILTER (WHERE y = 1 AND p = 1), 0)::BIGINT AS tp",
        "coalesce(sum(n) FILTER (WHERE y = 0 AND p IS NOT NULL), 0)::BIGINT AS neg",
        "coalesce(sum(n) FILTER (WHERE y = 0 AND p = 1), 0)::BIGINT AS fp",
    ] + [f"coalesce(sum(n) FILTER (WHERE m{i}), 0)::BIGINT AS missing{i}" for i in range(len(missing_columns))]
    grouping = f"GROUPING({', '.join(names)}) AS gid"
    return (f"SELECT {', '.join(names)}, {grouping}, {', '.join(measures)} "
            f"FROM (SELECT {', '.join(inner)} FROM audit_fine) "
            f"GROUP BY GROUPING SETS ({', '.join(sets)})")


def _run_with_progress(connection, sql, progress):
    """Run `sql`, reporting DuckDB's own progress between 10% and 95%."""
    done = threading.Event()

    def watch():
        while not done.wait(0.5):
            try:
                value = connection.query_progress()
            except Exception:  # noqa: BLE001 - progress is best effort
                continue
            if value is not None and value >= 0:
                progress(0.10 + 0.85 * min(value, 100) / 100, "Lecture et agrégation du fichier")

    watcher = threading.Thread(target=watch, daemon=True) if progress else None
    if watcher:
        watcher.start()
    try:
        for statement in sql[:-1]:
            connection.execute(statement)
        return connection.execute(sql[-1]).fetchall()
    finally:
        done.set()
        if watcher:
            watcher.join()


def connect(memory_limit="1GB", threads=None):
    """Return a DuckDB connection bounded in memory, spilling to a temporary directory."""
    import duckdb

    connection = duckdb.connect(config={
        "memory_limit": memory_limit,
        "threads": threads or os.cpu_count() or 1,
        "temp_directory": tempfile.gettempdir(),
        "enable_external_access": True,
    })
    connection.execute("SET enable_progress_bar = true; SET enable_progress_bar_print = false")
    return connection


def _check_spec(spec):
    if not spec.protected:
        raise BiasInputError("Indiquez au moins un attribut protégé (par exemple sexe ou tranche d'âge).")
    if spec.min_group_size < 1:
        raise BiasInputError("La taille minimale d'un groupe doit être au moins 1.")
    if spec.outcome and not (spec.outcome_favourable or "").strip():
        raise BiasInputError("Indiquez la valeur favorable de la colonne de résultat.")
    if spec.prediction and not (spec.prediction_favourable or "").strip() and spec.prediction_threshold is None:
        raise BiasInputError("Indiquez la valeur favorable (ou le seuil) de la colonne de prédiction.")


def _open_checked(connection, path, spec, max_bytes, head_only=False):
    """Open the file and check the request against it: columns, sensitive data. Return (source, columns)."""
    _check_spec(spec)
    source = open_source(connection, path, spec.separator or None, max_bytes, head_only)
    try:
        protected = tuple(dict.fromkeys(resolve_column(source, name) for name in spec.protected))
        outcome = resolve_column(source, spec.outcome) if spec.outcome else ""
        prediction = resolve_column(source, spec.prediction) if spec.prediction else ""
        flags = bias_law.sensitive_columns(source.columns, _distinct_sample(connection, source, source.columns[:60]))
        if flags and not spec.legal_basis.strip():
            raise bias_law.LegalBasisRequired(flags)
    except Exception:
        source.close()
        raise
    return source, protected, outcome, prediction, flags


def preflight(path, spec, max_bytes=DEFAULT_MAX_BYTES):
    """Check quickly, on the file's head, what can be checked before a long run; return what was detected.

    Raises BiasInputError or bias_law.LegalBasisRequired, as run_audit would.
    """
    connection = connect()
    try:
        source = _open_checked(connection, path, spec, max_bytes, head_only=True)[0]
        source.close()
        return source.describe()
    finally:
        connection.close()


def run_audit(path, spec, progress=None, max_bytes=DEFAULT_MAX_BYTES, memory_limit="1GB"):
    """Audit the file at `path` as `spec` asks; return a BiasReport or raise BiasInputError.

    Raises bias_law.LegalBasisRequired when columns suggest ethnic origin, religion
    or sexual orientation and `spec.legal_basis` is empty. Nothing of the rows is
    kept: only counts and rates per group come back.
    """
    progress = progress or (lambda fraction, message: None)
    _check_spec(spec)
    connection = connect(memory_limit)
    source = None
    try:
        progress(0.02, "Ouverture du fichier et recherche de données sensibles")
        source, protected, outcome, prediction, flags = _open_checked(connection, path, spec, max_bytes)
        attributes = {name: label_expression(source, name) for name in protected}
        audited = {name: label_expression(source, name) for name in (*protected, outcome, prediction) if name}
        y_expr = favourable_expression(source, outcome, spec.outcome_favourable) if outcome else ""
        p_expr = (favourable_expression(source, prediction, spec.prediction_favourable, spec.prediction_threshold)
                  if prediction else "")
        progress(0.10, "Lecture et agrégation du fichier")
        threshold_p = prediction if spec.prediction_threshold is not None else ""
        statements = [_fine_sql(list(audited), threshold_p, p_expr)]
        if threshold_p:  # already 0/1 in the table of combinations
            p_expr = f"TRY_CAST({quote_identifier(prediction)} AS INTEGER)"
            audited[prediction] = quote_identifier(prediction)
        statements.append(_aggregate_sql(attributes, y_expr, p_expr, audited))
        rows = _execute(connection, statements, progress)
        report = _build_report(rows, source, spec, protected, list(audited), flags, outcome, prediction)
        progress(1.0, "Audit terminé")
        return report
    finally:
        if source is not None:
            source.close()
        connection.close()


def _execute(connection, sql, progress):
    import duckdb

    try:
        return _run_with_progress(connection, sql, progress)
    except duckdb.Error as exc:
        from confiance.rules.bias_input import explain_duckdb_error

        raise BiasInputError(f"Le fichier n'a pas pu être lu jusqu'au bout : {explain_duckdb_error(exc)}") from None


def _distinct_sample(connection, source, columns, limit=200):
    """Return {column: [values]}: a few distinct values of each protected attribute, to look for sensitive data."""
    values = {}
    for column in columns:
        sql = (f"SELECT DISTINCT {label_expression(source, column)} AS v FROM "
               f"(SELECT * FROM audit_source LIMIT 20000) WHERE v IS NOT NULL LIMIT {limit}")
        values[column] = [row[0] for row in connection.execute(sql).fetchall()]
    return values


def _group(labels, row, index, spec, missing_names, attribute, known):
    n = row[index["n"]]
    if 0 < n < spec.min_group_size:
        return GroupStats(labels=labels, n=None, suppressed=True)
    pos, neg = row[index["pos"]], row[index["neg"]]
    reference = spec.reference.get(attribute, {}).get(labels[0]) if attribute else None
    return GroupStats(
        labels=labels, n=n, share=_rate(n, known), reference_share=reference,
        missing={name: row[index[f"missing{i}"]] for i, name in enumerate(missing_names)},
        outcome_rate=_rate(row[index["y_fav"]] or 0, row[index["n_y"]]),
        prediction_rate=_rate(row[index["p_fav"]] or 0, row[index["n_p"]]),
        true_positive_rate=_rate(row[index["tp"]], pos),
        false_positive_rate=_rate(row[index["fp"]], neg),
    )


def _build_report(rows, source, spec, protected, missing_names, flags, outcome, prediction):
    count = len(protected)
    columns = [f"a{i}" for i in range(count)] + ["gid", "n", "n_y", "y_fav", "n_p", "p_fav", "pos", "tp", "neg", "fp"]
    columns += [f"missing{i}" for i in range(len(missing_names))]
    index = {name: i for i, name in enumerate(columns)}
    by_set = {}
    for row in rows:
        grouped = tuple(i for i in range(count) if not (row[index["gid"]] >> (count - 1 - i)) & 1)
        by_set.setdefault(grouped, []).append(row)
    total = sum(row[index["n"]] for row in by_set.get((0,), []))
    if total == 0:
        raise BiasInputError("Le fichier ne contient aucune ligne de données sous son en-tête.")
    singles, pairs = [], []
    for i, name in enumerate(protected):
        result = _attribute_result((name,), (i,), by_set.get((i,), []), index, spec, missing_names)
        known_groups = [g for g in result.groups if g.n != 0]
        if len(known_groups) < 2:
            raise BiasInputError(f"L'attribut protégé « {name} » n'a qu'une valeur dans le fichier : aucune "
                                 "comparaison entre groupes n'est possible.")
        singles.append(result)
    for i, j in itertools.combinations(range(count), 2):
        pairs.append(_attribute_result((protected[i], protected[j]), (i, j), by_set.get((i, j), []), index, spec,
                                       missing_names))
    reasons = [Reason(LAW_10, "Audit des biais enregistré : parts des groupes, valeurs manquantes, taux et écarts "
                              "entre groupes, sans conserver aucune ligne du fichier.")]
    suppressed = sum(a.suppressed_groups for a in singles + pairs)
    if suppressed:
        reasons.append(Reason(bias_law.STATISTICAL_SECRECY,
                              f"{suppressed} groupe(s) de moins de {spec.min_group_size} personnes sont masqués "
                              "(secret statistique) et exclus des écarts."))
    if flags:
        reasons += bias_law.legal_reasons(flags, spec.legal_basis)
    spec_dict = asdict(spec)
    spec_dict.update(protected=list(protected), outcome=outcome, prediction=prediction)
    return BiasReport(rows=total, source=source.describe(), spec=spec_dict, attributes=singles, intersections=pairs,
                      sensitive_columns=[asdict(f) for f in flags], reasons=reasons)


def _attribute_result(names, positions, rows, index, spec, missing_names):
    groups, missing, known = [], 0, 0
    labelled = []
    for row in rows:
        labels = tuple(row[index[f"a{i}"]] for i in positions)
        if any(label is MISSING for label in labels):
            missing += row[index["n"]]
            continue
        known += row[index["n"]]
        labelled.append((labels, row))
    attribute = names[0] if len(names) == 1 else ""
    for labels, row in sorted(labelled, key=lambda item: item[0]):
        groups.append(_group(labels, row, index, spec, missing_names, attribute, known))
    if attribute:
        seen = {g.labels[0] for g in groups}
        for label, share in sorted(spec.reference.get(attribute, {}).items()):
            if label not in seen:  # a group of the reference that the file never mentions
                groups.append(GroupStats(labels=(label,), n=0, share=0.0, reference_share=share))
    suppressed = sum(g.suppressed for g in groups)
    return AttributeResult(attributes=names, known=known, missing=missing, groups=groups,
                           disparity=disparity(groups), suppressed_groups=suppressed)

