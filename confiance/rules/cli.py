"""`confiance check answers.json`: run every check on a questionnaire from the command line.

The answers file holds either the answers themselves, or an envelope
{"answers": {...}, "state": {...}, "carbon_threshold_kg": 500, "contested": [...]}
when the checks should also know what the record already holds, or which
implications a person contested (see docs/checks.md). A yes/no answer may be
"unknown" (« je ne sais pas »): it is reported as an open point.
`-` reads the file from standard input.

Exit codes: 0 done, 2 invalid input (a French message on stderr).
"""

import argparse
import dataclasses
import json
import sys

from confiance.rules.answers import Answers, answers_json_schema
from confiance.rules.charter import RecordState
from confiance.rules.checks import run_all
from confiance.rules.implications import BY_CODE

EXIT_INVALID = 2
ENVELOPE_KEYS = {"answers", "state", "carbon_threshold_kg", "contested"}


def build_parser():
    parser = argparse.ArgumentParser(
        prog="confiance check",
        description="Évaluer un système d'IA : classe de risque (règlement IA), AIPD et article 22 (RGPD), "
        "saisine du comité éthique, charte des 10 lois.",
    )
    parser.add_argument(
        "answers", nargs="?", help="Fichier JSON des réponses au questionnaire (« - » : entrée standard)."
    )
    parser.add_argument("--json", action="store_true", help="Afficher le rapport complet en JSON.")
    parser.add_argument("--schema", action="store_true", help="Afficher le schéma JSON des réponses et s'arrêter.")
    return parser


def parse_input(data):
    """Return (Answers, RecordState, carbon threshold, contested codes) from decoded JSON; raise ValueError in French."""
    if isinstance(data, dict) and "answers" in data:
        unknown = set(data) - ENVELOPE_KEYS
        if unknown:
            names = ", ".join(f"« {key} »" for key in sorted(unknown))
            raise ValueError(f"Clé(s) inconnue(s) dans le fichier : {names}.")
        answers = Answers.from_dict(data["answers"])
        state = _parse_state(data.get("state", {}))
        threshold = data.get("carbon_threshold_kg")
        if threshold is not None and (isinstance(threshold, bool) or not isinstance(threshold, int | float)):
            raise ValueError("« carbon_threshold_kg » doit être un nombre (kg CO2e).")
        contested = data.get("contested", [])
        if not isinstance(contested, list) or any(code not in BY_CODE for code in contested):
            bad = [c for c in contested if c not in BY_CODE] if isinstance(contested, list) else [contested]
            raise ValueError("« contested » doit être une liste de codes d'implication connus ; inconnu(s) : "
                             + ", ".join(f"« {c} »" for c in bad) + ".")
        return answers, state, threshold, frozenset(contested)
    return Answers.from_dict(data), RecordState(), None, frozenset()


def _parse_state(data):
    if not isinstance(data, dict):
        raise ValueError("« state » doit être un objet JSON.")
    fields = {f.name: f for f in dataclasses.fields(RecordState)}
    errors = [f"Champ inconnu dans « state » : « {key} »." for key in data if key not in fields]
    for key, value in data.items():
        if key == "citizen_benefit" and not isinstance(value, str):
            errors.append("« state.citizen_benefit » doit être un texte.")
        elif key == "carbon_estimate_kg" and value is not None and (
                isinstance(value, bool) or not isinstance(value, int | float)):
            errors.append("« state.carbon_estimate_kg » doit être un nombre ou null.")
        elif key in fields and key not in ("citizen_benefit", "carbon_estimate_kg") and not isinstance(value, bool):
            errors.append(f"« state.{key} » attend un booléen (true ou false).")
    if errors:
        raise ValueError(" ".join(errors))
    return RecordState(**data)


def _read(path):
    if path == "-":
        return sys.stdin.read()
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def format_report(report):
    """Return the report as readable French text."""
    lines = []
    add = lines.append
    result = report.ai_act
    at_least = "au moins " if report.at_most else ""
    add(f"Règlement sur l'IA : {at_least}{result.risk_class.label} ({result.risk_class})")
    for reason in result.reasons:
        add(f"  - {reason.text} [{reason.citation}]")
    for note in result.notes:
        add(f"  · {note.text} [{note.citation}]")
    if report.at_most:
        worst = report.at_most
        add(f"Points ouverts (« je ne sais pas ») : selon les réponses, le résultat peut devenir "
            f"{worst['risk_class_label']} ({worst['risk_class']}), AIPD "
            f"{'requise' if worst['dpia_required'] else 'non requise'}, saisine du comité éthique "
            f"{'requise' if worst['ethics_referral_required'] else 'non requise'}.")
        for field in report.open_points:
            add(f"  ? {field.metadata['question']} [{field.name}]")
    if report.derivation and report.derivation.implied:
        add("Réponses déduites :")
        for implied in report.derivation.implied:
            premises = ", ".join(name for name, _ in implied.implication.premises)
            add(f"  + {implied.field} : oui, déduit de votre réponse à {premises} — {implied.implication.text} "
                f"[{implied.implication.citation}] ({implied.implication.code})")
    add("Obligations :")
    for obligation in result.obligations:
        add(f"  - {obligation.text} [{obligation.citation}] ({obligation.actor.label})")
    add("")
    add("AIPD (RGPD, art. 35) : " + ("requise" if report.dpia.required else "non requise"))
    for reason in report.dpia.reasons:
        add(f"  - {reason.text} [{reason.citation}]")
    add("Décision automatisée (RGPD, art. 22) : " + ("INTERDITE" if report.article_22.forbidden else "conforme"))
    for reason in report.article_22.reasons:
        add(f"  - {reason.text} [{reason.citation}]")
    add("")
    add("Saisine du comité éthique : " + ("requise" if report.ethics.required else "non requise"))
    for reason in report.ethics.reasons:
        add(f"  - {reason.text} [{reason.citation}]")
    add("")
    add(f"Charte — {report.charter_name} :")
    for outcome in report.charter_outcomes:
        add(f"  {outcome.number}. {outcome.title} : {outcome.outcome.label}")
        for reason in outcome.reasons:
            add(f"     - {reason.text} [{reason.citation}]")
    add("")
    versions = ", ".join(f"{name} {version}" for name, version in report.versions.items())
    add(f"Calculé le {report.computed_at.isoformat(timespec='seconds')} (règles : {versions}).")
    return "\n".join(lines)


def main(argv=None):
    """Run `confiance check`; return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.schema:
        print(json.dumps(answers_json_schema(), ensure_ascii=False, indent=2))
        return 0
    if not args.answers:
        print("Erreur : indiquez le fichier JSON des réponses (ou --schema).", file=sys.stderr)
        return EXIT_INVALID
    try:
        data = json.loads(_read(args.answers))
        answers, state, threshold, contested = parse_input(data)
    except OSError as error:
        print(f"Erreur : impossible de lire « {args.answers} » ({error.strerror}).", file=sys.stderr)
        return EXIT_INVALID
    except json.JSONDecodeError as error:
        print(f"Erreur : le fichier n'est pas du JSON valide (ligne {error.lineno}, colonne {error.colno}).",
              file=sys.stderr)
        return EXIT_INVALID
    except ValueError as error:
        print(f"Erreur : réponses invalides. {error}", file=sys.stderr)
        return EXIT_INVALID
    report = run_all(answers, state, carbon_threshold_kg=threshold, contested=contested)
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(format_report(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
