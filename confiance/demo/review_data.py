"""Demo data of the review: Montpellier's two committees, a session, opinions, the approved tools, declarations.

Facts come from the sources (seeds/000, seeds/001); whatever the sources do not
say (who sits where among the demo accounts, the dates, the wording of a demo
opinion) is marked as a demonstration on screen. No figure is invented: vote
counts are left empty.
"""

from datetime import timedelta

from django.utils import timezone

METROPOLE = "montpellier-mediterranee-metropole"
STRATEGY = "Stratégie de la donnée et de l'IA de Montpellier Méditerranée Métropole (octobre 2024)"

COMMITTEES = [
    {
        "key": "internal",
        "kind": "internal",
        "name": "Comité interne de la Data et de l'IA",
        "mission": "Procéder à un examen préalable des projets impliquant le recours à l'IA, afin d'estimer leur "
                   "impact attendu, de vérifier leur utilité et leur conformité aux principes éthiques. Interdire "
                   "le « shadow IA », c'est-à-dire les usages de systèmes d'IA qui n'ont pas été approuvés et "
                   "sécurisés par le pôle numérique et Data. Le comité est animé par le Pôle numérique et Data.",
        "source": f"{STRATEGY}, « Instauration d'un comité interne de la Data et de l'IA »",
    },
    {
        "key": "ethics",
        "kind": "ethics",
        "name": "Comité Métropolitain de l'Intelligence Artificielle et du Numérique",
        "mission": "Mesure phare en réponse à l'avis de la Convention citoyenne. Composé de représentants de la "
                   "société civile, de l'enseignement supérieur, d'associations, de citoyens (dont des membres de "
                   "la Convention citoyenne), du monde des entreprises et des collectivités territoriales, nommés "
                   "pour la durée du mandat métropolitain. Il peut être saisi pour avis sur des projets dont "
                   "l'impact écologique, social ou économique est jugé important (santé, éducation, maintien de "
                   "l'ordre, services publics essentiels…) et reçoit chaque année un rapport sur le recours à "
                   "l'IA, sur lequel il émet un avis. Mis en place en 2025.",
        "source": f"{STRATEGY}, « Montpellier instaure un comité métropolitain de l'IA » ; entretien Interconnectés "
                  "(seeds/000)",
    },
]

# Demo accounts' seats (confiance/demo/accounts.py): (username, committee key, role, constituency).
SEATS = [
    ("comite", "internal", "chair", "staff"),
    ("referent", "internal", "member", "staff"),
    ("dpo", "internal", "member", "staff"),
    ("ethique", "ethics", "member", "citizen"),
]

HOSTING_CONDITION = ("La Data des habitants ne sort pas de l'Union européenne et la collectivité peut la récupérer "
                     "(réversibilité) — stratégie, « Enjeux de souveraineté ».")
NO_PERSONAL_DATA = "Aucune donnée personnelle d'usager ou d'agent, aucun document confidentiel ou non public."

# Generic entries: the sources name no product. Each says what kind of tool it is.
TOOLS = [
    {
        "name": "Assistant conversationnel d'IA souveraine (entrée générique)",
        "vendor": "À préciser par la collectivité : entrée générique de démonstration",
        "hosting_country": "FR",
        "hosting_provider": "Hébergement souverain en France",
        "allowed_uses": "Reformuler, résumer ou traduire des textes publics ; préparer un premier jet que l'agent "
                        "relit et dont il reste l'auteur (loi 2 : l'IA est une aide aux agents).",
        "forbidden_data": NO_PERSONAL_DATA,
        "conditions": HOSTING_CONDITION + " Formation préalable des agents (loi 7).",
        "source": f"{STRATEGY} : « L'expérimentation d'outils utilisant de l'IA souveraine » (relation aux usagers)",
    },
    {
        "name": "Offre de grand modèle de langage hébergée dans l'UE (entrée générique)",
        "vendor": "À préciser par la collectivité : entrée générique de démonstration",
        "hosting_country": "EU",
        "hosting_provider": "",
        "allowed_uses": "Usages validés par le comité interne Data & IA, au cas par cas, après expérimentation par "
                        "des agents volontaires.",
        "forbidden_data": NO_PERSONAL_DATA,
        "conditions": HOSTING_CONDITION,
        "source": "Exemple cité par l'issue n° 4 ; moratoire sur l'IA générative depuis mars 2023 (seeds/000)",
    },
    {
        "name": "Outils d'IA développés en interne (entrée générique)",
        "vendor": "La collectivité (développement interne)",
        "hosting_country": "FR",
        "hosting_provider": "Infrastructure de la collectivité",
        "allowed_uses": "Les usages décrits dans la fiche du registre de chaque outil, approuvés par le comité "
                        "interne.",
        "forbidden_data": "Toute donnée que la fiche du registre de l'outil n'autorise pas.",
        "forbids_personal_data": False,
        "conditions": "Chaque outil a sa fiche dans le registre et suit son instruction.",
        "source": STRATEGY,
    },
]

# (username, tool index or None, other tool, use, purpose, personal data, confidential, accepts conditions)
DECLARATIONS = [
    ("agent", 0, "", "uses", "Reformuler la page d'information sur la collecte des encombrants.", False, False, True),
    ("agent", None, "Assistant conversationnel grand public, hébergé hors de l'UE (exemple générique)", "wants",
     "Rédiger des réponses aux courriels des usagers.", True, False, False),
    ("referent", None, "Outil de transcription automatique de réunions (exemple générique)", "wants",
     "Préparer les comptes rendus des réunions de service.", True, True, False),
]

DEMO = "Démonstration : "


def load_review_demo():
    """Create the committees, seats, tools, declarations and a review in progress; the caller runs it once."""
    from confiance.accounts.models import Organisation, Person
    from confiance.register.models import AISystem
    from confiance.review import transitions
    from confiance.review.models import (
        ApprovedTool,
        Committee,
        CommitteeMember,
        Declaration,
        Opinion,
        Session,
        YearlyReview,
    )
    from confiance.review.notifications import without_email

    org = Organisation.objects.get(slug=METROPOLE)
    people = {p.username: p for p in Person.objects.all()}
    committees = {}
    for data in COMMITTEES:
        fields = {k: v for k, v in data.items() if k != "key"}
        committees[data["key"]] = Committee.objects.create(organisation=org, **fields)
    seats = {}
    for username, key, role, constituency in SEATS:
        seats[username] = CommitteeMember.objects.create(committee=committees[key], person=people[username],
                                                         role=role, constituency=constituency)
    tools = [ApprovedTool.objects.create(organisation=org, generic="générique" in t["name"], **t) for t in TOOLS]
    for username, tool, other, use, purpose, personal, confidential, accepts in DECLARATIONS:
        within = tool is not None and accepts and not personal and not confidential
        Declaration.objects.create(
            organisation=org, declared_by=people[username], tool=tools[tool] if tool is not None else None,
            other_tool=other, use=use, purpose=purpose, personal_data=personal, confidential=confidential,
            state=Declaration.State.RECORDED if within else Declaration.State.REQUESTED)

    today = timezone.localdate()
    with without_email():
        assistant = AISystem.objects.get(organisation=org, name__startswith="Assistant d'IA souveraine")
        transitions.transition(assistant, "submitted", people["referent"], "dossier complet")
        transitions.transition(assistant, "under_review", people["comite"], "inscrit à la séance")
        referral = assistant.referrals.get(committee=committees["internal"])
        session = Session.objects.create(
            committee=committees["internal"], held_on=today, place="Hôtel de Métropole (démonstration)",
            minutes=DEMO + "examen préalable de l'assistant d'IA souveraine : utilité pour les usagers, impact "
                    "attendu, conformité aux 10 lois. Avis favorable sous conditions.")
        session.attendees.set([seats["comite"], seats["referent"], seats["dpo"]])
        referral.session = session
        referral.save()
        transitions.record_opinion(Opinion(
            referral=referral, verdict=Opinion.Verdict.WITH_CONDITIONS, given_on=today,
            text=DEMO + "le projet sert l'accès des habitants aux informations de l'administration ; il est "
                 "sensible (IA générative au contact des usagers) et doit être soumis au comité éthique.",
            conditions="Informer systématiquement les usagers que le service intègre de l'IA (loi 6).\n"
                       "Héberger les données dans l'Union européenne et garantir leur réversibilité.\n"
                       "Expérimenter avec des agents volontaires avant toute généralisation."), people["comite"])
        ethics_session = Session.objects.create(committee=committees["ethics"], held_on=today + timedelta(days=21),
                                                place="Démonstration")
        transitions.refer(assistant, committees["ethics"], people["comite"],
                          "Avis sur l'assistant d'IA souveraine pour l'information des usagers (projet sensible : "
                          "IA générative au contact des usagers).", today + timedelta(days=30), ethics_session)
        for deployed in AISystem.objects.filter(organisation=org, status="deployed"):
            YearlyReview.objects.create(system=deployed, due_on=today + timedelta(days=30))
