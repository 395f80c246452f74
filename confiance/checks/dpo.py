"""What the DPO's page shows: personal data, DPIAs, open points and contested implications of an organisation."""

from dataclasses import dataclass, field

from confiance.checks.models import ContestedImplication
from confiance.register.models import AISystem
from confiance.rules.implications import BY_CODE


@dataclass
class DPORow:
    system: AISystem
    stated: bool  # the record or the questionnaire says "personal data"
    implied_from: list  # French texts of the implications that imply it
    dpia_required: bool
    dpia_state: str  # "none", "to_do", "in_progress", "done"
    open_points: list = field(default_factory=list)


DPIA_STATES = {"to_do": "à réaliser", "in_progress": "en cours (à valider)", "done": "validée", "none": "non requise"}


def _dpia_state(system, required):
    dpia = getattr(system, "dpia", None)
    if dpia is None:
        return "to_do" if required else "none"
    return "done" if dpia.validated_on else "in_progress"


def overview(organisation_ids):
    """Return the DPO's view of the organisations' records, grouped as the page shows them."""
    systems = (AISystem.objects.filter(organisation_id__in=organisation_ids)
               .select_related("organisation", "check_result", "dpia", "questionnaire").order_by("name", "pk"))
    personal, open_points = [], []
    for system in systems:
        result = getattr(system, "check_result", None)
        report = result.report if result else {}
        questionnaire = getattr(system, "questionnaire", None)
        stated = system.processes_personal_data or bool(questionnaire and questionnaire.answers.get("personal_data")
                                                        is True)
        implied = [i["text"] for i in report.get("implications", {}).get("implied", [])
                   if i["conclusion"] == "personal_data"]
        required = bool(result and result.dpia_required)
        row = DPORow(system, stated, implied, required, _dpia_state(system, required),
                     [p["question"] for p in report.get("open_points", [])])
        if report.get("personal_data", system.processes_personal_data) or stated:
            personal.append(row)
        if row.open_points:
            open_points.append(row)
    contested = [
        (c, BY_CODE.get(c.code))
        for c in ContestedImplication.objects.filter(system__organisation_id__in=organisation_ids)
        .select_related("system", "contested_by").order_by("-contested_at")
    ]
    dpias = {state: [r for r in personal if r.dpia_state == state] for state in ("to_do", "in_progress", "done")}
    return {"personal": personal, "dpias": dpias, "open_points": open_points, "contested": contested,
            "dpia_states": DPIA_STATES}
