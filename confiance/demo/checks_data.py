"""Demo inputs of the checks: questionnaire answers, charters and training events.

The answers are our reading of each case as the source describes it (they are
the questionnaire an agent would fill, not facts about the system beyond the
source); each one notes the passage it rests on.
"""

# Keyed by the start of the system's name in register_data.SYSTEMS.
ANSWERS = {
    # seeds/001, "Au service de la petite enfance": a tool that helps match demands
    # and places; the allocation committee and the agents decide. Access to a public
    # service for families: annex III, 5 a); it scores applications, so profiling.
    "Aide au rapprochement des demandes et des places en crèche": {
        "public_benefits_eligibility": True,
        "profiling": True,
        "evaluation_or_scoring": True,
        "vulnerable_people": True,
        "preparatory_task_only": True,
    },
    # seeds/001, "Garantir la sécurité des espaces publics": analytics of video
    # streams for the crisis centre, explicitly without biometrics.
    "Aide à la décision en salle de crise": {
        "systematic_monitoring": True,
        "large_scale": True,
        "innovative_use": True,
    },
    # seeds/001, relation aux usagers: an assistant that answers citizens.
    "Assistant d'IA souveraine": {
        "interacts_directly_with_people": True,
        "generates_synthetic_content": True,
        "innovative_use": True,
    },
    # seeds/004, document 8: personalised water-saving predictions from smart meters.
    "Econom IA": {
        "evaluation_or_scoring": True,
        "combines_datasets": True,
        "large_scale": True,
    },
}

# Organisations that adopt Montpellier's 10 laws as their charter (the
# strategy is common to the Ville and the Métropole, seeds/001).
MONTPELLIER_CHARTER_ORGANISATIONS = ["montpellier-mediterranee-metropole", "ville-de-montpellier", "regie-des-eaux"]
MONTPELLIER_CHARTER_SOURCE_URL = "https://www.montpellier3m.fr/"

TRAINING_EVENTS = [
    {
        "organisation": "montpellier-mediterranee-metropole",
        "audience": "citizens",
        "title": "Convention citoyenne « Montpellier à l'heure de l'IA »",
        # seeds/000: 40 citizens gathered from late November 2023, 30 hours of work
        # over the winter 2023-2024. The day is not given: the last day of November
        # stands for "fin novembre".
        "held_on": "2023-11-30",
        "participants": 40,
        "source": "seeds/000, entretien Interconnectés : 40 citoyens, fin novembre 2023, 30 heures",
    },
]
