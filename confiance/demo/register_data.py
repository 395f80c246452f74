"""Données de démonstration du registre : organisations, services et systèmes d'IA réels.

Tout ce qui figure ici vient des documents sources (``/work/shared/seeds/``) ou, pour
quelques adresses et noms de services, de pages publiques citées dans ``source_note``.
Les textes sont rédigés avec nos propres mots (aucune phrase des sources n'est recopiée).
Quand une source ne dit rien d'un champ, il reste vide ("" ou None) ou prend la valeur
« inconnu » ; quand une valeur a dû être choisie sans être écrite dans la source (par
exemple la technique, champ obligatoire du registre), ``source_note`` le signale.

Sources principales :

* seeds/000 — entretien Les Interconnectés / Banque des Territoires sur la stratégie IA
  et Data de Montpellier Méditerranée Métropole (nombre d'habitants, Pôle Numérique et
  Données, pôle relations aux usagers et engagement citoyen) ;
* seeds/001 — « Stratégie de la donnée et de l'intelligence artificielle » de la Ville et
  de la Métropole de Montpellier (octobre 2024) : le « groupe Montpellier », les cas
  d'usage déchets, eau, petite enfance, sécurité des espaces publics, relation aux usagers ;
* seeds/004 — sujet d'examen d'ingénieur territorial 2024, document 8 (La Gazette,
  15 janvier 2024) : le projet Econom IA de Nantes Métropole.

Les SIREN ont été vérifiés par la clé de Luhn (tous les quatre la passent). Ils ne
figurent pas dans les documents sources : ce sont les identifiants publics connus de ces
collectivités, donnés par le brief ; les partenaires du groupe Montpellier n'en ont pas.

Aucun module Django n'est importé ici : ce sont de simples listes et dictionnaires.
"""

GROUPS = [
    {
        "slug": "groupe-montpellier",
        "name": "Groupe Montpellier",
        # seeds/001, « La relation avec les partenaires » : la Ville, la Métropole et les
        # entités qui leur sont affiliées (délégataires, concessionnaires), réunies pour
        # partager des données ouvertes et « fermées » et mutualiser leurs actions Data et IA.
    },
]

ORGANISATIONS = [
    {
        "slug": "montpellier-mediterranee-metropole",
        "name": "Montpellier Méditerranée Métropole",
        "kind": "epci",
        "siren": "243400017",
        # seeds/000, encadré « En savoir plus sur Montpellier » : 507 526 habitants.
        # (seeds/001 arrondit à 500 000 ; seeds/004 donne 499 800 pour 31 communes.)
        "population": 507526,
        "region": "Occitanie",
        "group": "groupe-montpellier",
        "website": "https://www.montpellier3m.fr",
    },
    {
        "slug": "ville-de-montpellier",
        "name": "Ville de Montpellier",
        "kind": "commune",
        "siren": "213401722",
        "population": None,  # aucune source ne donne la population de la seule commune
        "region": "Occitanie",
        "group": "groupe-montpellier",
        "website": "https://www.montpellier.fr",
    },
    {
        # seeds/001, « La relation avec les partenaires » : établissement public qui
        # accueille, informe, accompagne et oriente les personnes fragiles.
        "slug": "ccas-montpellier",
        "name": "Centre communal d'action sociale (CCAS) de Montpellier",
        "kind": "ccas",
        "siren": "",
        "population": None,
        "region": "Occitanie",
        "group": "groupe-montpellier",
        "website": "",
    },
    {
        # seeds/001 : organisation publique de plus de 500 professionnels (aménagement avec
        # la SERM et la SA3M, logement social avec le bailleur ACM, énergies renouvelables).
        "slug": "groupe-altemed",
        "name": "Groupe Altémed",
        "kind": "other",
        "siren": "",
        "population": None,
        "region": "Occitanie",
        "group": "groupe-montpellier",
        "website": "",
    },
    {
        # seeds/001 : société publique locale des transports en commun, délégataire du
        # service public ; gère aussi les vélos en libre-service, le stationnement sur
        # voirie et des parkings.
        "slug": "tam",
        "name": "TaM — société publique locale des transports en commun",
        "kind": "spl",
        "siren": "",
        "population": None,
        "region": "Occitanie",
        "group": "groupe-montpellier",
        "website": "",
    },
    {
        # seeds/001 : plus d'une centaine de professionnels, service de l'eau pour plus de
        # 365 000 usagers sur le territoire métropolitain.
        "slug": "regie-des-eaux",
        "name": "Régie des eaux de Montpellier Méditerranée Métropole",
        "kind": "regie",
        "siren": "",
        "population": None,
        "region": "Occitanie",
        "group": "groupe-montpellier",
        "website": "",
    },
    {
        # seeds/001 : gestion de sites événementiels et culturels. Forme juridique non
        # précisée par la source, d'où « other ».
        "slug": "montpellier-events",
        "name": "Montpellier Events",
        "kind": "other",
        "siren": "",
        "population": None,
        "region": "Occitanie",
        "group": "groupe-montpellier",
        "website": "",
    },
    {
        # seeds/001 : accompagnement des familles de la métropole pour l'organisation des
        # obsèques. Nom exact et forme juridique non donnés par la source.
        "slug": "services-funeraires-montpellier",
        "name": "Services funéraires (groupe Montpellier)",
        "kind": "other",
        "siren": "",
        "population": None,
        "region": "Occitanie",
        "group": "groupe-montpellier",
        "website": "",
    },
    {
        "slug": "nantes-metropole",
        "name": "Nantes Métropole",
        "kind": "epci",
        "siren": "244400404",
        # seeds/004, document 8 (La Gazette, 15 janvier 2024) : 24 communes, 672 400 hab.
        "population": 672400,
        "region": "Pays de la Loire",
        "group": None,
        # adresse vue sur une page publique de la Métropole
        # (metropole.nantes.fr/actualites/2020/enseignement-recherche/donnees-open-data)
        "website": "https://metropole.nantes.fr",
    },
    {
        "slug": "ville-de-nantes",
        "name": "Ville de Nantes",
        "kind": "commune",
        "siren": "214401093",
        "population": None,
        "region": "Pays de la Loire",
        "group": None,
        "website": "https://www.nantes.fr",
    },
]

SERVICES = {
    "montpellier-mediterranee-metropole": [
        # seeds/000 (fonction de Jérémie Valentin) ; seeds/001, partie 5, l'écrit
        # « Pôle Numérique et Donnée » et le place dans la direction générale déléguée
        # Performance et Transformation de l'Administration.
        "Pôle Numérique et Données",
        # seeds/001, partie 5 : les deux services dédiés du pôle.
        "Politique et valorisation de la Donnée (PVD)",
        "Stratégie numérique et sécurité des systèmes d'information (SNSSI)",
        # seeds/001, « Pour améliorer la relation aux usagers » (GRC) ; seeds/000 parle du
        # « pôle relations aux usagers et engagement citoyen ».
        "Pôle Relation aux usagers",
        # seeds/001, partie 5, SID : co-pilotage avec le pôle Numérique et Donnée.
        "Pôle Finances et Conseil en Gestion",
    ],
    "ville-de-montpellier": [
        # seeds/001, « Au service de la petite enfance » : le service municipal de la petite
        # enfance, qui pilote la commission d'attribution des places en crèche.
        "Service de la petite enfance",
        # seeds/001, « Garantir la sécurité des espaces publics » : la vidéoprotection est
        # reliée au centre de gestion des crises.
        "Centre de gestion des crises",
    ],
    "regie-des-eaux": [],
    "nantes-metropole": [
        # Page publique monreseaudeau.fr (entretien avec le directeur du Cycle de l'eau de
        # Nantes Métropole). La source ne rattache pas Econom IA à ce service.
        "Direction du Cycle de l'eau",
    ],
}

SYSTEMS = [
    {
        "organisation": "montpellier-mediterranee-metropole",
        "service": "",
        "name": "Points d'apport volontaire équipés de capteurs de remplissage",
        "public_summary": (
            "Des capteurs posés dans les points d'apport volontaire mesurent en continu leur "
            "niveau de remplissage. Les tournées de collecte visent d'abord les points presque "
            "pleins, ce qui évite des trajets de camions pour rien."
        ),
        "purpose": (
            "Programmer les tournées de collecte des déchets à partir du taux de remplissage "
            "mesuré en temps réel, pour cibler les points à vider en priorité et réduire les "
            "coûts d'exploitation."
        ),
        "citizen_benefit": (
            "Des points de collecte vidés quand il le faut, moins de déplacements inutiles de "
            "camions et donc une empreinte carbone plus faible ; les données servent aussi à "
            "suivre la démarche « Zéro Déchet » (tonnages recyclés, biodéchets, compost)."
        ),
        "agent_support": (
            "Les équipes de collecte disposent d'une vue des points à vider en priorité pour "
            "organiser leurs tournées ; elles restent maîtresses de l'organisation du travail."
        ),
        "domain": "waste",
        "technique": "optimisation",
        "vendor": "",
        "product": "",
        "model_name": "",
        "is_open_source": False,
        "licence": "",
        "hosting_country": "UNKNOWN",
        "hosting_provider": "",
        "datasets_used": "Taux de remplissage des points d'apport volontaire relevés par les capteurs.",
        "personal_data": False,
        "sensitive_data": False,
        "minors_data": False,
        "offence_data": False,
        "people_affected": "both",
        "people_magnitude": "",
        "citizen_facing": False,
        "decision_role": "none",
        "human_oversight": (
            "Les tournées restent organisées par les agents du service de collecte à partir "
            "des indications des capteurs."
        ),
        # Publication fields (issue #17), from the same passages of seeds/001.
        "legal_basis": (
            "Gestion des déchets ménagers et assimilés : compétence exercée par la métropole "
            "(code général des collectivités territoriales, art. L5217-2)."
        ),
        "proportionality": (
            "Planifier les tournées sur le remplissage mesuré évite des trajets de camions "
            "inutiles, réduit les coûts d'exploitation et l'empreinte carbone de la collecte. "
            "Les capteurs ne mesurent qu'un taux de remplissage : aucune donnée sur les personnes."
        ),
        "decision_process": (
            "Les taux de remplissage servent à planifier les tournées de collecte : les points "
            "qui demandent une intervention passent en priorité. Aucune décision ne vise une "
            "personne."
        ),
        "people_impact": (
            "Les habitants qui déposent leurs déchets aux points d'apport volontaire trouvent des "
            "points vidés selon les besoins réels ; les équipes de collecte suivent des tournées "
            "mieux ciblées. Aucun effet individuel sur un habitant."
        ),
        "use_type": "prescriptive",
        "monitoring": (
            "Les mêmes données servent à suivre les tonnages de déchets recyclés, les volumes de "
            "biodéchets collectés et leur valorisation en compost, pour mesurer les effets de la "
            "démarche « Zéro Déchet »."
        ),
        "connected_data_sources": (
            "Le réseau de capteurs des points d'apport volontaire, en cours d'extension à tout le "
            "territoire métropolitain ; les données alimentent aussi le suivi « Zéro Déchet »."
        ),
        "input_data": (
            "Taux de remplissage de chaque point d'apport volontaire, mesuré en temps réel par "
            "un capteur."
        ),
        "data_collection": (
            "Mesure automatique et en temps réel par des capteurs installés dans les points "
            "d'apport volontaire."
        ),
        "data_origin": "internal_dataset",
        "data_access": "automated",
        "decisions_per_year": 0,
        "status": "deployed",
        "source": (
            "seeds/001, éditorial (système de gestion intelligent des déchets qui utilise des "
            "capteurs) et partie 4, « La Data et l'IA pour une gestion des déchets optimisée »"
        ),
        "source_note": (
            "Statut : la stratégie décrit un réseau déjà en place dont le plan de déploiement "
            "« en cours » doit couvrir tout le territoire métropolitain ; « deployed » avec "
            "cette réserve. Technique : la source parle d'optimiser et de planifier les "
            "tournées sans décrire l'algorithme ; « optimisation » est déduit. Service "
            "gestionnaire non nommé par la source. Champs de publication : le fondement "
            "juridique cite le CGCT (art. L5217-2, compétences des métropoles), que la source ne "
            "cite pas ; « prescriptive » (type d'usage) et « internal_dataset » (capteurs de la "
            "collectivité) sont déduits. La source ne dit ni qui a développé l'outil, ni où il est "
            "hébergé, ni quand il a démarré, ni l'adresse de contact : ces champs restent vides."
        ),
    },
    {
        "organisation": "regie-des-eaux",
        "service": "",
        "name": "Détection des fuites sur le réseau d'eau potable par capteurs",
        "public_summary": (
            "Des capteurs installés sur le réseau d'eau potable permettront de repérer les "
            "fuites plus tôt grâce à des techniques d'IA. Les équipes pourront ainsi réparer "
            "plus vite et mieux planifier l'entretien du réseau."
        ),
        "purpose": (
            "Repérer et limiter les fuites du réseau hydraulique métropolitain à l'aide de "
            "capteurs et de techniques d'IA encadrées, pour mieux cibler la maintenance et la "
            "prévention."
        ),
        "citizen_benefit": (
            "Préserver une ressource en eau essentielle et limiter les pertes sur le réseau "
            "qui dessert les habitants."
        ),
        "agent_support": (
            "Aide les équipes d'exploitation à prioriser les recherches de fuites et les "
            "interventions de maintenance."
        ),
        "domain": "water",
        "technique": "statistical_ml",
        "vendor": "",
        "product": "",
        "model_name": "",
        "is_open_source": False,
        "licence": "",
        "hosting_country": "UNKNOWN",
        "hosting_provider": "",
        "datasets_used": "Mesures des capteurs et compteurs installés sur le réseau d'eau.",
        "personal_data": False,
        "sensitive_data": False,
        "minors_data": False,
        "offence_data": False,
        "people_affected": "agents",
        "people_magnitude": "",
        "citizen_facing": False,
        "decision_role": "none",
        "human_oversight": (
            "Les alertes orientent les équipes ; le diagnostic et la décision d'intervenir "
            "restent aux agents."
        ),
        "people_impact": (
            "Les plus de 365 000 usagers du service de l'eau profitent d'un réseau mieux "
            "entretenu et de pertes réduites ; aucune décision ne vise un usager."
        ),
        "use_type": "diagnostic",
        "data_collection": "Relevés automatiques des capteurs et compteurs posés sur le réseau.",
        "data_origin": "internal_dataset",
        "data_access": "automated",
        "status": "draft",
        "source": (
            "seeds/001, éditorial (compteurs d'eau du réseau qui repèrent les fuites) et "
            "partie 4, « La Data et l'IA pour préserver la ressource en eau »"
        ),
        "source_note": (
            "Statut : la stratégie écrit que le recours à l'IA pour détecter les fuites "
            "« permettra » des progrès ; c'est un projet, d'où « draft ». Organisation : la "
            "source parle du réseau hydraulique de la Métropole et des capteurs de la régie "
            "des eaux ; le rattachement à la régie est un choix à confirmer. Technique non "
            "précisée par la source (« statistical_ml » est déduit). Données personnelles : "
            "la source ne dit pas si des compteurs individuels sont utilisés ; à vérifier. "
            "Champs de publication : le nombre d'usagers vient de la présentation de la régie "
            "(seeds/001) ; « diagnostic » et « internal_dataset » sont déduits."
        ),
    },
    {
        "organisation": "ville-de-montpellier",
        "service": "Service de la petite enfance",
        "name": "Aide au rapprochement des demandes et des places en crèche",
        "public_summary": (
            "La Ville centralise l'attribution des places dans ses crèches. Un outil pourrait "
            "aider les agents à rapprocher les demandes des familles des places libres, en "
            "tenant compte de la proximité. Ce sont toujours des personnes qui attribuent les "
            "places."
        ),
        "purpose": (
            "Épauler les agents qui préparent les attributions de places en crèche (environ "
            "1 300 places) en rapprochant l'offre, la demande et la proximité géographique, "
            "dans le cadre du futur Guichet Unique."
        ),
        "citizen_benefit": (
            "Un traitement des demandes plus simple, plus lisible et mieux tracé pour les "
            "familles, avec des propositions de places proches de chez elles."
        ),
        "agent_support": (
            "L'outil aide à préparer les dossiers de la commission d'attribution ; la décision "
            "d'attribuer une place reste celle des agents et de la commission."
        ),
        "domain": "early_childhood",
        "decision_process": (
            "La Ville centralise les attributions de places en crèche ; la commission "
            "d'attribution décide, et l'outil l'aiderait à rapprocher demandes, places libres et "
            "proximité pour préparer ses dossiers."
        ),
        "people_impact": (
            "Les familles qui demandent une place dans une crèche municipale (et, à partir de "
            "2025, dans une crèche associative intégrée au service) : l'outil pèserait sur les "
            "propositions qui leur sont faites ; la décision reste humaine."
        ),
        "use_type": "prescriptive",
        "data_origin": "users",
        "connected_data_sources": (
            "Le futur Guichet Unique, système d'information interfacé avec les partenaires de la "
            "petite enfance."
        ),
        "technique": "optimisation",
        "vendor": "",
        "product": "",
        "model_name": "",
        "is_open_source": False,
        "licence": "",
        "hosting_country": "UNKNOWN",
        "hosting_provider": "",
        "datasets_used": "Données issues des dossiers de candidature aux places en crèche.",
        "personal_data": True,
        "sensitive_data": False,
        "minors_data": True,
        "offence_data": False,
        "people_affected": "citizens",
        "people_magnitude": "",
        "citizen_facing": False,
        "decision_role": "prepares",
        "human_oversight": (
            "La commission d'attribution et les agents décident de chaque place ; la stratégie "
            "interdit toute décision automatisée ayant un effet individuel sur un usager "
            "(article 15 de la Déclaration des droits de l'homme et du citoyen) et pose la "
            "primauté de la décision humaine."
        ),
        "status": "draft",
        "source": (
            "seeds/001, partie 4, « La Data et l'IA au service de la petite enfance » "
            "(pilotage de la commission d'attribution des places en crèches) ; garanties : "
            "seeds/001, « IA et service public : l'humain doit toujours garder le contrôle »"
        ),
        "source_note": (
            "La stratégie dit qu'aujourd'hui les données des dossiers aident déjà les agents, "
            "et qu'à partir de 2025, avec le Guichet Unique, de nouveaux algorithmes fondés sur "
            "l'IA « pourraient » être mobilisés : l'IA n'est qu'envisagée, d'où « draft ». "
            "Technique non précisée (« optimisation » déduit du rapprochement offre/demande). "
            "À partir de 2025 le périmètre s'étend aux associations intégrant le service "
            "municipal de la petite enfance. Nombre de familles concernées non donné. "
            "Champs de publication : « prescriptive » (l'outil proposerait des rapprochements) "
            "est déduit ; l'origine « users » vient des dossiers de candidature des familles."
        ),
    },
    {
        "organisation": "ville-de-montpellier",
        "service": "Centre de gestion des crises",
        "name": "Aide à la décision en salle de crise à partir de la vidéoprotection, sans biométrie",
        "public_summary": (
            "Lors d'événements exceptionnels (crues, fortes chaleurs, incendies, vent, "
            "circulation dangereuse), l'IA aiderait les agents de la salle de crise à suivre la "
            "situation et à anticiper son évolution. Aucune reconnaissance biométrique n'est "
            "utilisée."
        ),
        "purpose": (
            "Renforcer l'aide à la décision en situation de crise : analyser en temps réel les "
            "appels, signalements, actions en cours et images disponibles, anticiper "
            "l'évolution de la crise et protéger l'engagement des équipes d'intervention."
        ),
        "citizen_benefit": (
            "Une meilleure protection des habitants touchés par un événement de sécurité civile "
            "grâce à une coordination plus rapide des secours."
        ),
        "agent_support": (
            "Aide les agents du centre de gestion des crises à prioriser et à coordonner "
            "secours, police, ambulances et SDIS ; pourrait automatiser des tâches répétitives "
            "des opérateurs de vidéoprotection."
        ),
        "domain": "public_safety",
        "people_impact": (
            "Les habitants touchés par un événement de sécurité civile, mieux protégés par des "
            "secours mieux coordonnés ; les personnes filmées par la vidéoprotection, sans "
            "aucune reconnaissance biométrique."
        ),
        "use_type": "predictive",
        "data_access": "automated",
        "technique": "computer_vision",
        "vendor": "",
        "product": "",
        "model_name": "",
        "is_open_source": False,
        "licence": "",
        "hosting_country": "UNKNOWN",
        "hosting_provider": "",
        "datasets_used": (
            "Flux de vidéoprotection, appels et signalements, suivi des actions en cours."
        ),
        "personal_data": True,
        "sensitive_data": False,
        "minors_data": False,
        "offence_data": False,
        "people_affected": "both",
        "people_magnitude": "",
        "citizen_facing": False,
        "decision_role": "prepares",
        "human_oversight": (
            "La vidéoprotection reste supervisée par des agents publics, qui prennent les "
            "décisions. Aucune reconnaissance biométrique ; la Ville a délibéré pour interdire "
            "la reconnaissance faciale dans l'espace public."
        ),
        "status": "draft",
        "source": (
            "seeds/001, partie 4, « La Data et l'IA pour garantir la sécurité des espaces "
            "publics et des populations, dans le respect des libertés individuelles »"
        ),
        "source_note": (
            "La stratégie parle au futur (« permettra », « sera utile ») : projet, d'où "
            "« draft ». Rattachement à la Ville déduit de la délibération municipale citée ; "
            "la source ne nomme pas l'organisation qui exploite le centre de gestion des "
            "crises. Projet relevant d'un domaine sensible (maintien de l'ordre) : la stratégie "
            "prévoit que de tels projets puissent être soumis au comité éthique. Les images "
            "peuvent montrer des personnes : données personnelles cochées ; données "
            "d'infraction non cochées car l'usage décrit est la gestion de crise. Champs de "
            "publication : « predictive » vient de l'anticipation de l'évolution de la crise, "
            "« automated » des flux analysés en temps réel."
        ),
    },
    {
        "organisation": "montpellier-mediterranee-metropole",
        "service": "Pôle Relation aux usagers",
        "name": "Assistant d'IA souveraine pour l'information des usagers",
        "public_summary": (
            "La collectivité veut tester des outils d'IA souveraine qui aident les habitants à "
            "trouver plus facilement les informations de l'administration. Les usagers seront "
            "prévenus quand un service utilise de l'IA."
        ),
        "purpose": (
            "Simplifier l'accès des usagers aux informations administratives, en complément "
            "de la gestion de la relation citoyenne (GRC) du pôle Relation aux usagers."
        ),
        "citizen_benefit": (
            "Des réponses plus faciles à obtenir sur les démarches et les services publics."
        ),
        "agent_support": (
            "Décharge les agents d'accueil des questions simples pour qu'ils se consacrent aux "
            "demandes qui demandent un échange humain."
        ),
        "domain": "user_relations",
        "decision_process": (
            "Aucune décision : l'assistant répond à des demandes d'information ; les démarches "
            "restent traitées par les agents."
        ),
        "people_impact": (
            "Les usagers qui cherchent une information administrative ; ils sont prévenus quand "
            "un service utilise de l'IA."
        ),
        "technique": "generative",
        "vendor": "",
        "product": "",
        "model_name": "",
        "is_open_source": False,
        "licence": "",
        "hosting_country": "UNKNOWN",
        "hosting_provider": "",
        "datasets_used": "",
        "personal_data": False,
        "sensitive_data": False,
        "minors_data": False,
        "offence_data": False,
        "people_affected": "citizens",
        "people_magnitude": "",
        "citizen_facing": True,
        "decision_role": "none",
        "human_oversight": (
            "L'assistant informe sans rien décider ; la stratégie impose de signaler aux "
            "usagers tout service qui utilise de l'IA et d'expérimenter avec des agents "
            "volontaires avant toute généralisation."
        ),
        "status": "draft",
        "source": (
            "seeds/001, partie 4, « La Data et l'IA pour améliorer la relation aux usagers » "
            "(expérimentation d'outils utilisant de l'IA souveraine)"
        ),
        "source_note": (
            "La stratégie annonce une expérimentation à venir : « draft ». Ni l'outil, ni le "
            "fournisseur, ni le modèle ne sont nommés. « generative » est déduit (assistant "
            "d'information) et non écrit dans la source. La nature des données traitées n'est "
            "pas décrite ; données personnelles à réévaluer. Hébergement inconnu : la "
            "stratégie exige seulement que les données des habitants ne sortent pas de l'UE."
        ),
    },
    {
        "organisation": "nantes-metropole",
        "service": "",
        "name": "Econom IA — prédictions personnalisées pour les économies d'eau",
        "public_summary": (
            "Nantes Métropole teste une IA qui estime la consommation d'eau de chaque foyer "
            "pour l'encourager à économiser. Les données sont anonymisées ou remplacées par "
            "des données de synthèse, et le projet est accompagné par la CNIL."
        ),
        "purpose": (
            "Sensibiliser les ménages à leur usage de l'eau grâce à une prédiction "
            "personnalisée, afin que les changements de comportement individuels servent "
            "l'intérêt général dans un contexte de tension sur la ressource."
        ),
        "citizen_benefit": (
            "Des informations personnalisées pour mieux maîtriser sa consommation d'eau ; une "
            "ressource mieux préservée face au dérèglement climatique."
        ),
        "agent_support": (
            "Développé en interne par une équipe réunissant l'administratrice générale des "
            "données, une juriste spécialiste des données et un data scientist."
        ),
        "domain": "water",
        "technique": "statistical_ml",
        "vendor": "",
        "product": "",
        "model_name": "",
        "is_open_source": False,
        "licence": "",
        "hosting_country": "UNKNOWN",
        "hosting_provider": "",
        "datasets_used": (
            "Consommations d'eau des ménages, anonymisées par agrégation ou transformées en "
            "données synthétiques conservant leurs distributions statistiques (deux pistes "
            "étudiées)."
        ),
        "personal_data": True,
        "sensitive_data": False,
        "minors_data": False,
        "offence_data": False,
        "people_affected": "citizens",
        "people_magnitude": "",
        "citizen_facing": True,
        "decision_role": "none",
        "human_oversight": (
            "Aucune décision individuelle : depuis sa charte métropolitaine de la donnée "
            "(2019), Nantes Métropole s'est engagée à ne pas utiliser l'IA pour des décisions "
            "individuelles concernant les usagers. Expérimentation encadrée avec la CNIL."
        ),
        # Publication fields (issue #17), from the same article (seeds/004, document 8).
        "legal_basis": (
            "Service public de l'eau : compétence exercée par la métropole (code général des "
            "collectivités territoriales, art. L5217-2)."
        ),
        "proportionality": (
            "La tension sur la ressource en eau, aggravée par le dérèglement climatique, justifie "
            "d'aider chaque foyer à réduire sa consommation. Pour protéger la vie privée, les "
            "données sont anonymisées par agrégation ou remplacées par des données synthétiques, "
            "et le projet est accompagné par la CNIL (bac à sable)."
        ),
        "decision_process": (
            "Aucune décision administrative : le système calcule pour chaque ménage une "
            "prédiction de consommation destinée à le sensibiliser."
        ),
        "people_impact": (
            "Les ménages de la métropole qui participent à l'expérimentation reçoivent une "
            "prédiction personnalisée de leur consommation d'eau ; aucune décision ne les vise."
        ),
        "risks": (
            "Atteinte à la vie privée par la réidentification des ménages : les données sont "
            "anonymisées par agrégation ou remplacées par des données synthétiques qui gardent "
            "leurs distributions statistiques ; la démarche est suivie par la CNIL."
        ),
        "use_type": "predictive",
        "training_data": (
            "Consommations d'eau observées des ménages, anonymisées par agrégation ou "
            "transformées en données synthétiques de mêmes distributions statistiques."
        ),
        "input_data": "Consommation d'eau du ménage à qui la prédiction est destinée.",
        "data_origin": "internal_dataset",
        "implementation": "internal",
        "decisions_per_year": 0,
        "status": "approved_for_experimentation",
        "source": (
            "seeds/004, document 8 (La Gazette, 15 janvier 2024), encadré « Une IA "
            "sensibilisera les foyers aux économies d'eau »"
        ),
        "source_note": (
            "Lauréat de la 3e édition du « bac à sable » de la CNIL, seul projet retenu porté "
            "par une collectivité ; l'expérimentation devait être lancée courant 2024 (source "
            "de janvier 2024), d'où « approved_for_experimentation ». Le projet doit être "
            "partagé en open data pour que d'autres territoires le reprennent, mais aucune "
            "licence n'est citée : « is_open_source » laissé à False. Service porteur non "
            "nommé. Technique : « prédiction personnalisée », « statistical_ml » est déduit. "
            "Champs de publication : « predictive » vient de la « prédiction personnalisée » ; "
            "« internal » (mise en œuvre) de l'article, qui dit le travail mené en interne ; le "
            "fondement juridique cite le CGCT (art. L5217-2), que la source ne cite pas ; "
            "« internal_dataset » est déduit (consommations relevées par le service de l'eau). "
            "L'article ne donne ni indicateurs de suivi, ni hébergement, ni date de lancement "
            "précise (« courant 2024 »), ni adresse de contact fonctionnelle : vides."
        ),
    },
]
