"""Bibliothèque partagée de démonstration : projets d'IA réels de collectivités françaises.

Chaque projet vient d'une source publique citée dans ``source`` : les documents du dépôt
(``seeds/003`` — diapositives de la sous-commission IA des Interconnectés, « quelques
exemples de projets IA » ; ``seeds/004`` — dossier documentaire de l'examen d'ingénieur
territorial 2024) ou une page web publique (adresse complète). Les résumés sont écrits
avec nos propres mots ; aucune phrase des sources n'est reprise telle quelle.

Règles suivies :

* un champ que la source ne renseigne pas reste vide ("" ou None) ;
* ``status`` reprend les niveaux de maturité des Interconnectés (« En exploration »,
  « En expérimentation », « En déploiement », « Terminée », « Abandonné ») seulement
  quand la source permet de le situer ;
* ``organisation_kind``, ``domain`` et ``technique`` utilisent les codes du registre ;
  pour les projets de seeds/003, qui ne donnent qu'un intitulé et un nom de ville, la
  technique est déduite de cet intitulé (prévision → statistical_ml, détection sur images
  → computer_vision, collecte de textes du web → speech_nlp) et le porteur (ville ou
  métropole) est déduit de la compétence concernée (cantines → ville ; eau, mobilité,
  énergie → métropole) ; la technique reste "" pour une démarche qui n'est pas un système
  (convention citoyenne).

Aucun module Django n'est importé ici.
"""

SEED_003 = "seeds/003 (sous-commission IA des Interconnectés), diapositive « Quelques exemples de projets IA »"

LIBRARY_PROJECTS = [
    # ------------------------------------------------------------------ seeds/003
    {
        "organisation": "Ville de Lille",
        "organisation_kind": "commune",
        "region": "Hauts-de-France",
        "name": "Anticiper les pics de pollution de l'air",
        "summary": (
            "Projet cité par la sous-commission IA des Interconnectés : prévoir plus tôt les "
            "épisodes de pollution de l'air à Lille, pour laisser davantage de temps aux "
            "mesures de prévention et à l'information des habitants."
        ),
        "domain": "health",
        "technique": "statistical_ml",
        "status": "",
        "year": None,
        "outcome": "",
        "lessons_learned": "",
        "data_used": "",
        "vendor": "",
        "source": SEED_003 + ", rubrique « Transition écologique »",
    },
    {
        "organisation": "Ville de Lyon",
        "organisation_kind": "commune",
        "region": "Auvergne-Rhône-Alpes",
        "name": "Prévoir la fréquentation des cantines pour réduire le gaspillage alimentaire (Lyon)",
        "summary": (
            "Lyon fait partie des villes citées par les Interconnectés pour un projet de "
            "prévision du nombre de repas servis dans les cantines scolaires, afin de produire "
            "au plus juste et de limiter le gaspillage."
        ),
        "domain": "education",
        "technique": "statistical_ml",
        "status": "",
        "year": None,
        "outcome": "",
        "lessons_learned": "",
        "data_used": "",
        "vendor": "",
        "source": SEED_003 + ", rubrique « Transition écologique » (Nantes, Lyon et Toulouse)",
    },
    {
        "organisation": "Ville de Toulouse",
        "organisation_kind": "commune",
        "region": "Occitanie",
        "name": "Prévoir la fréquentation des cantines pour réduire le gaspillage alimentaire (Toulouse)",
        "summary": (
            "Toulouse figure aussi parmi les villes qui cherchent à anticiper la fréquentation "
            "de leurs restaurants scolaires pour ajuster la production des repas et réduire "
            "les pertes."
        ),
        "domain": "education",
        "technique": "statistical_ml",
        "status": "",
        "year": None,
        "outcome": "",
        "lessons_learned": "",
        "data_used": "",
        "vendor": "",
        "source": SEED_003 + ", rubrique « Transition écologique » (Nantes, Lyon et Toulouse)",
    },
    {
        "organisation": "Ville de Nantes",
        "organisation_kind": "commune",
        "region": "Pays de la Loire",
        "name": "Prévoir la fréquentation des cantines pour réduire le gaspillage alimentaire (Nantes)",
        "summary": (
            "Nantes sert chaque jour environ 15 000 repas dans 87 restaurants scolaires "
            "alimentés par une cuisine centrale, et les enfants peuvent s'inscrire le matin "
            "même. Deux entreprises locales ont entraîné des modèles sur dix ans de données de "
            "restauration scolaire, croisées avec les menus, la météo, les vacances, les grèves "
            "ou les épidémies, pour prévoir les effectifs. L'outil est conçu comme une aide aux "
            "agents, qui gardent la décision."
        ),
        "domain": "education",
        "technique": "statistical_ml",
        "status": "En expérimentation",
        "year": 2020,
        "outcome": (
            "En simulation sur 2018-2019, la part de repas produits en trop passerait d'environ "
            "9,6 % à 6,5 %, soit quelque 430 repas évités par jour."
        ),
        "lessons_learned": (
            "Les élus et les services insistent sur le rôle d'appui : l'outil doit rassurer les "
            "agents dans leurs prévisions, non les remplacer ; la politique de « table ouverte » "
            "rend la prévision plus difficile qu'avec des réservations anticipées."
        ),
        "data_used": (
            "Dix ans de données de fréquentation de la restauration scolaire, menus, météo, "
            "calendrier (fêtes, jours fériés, grèves), épidémies."
        ),
        "vendor": "Verteego ; Maestria Innovation",
        "source": (
            SEED_003 + " ; https://www.reussir.fr/lesmarches/lintelligence-artificielle-contre-le-gaspillage-en-restauration-scolaire ; "
            "http://smartcitymag.fr/article/775/nantes-veut-limiter-le-gaspillage-alimentaire-avec-l-intelligence-artificielle"
        ),
    },
    {
        "organisation": "Métropole de Lyon",
        "organisation_kind": "epci",
        "region": "Auvergne-Rhône-Alpes",
        "name": "Détecter les installations de panneaux solaires",
        "summary": (
            "Projet cité par les Interconnectés : repérer automatiquement les panneaux solaires "
            "installés sur le territoire lyonnais, pour mieux connaître la production d'énergie "
            "renouvelable locale."
        ),
        "domain": "energy_sobriety",
        "technique": "computer_vision",
        "status": "",
        "year": None,
        "outcome": "",
        "lessons_learned": "",
        "data_used": "",
        "vendor": "",
        "source": SEED_003 + ", rubrique « Transition écologique »",
    },
    {
        "organisation": "Ville de Lille",
        "organisation_kind": "commune",
        "region": "Hauts-de-France",
        "name": "Évaluer automatiquement l'état du bâti",
        "summary": (
            "Projet lillois cité par les Interconnectés dans la rubrique maintenance : estimer "
            "de façon automatique l'état des bâtiments, pour mieux cibler les contrôles et les "
            "travaux."
        ),
        "domain": "housing",
        "technique": "computer_vision",
        "status": "",
        "year": None,
        "outcome": "",
        "lessons_learned": "",
        "data_used": "",
        "vendor": "",
        "source": SEED_003 + ", rubrique « Maintenance »",
    },
    {
        "organisation": "Métropole de Lyon",
        "organisation_kind": "epci",
        "region": "Auvergne-Rhône-Alpes",
        "name": "Planifier la maintenance du réseau d'eau potable",
        "summary": (
            "Projet lyonnais cité par les Interconnectés : s'appuyer sur les données pour "
            "programmer les interventions de maintenance sur le réseau d'eau potable avant que "
            "les défaillances ne surviennent."
        ),
        "domain": "water",
        "technique": "statistical_ml",
        "status": "",
        "year": None,
        "outcome": "",
        "lessons_learned": "",
        "data_used": "",
        "vendor": "",
        "source": SEED_003 + ", rubrique « Maintenance »",
    },
    {
        "organisation": "Nantes Métropole",
        "organisation_kind": "epci",
        "region": "Pays de la Loire",
        "name": "Détecter les anomalies des données de comptage vélo",
        "summary": (
            "Projet nantais cité par les Interconnectés : repérer automatiquement les valeurs "
            "aberrantes remontées par les compteurs de vélos, afin de fiabiliser les chiffres "
            "de fréquentation cyclable."
        ),
        "domain": "mobility",
        "technique": "statistical_ml",
        "status": "",
        "year": None,
        "outcome": "",
        "lessons_learned": "",
        "data_used": "Données des compteurs vélo.",
        "vendor": "",
        "source": SEED_003 + ", rubrique « Mobilités »",
    },
    {
        "organisation": "Métropole européenne de Lille (MEL)",
        "organisation_kind": "epci",
        "region": "Hauts-de-France",
        "name": "Collecter sur le web les informations sur les accidents de la route",
        "summary": (
            "Projet de la MEL cité par les Interconnectés : rassembler plus efficacement les "
            "informations publiées en ligne sur les accidents de la route du territoire, pour "
            "compléter la connaissance de l'accidentalité."
        ),
        "domain": "mobility",
        "technique": "speech_nlp",
        "status": "",
        "year": None,
        "outcome": "",
        "lessons_learned": "",
        "data_used": "Contenus publiés sur le web au sujet d'accidents de la route.",
        "vendor": "",
        "source": SEED_003 + ", rubrique « Mobilités »",
    },
    {
        "organisation": "Sicoval (communauté d'agglomération du Sud-Est toulousain)",
        "organisation_kind": "epci",
        "region": "Occitanie",
        "name": "Mesurer la fréquentation des déchetteries",
        "summary": (
            "Projet du Sicoval cité par les Interconnectés : cartographier et évaluer un "
            "service de mesure de la fréquentation des déchetteries, pour mieux adapter "
            "l'accueil et l'exploitation."
        ),
        "domain": "waste",
        "technique": "computer_vision",
        "status": "",
        "year": None,
        "outcome": "",
        "lessons_learned": "",
        "data_used": "",
        "vendor": "",
        "source": SEED_003 + ", rubrique « Mobilités »",
    },
    # ------------------------------------------------------------------ seeds/004
    {
        "organisation": "Nantes Métropole",
        "organisation_kind": "epci",
        "region": "Pays de la Loire",
        "name": "Econom IA : sensibiliser les foyers aux économies d'eau",
        "summary": (
            "Nantes Métropole développe en interne une IA qui fournit aux ménages une "
            "prédiction personnalisée de leur consommation d'eau pour les inciter à la réduire. "
            "Pour protéger la vie privée, l'équipe étudie l'anonymisation par agrégation ou "
            "l'usage de données synthétiques. Le projet doit être partagé en open data."
        ),
        "domain": "water",
        "technique": "statistical_ml",
        "status": "En expérimentation",
        "year": 2024,
        "outcome": (
            "Lauréat de la 3e édition du bac à sable de la CNIL, seul projet porté par une "
            "collectivité."
        ),
        "lessons_learned": (
            "Une équipe publique (administratrice des données, juriste des données, data "
            "scientist) et un accompagnement par la CNIL ; la charte de la donnée de 2019 exclut "
            "toute décision individuelle prise par une IA."
        ),
        "data_used": "Consommations d'eau des ménages (anonymisées ou synthétiques).",
        "vendor": "",
        "source": "seeds/004, document 8 (La Gazette, 15 janvier 2024), « Une IA sensibilisera les foyers aux économies d'eau »",
    },
    {
        "organisation": "Région Occitanie",
        "organisation_kind": "region",
        "region": "Occitanie",
        "name": "Mon parcours formation métiers (PFM) : rapprocher profils et offres d'emploi",
        "summary": (
            "Lancé en 2018 après une étude sur les postes non pourvus, ce service gratuit "
            "propose aux habitants des métiers compatibles avec les compétences qu'ils "
            "décrivent. Des algorithmes repèrent les savoir-faire dans les profils et dans les "
            "offres, les mettent en correspondance et suggèrent les formations utiles."
        ),
        "domain": "solidarity",
        "technique": "speech_nlp",
        "status": "En déploiement",
        "year": 2018,
        "outcome": (
            "En service depuis février 2021 ; environ 700 000 offres mises à jour chaque mois, "
            "près de 5 000 compétences et 30 000 formations référencées ; label éthique Ekitia."
        ),
        "lessons_learned": (
            "Projet mené avec Pôle emploi et le réseau des Carif-Oref ; il a inspiré la Bretagne "
            "et la Normandie."
        ),
        "data_used": "Offres d'emploi publiées en Occitanie, référentiel de compétences, catalogue de formations.",
        "vendor": "",
        "source": "seeds/004, document 8 (La Gazette, 15 janvier 2024), « Une IA fait converger profils de candidats et offres d'emploi »",
    },
    {
        "organisation": "IGN (Institut national de l'information géographique et forestière)",
        "organisation_kind": "state",
        "region": "",
        "name": "CoSIA : cartographier la couverture du sol par intelligence artificielle",
        "summary": (
            "L'IGN entraîne un modèle d'apprentissage profond sur des images satellitaires à "
            "haute définition pour classer automatiquement l'usage des sols en 15 catégories. "
            "Ce référentiel sert au suivi de l'objectif zéro artificialisation nette, mais "
            "aussi à celui de l'érosion, des forêts et des cours d'eau."
        ),
        "domain": "urban_planning",
        "technique": "deep_learning",
        "status": "En déploiement",
        "year": None,
        "outcome": "Le Gers a été le premier département traité ; une couverture nationale progressive était annoncée.",
        "lessons_learned": "",
        "data_used": "Images satellitaires haute définition.",
        "vendor": "",
        "source": "seeds/004, document 5 (Localtis, 31 juillet 2023), « L'occupation des sols modélisée »",
    },
    {
        "organisation": "Montpellier Méditerranée Métropole et Ville de Montpellier",
        "organisation_kind": "epci",
        "region": "Occitanie",
        "name": "Convention citoyenne « Montpellier à l'heure de l'IA »",
        "summary": (
            "Quarante habitants tirés au sort pour représenter la diversité de la métropole ont "
            "débattu pendant 30 heures, accompagnés d'experts, de l'IA utile au territoire. Leur "
            "avis a nourri la stratégie Data et IA votée en 2024 et la création d'un comité "
            "métropolitain de l'IA et du numérique."
        ),
        "domain": "administration",
        "technique": "",
        "status": "Terminée",
        "year": 2023,
        "outcome": (
            "Dix lois de la data et de l'IA, un comité éthique installé en 2025 et le label "
            "« Territoire innovant » des Interconnectés (avril 2024)."
        ),
        "lessons_learned": (
            "Associer les habitants a légitimé politiquement la démarche ; la mise en ligne des "
            "auditions et des travaux a renforcé la transparence. Le risque signalé est d'en "
            "rester aux annonces sans suivi dans la durée."
        ),
        "data_used": "",
        "vendor": "Civiteo (conseil)",
        "source": (
            "seeds/004, document 8 (La Gazette, 15 janvier 2024), « Une convention citoyenne "
            "réfléchit à une IA utile aux habitants et à la métropole » ; seeds/000"
        ),
    },
    {
        "organisation": "Direction départementale des territoires et de la mer de l'Hérault",
        "organisation_kind": "state",
        "region": "Occitanie",
        "name": "Repérer l'occupation irrégulière des sols sur images satellites et aériennes",
        "summary": (
            "Service de l'État qui annote des images satellites et aériennes pour entraîner des "
            "algorithmes de détection d'objets. Le but est de mieux repérer constructions "
            "illégales, décharges sauvages ou déboisements dans les milieux sensibles."
        ),
        "domain": "urban_planning",
        "technique": "computer_vision",
        "status": "",
        "year": None,
        "outcome": "Les contrôles sur le terrain sont davantage ciblés sur des cas pertinents.",
        "lessons_learned": "",
        "data_used": "Images satellites et aériennes annotées.",
        "vendor": "",
        "source": "seeds/004, document 2 (Caisse des Dépôts, 12 mai 2020), « IA et collectivités : enjeux et perspectives ? »",
    },
    {
        "organisation": "Villes de Nice et de Marseille",
        "organisation_kind": "commune",
        "region": "Provence-Alpes-Côte d'Azur",
        "name": "Automatiser une partie du suivi de la vidéosurveillance",
        "summary": (
            "Projet cité en exemple : reconnaissance automatique de silhouettes, envoi "
            "automatique de flux vidéo et orientation des caméras selon les bruits détectés. "
            "La source souligne les questions qu'il pose pour la protection des données "
            "personnelles."
        ),
        "domain": "public_safety",
        "technique": "computer_vision",
        "status": "",
        "year": None,
        "outcome": "",
        "lessons_learned": "",
        "data_used": "Flux de vidéosurveillance, sons.",
        "vendor": "",
        "source": "seeds/004, document 2 (Caisse des Dépôts, 12 mai 2020), « IA et collectivités : enjeux et perspectives ? »",
    },
    {
        "organisation": "Métropole Rouen Normandie",
        "organisation_kind": "epci",
        "region": "Normandie",
        "name": "Expérimentation de véhicules autonomes",
        "summary": (
            "La Métropole de Rouen a expérimenté des véhicules autonomes, où l'IA traite les "
            "événements imprévus de la circulation et reconnaît les images captées par le "
            "véhicule."
        ),
        "domain": "mobility",
        "technique": "computer_vision",
        "status": "En expérimentation",
        "year": None,
        "outcome": "",
        "lessons_learned": "",
        "data_used": "",
        "vendor": "",
        "source": "seeds/004, document 2 (Caisse des Dépôts, 12 mai 2020), « IA et collectivités : enjeux et perspectives ? »",
    },
    {
        "organisation": "Ville de Massy",
        "organisation_kind": "commune",
        "region": "Île-de-France",
        "name": "Vidéoprotection assistée par IA contre les dépôts sauvages et certaines infractions routières",
        "summary": (
            "Depuis 2021, la commune (49 000 habitants) teste des outils algorithmiques qui "
            "analysent les images de vidéoprotection pour signaler des dépôts sauvages de "
            "déchets ou des infractions comme le sens interdit ou le stationnement gênant."
        ),
        "domain": "public_safety",
        "technique": "computer_vision",
        "status": "En expérimentation",
        "year": 2021,
        "outcome": "",
        "lessons_learned": "",
        "data_used": "Images de vidéoprotection.",
        "vendor": "",
        "source": "seeds/004, document 3 (Banque des Territoires, note de conjoncture, 2 octobre 2022), « Les données au cœur des politiques de sécurité »",
    },
    {
        "organisation": "Ville de Bobigny (bibliothèques)",
        "organisation_kind": "commune",
        "region": "Île-de-France",
        "name": "Livret d'accueil multilingue des bibliothèques rédigé avec ChatGPT",
        "summary": (
            "Le responsable numérique des bibliothèques de Bobigny a essayé ChatGPT pour "
            "produire un livret d'accueil en plusieurs langues et mieux recevoir le public."
        ),
        "domain": "culture",
        "technique": "generative",
        "status": "",
        "year": None,
        "outcome": "Les traductions obtenues ont été jugées peu satisfaisantes.",
        "lessons_learned": (
            "L'essai a soulevé des questions : l'équipe est-elle prête pour ces usages, et est-il "
            "éthique de tester de tels outils directement avec les usagers ?"
        ),
        "data_used": "",
        "vendor": "OpenAI (ChatGPT)",
        "source": "seeds/004, document 9 (La Gazette, 16 novembre 2023), « Les bibliothécaires face à l'intelligence artificielle »",
    },
    {
        "organisation": "RésO Villes (programme Data & Quartiers)",
        "organisation_kind": "association",
        "region": "",
        "name": "Data & Quartiers : repérer le non-recours aux droits et mesurer l'accès à l'emploi",
        "summary": (
            "Programme lancé en 2019 avec le soutien de l'ANCT et de Civiteo pour appliquer "
            "l'analyse de données aux quartiers prioritaires. Une expérience croise données "
            "publiques de l'emploi et données d'un groupe d'intérim pour mesurer la distance "
            "entre quartiers et emplois ; une autre utilise un modèle pour repérer des familles "
            "qui ne demandent pas les aides auxquelles elles ont droit."
        ),
        "domain": "solidarity",
        "technique": "statistical_ml",
        "status": "",
        "year": 2019,
        "outcome": "Un livre blanc décrit les expériences menées, avec le soutien du ministère chargé de la politique de la ville.",
        "lessons_learned": "Le livre blanc détaille les conditions créées pour accéder à de nouvelles données.",
        "data_used": "Données locales de l'agence publique de l'emploi, données d'un groupe de travail temporaire, données sociales.",
        "vendor": "Civiteo",
        "source": "seeds/004, document 5 (Localtis, 31 juillet 2023) ; Montpellier cite aussi « Data & Quartiers Occitanie » (seeds/001, partie Solidarités)",
    },
    {
        "organisation": "État (ministère de la Transformation et de la Fonction publiques)",
        "organisation_kind": "state",
        "region": "",
        "name": "Test d'une IA générative par 1 000 agents publics volontaires",
        "summary": (
            "L'État a fait tester une IA générative à un millier d'agents volontaires pour les "
            "aider à rédiger des réponses aux usagers, dans une logique d'apprentissage des "
            "nouveaux outils."
        ),
        "domain": "user_relations",
        "technique": "generative",
        "status": "En expérimentation",
        "year": 2023,
        "outcome": "Premiers retours : 70 % des testeurs positifs et 74 % satisfaits des réponses obtenues.",
        "lessons_learned": "",
        "data_used": "",
        "vendor": "",
        "source": "seeds/004, document 5 (Localtis, 31 juillet 2023) et document 8 (La Gazette, 15 janvier 2024)",
    },
    # ------------------------------------------------------------------ pages publiques
    {
        "organisation": "Val d'Oise Numérique et Département du Val-d'Oise",
        "organisation_kind": "other",
        "region": "Île-de-France",
        "name": "Repérer les dépôts sauvages sur images satellites",
        "summary": (
            "Le syndicat mixte Val d'Oise Numérique et le Département ont fait analyser par IA "
            "des images satellites Pléiades pour localiser les dépôts et décharges illégales, "
            "estimer leur surface et leur volume, et distinguer les nouveaux dépôts des anciens. "
            "Une carte est mise à jour environ toutes les trois semaines et partagée avec "
            "communes, gendarmerie et autres services."
        ),
        "domain": "waste",
        "technique": "computer_vision",
        "status": "En déploiement",
        "year": 2022,
        "outcome": (
            "Selon un retour ultérieur, l'outil a été pérennisé et adopté notamment par les "
            "forces de l'ordre pour les vérifications sur le terrain."
        ),
        "lessons_learned": "Agir tôt, quand un dépôt est encore petit, évite qu'il attire d'autres déchets.",
        "data_used": "Images satellites Pléiades haute résolution.",
        "vendor": "Disaitek",
        "source": (
            "https://valdoisenumerique.fr/actualites/des-images-satellites-pour-lutter-contre-les-decharges-sauvages ; "
            "https://l.francebleu.fr/emissions/l-invite-d-actu-de-8h15-france-bleu-paris/val-d-oise-un-waze-des-depots-sauvages-grace-a-des-images-satellites-1252583 ; "
            "https://veillecarto2-0.fr/2023/11/13/la-geomatique-pour-la-detection-des-depots-sauvages/ ; "
            "https://www.applisat.fr/cas-utilisation/detection-et-suivi-regulier-des-depots-illegaux-dechets-dans-departement-du-val"
        ),
    },
    {
        "organisation": "Communauté de communes Carnelle Pays-de-France",
        "organisation_kind": "epci",
        "region": "Île-de-France",
        "name": "Prioriser l'enlèvement des dépôts sauvages grâce à la détection par IA",
        "summary": (
            "Territoire rural volontaire pour tester en 2021 la solution de détection proposée "
            "par Val d'Oise Numérique : l'IA analyse les images pixel par pixel pour signaler "
            "des anomalies. La collectivité s'en sert pour décider où intervenir en premier."
        ),
        "domain": "waste",
        "technique": "computer_vision",
        "status": "En déploiement",
        "year": 2021,
        "outcome": "",
        "lessons_learned": "L'outil aide à prioriser mais ne remplace pas l'intervention humaine sur le terrain.",
        "data_used": "Images aériennes et satellites haute définition.",
        "vendor": "Disaitek",
        "source": "https://banquedesterritoires.fr/experience/les-depots-sauvages-de-carnelle-pays-de-france-sous-loeil-de-lintelligence-artificielle",
    },
    {
        "organisation": "Ville de Plaisir",
        "organisation_kind": "commune",
        "region": "Île-de-France",
        "name": "Optimus, assistant vocal du standard téléphonique de la mairie",
        "summary": (
            "Pour faire face à plusieurs centaines d'appels par jour, la mairie a confié le "
            "premier accueil téléphonique à un assistant vocal qui comprend les demandes en "
            "langage naturel. Il répond lui-même aux questions fréquentes (papiers d'identité, "
            "périscolaire…) et transfère les autres au service concerné ou le prévient par "
            "courriel hors des heures d'ouverture."
        ),
        "domain": "user_relations",
        "technique": "speech_nlp",
        "status": "En déploiement",
        "year": 2022,
        "outcome": (
            "Presque tous les appels sont désormais décrochés (contre une minorité auparavant) "
            "et environ la moitié des demandes sont réglées en moins de deux minutes."
        ),
        "lessons_learned": (
            "Mise en service progressive (une demi-journée par semaine, puis les matinées, puis "
            "en continu à la rentrée 2022) ; nom choisi par les habitants ; les standardistes se "
            "concentrent sur les demandes complexes."
        ),
        "data_used": "Base de réponses aux demandes types, enrichie au fil des appels.",
        "vendor": "Yelda",
        "source": (
            "https://www.smartcitymag.fr/article/1227/la-ville-de-plaisir-met-de-l-ia-dans-son-accueil-telephonique ; "
            "https://cap-com.org/actualit%C3%A9s/une-intelligence-artificielle-repond-aux-usagers-laccueil-de-la-mairie-de-plaisir"
        ),
    },
    {
        "organisation": "Ville de Suresnes",
        "organisation_kind": "commune",
        "region": "Île-de-France",
        "name": "Guichet unique multicanal appuyé par l'IA",
        "summary": (
            "Depuis janvier 2024, l'accueil de la mairie réunit accueil physique, téléphone et "
            "services en ligne dans un guichet unique. Des outils d'IA assistent les agents "
            "d'accueil et répondent aux usagers par un agent conversationnel écrit et vocal."
        ),
        "domain": "user_relations",
        "technique": "speech_nlp",
        "status": "En déploiement",
        "year": 2024,
        "outcome": "Environ 60 % des demandes sont traitées dès le premier niveau, avec un service disponible jour et nuit.",
        "lessons_learned": "Donner la même réponse de qualité quel que soit le canal utilisé.",
        "data_used": "",
        "vendor": "",
        "source": "https://numerique360.banquedesterritoires.fr/?p=27081",
    },
    {
        "organisation": "Métropole de Lyon",
        "organisation_kind": "epci",
        "region": "Auvergne-Rhône-Alpes",
        "name": "IA.rbre : où planter des arbres et désimperméabiliser",
        "summary": (
            "Plateforme d'aide à la décision qui croise des dizaines de couches géographiques "
            "(réseaux souterrains, bâti, voirie, zones inondables…) pour repérer les lieux "
            "propices à la plantation d'arbres ou à la désimperméabilisation. L'IA sert de façon "
            "ciblée, par exemple pour cartographier la végétation sur photos aériennes."
        ),
        "domain": "urban_planning",
        "technique": "computer_vision",
        "status": "En expérimentation",
        "year": 2025,
        "outcome": "Premiers calques consultables en ligne ; d'autres analyses et des modèles prédictifs annoncés pour 2026.",
        "lessons_learned": (
            "Une IA voulue frugale, interprétable et documentée, pour que d'autres collectivités "
            "puissent reproduire la démarche."
        ),
        "data_used": "Données géographiques publiques (réseaux, bâti, voirie, sols), photographies aériennes.",
        "vendor": "TelesCoop ; laboratoire LIRIS (Université Lyon 2 / CNRS)",
        "source": (
            "https://www.lyoncapitale.fr/environnement/ia-arbre-comment-la-metropole-de-lyon-va-utiliser-l-ia-pour-adapter-la-ville-au-changement-climatique ; "
            "https://www.lyonmag.com/article/144246/la-metropole-de-lyon-veut-faire-appel-a-l-intelligence-artificielle-pour-planter-des-arbres"
        ),
    },
    {
        "organisation": "Montpellier Méditerranée Métropole",
        "organisation_kind": "epci",
        "region": "Occitanie",
        "name": "Suivre l'évolution du territoire par images satellites et apprentissage profond",
        "summary": (
            "La Métropole reçoit régulièrement des prises de vue satellitaires de ses 31 "
            "communes, fournies par le CNES et ses partenaires. Des algorithmes apprennent à y "
            "reconnaître occupation des sols, végétation, littoral ou chantiers, afin de "
            "repérer automatiquement les changements, par exemple des constructions illégales."
        ),
        "domain": "urban_planning",
        "technique": "deep_learning",
        "status": "",
        "year": None,
        "outcome": "",
        "lessons_learned": "",
        "data_used": "Images satellitaires à environ 50 cm de résolution, livrées tous les trois mois pendant cinq ans.",
        "vendor": "",
        "source": "https://www.journaldunet.com/smart-city/1420908-satellites-et-deep-learning-montpellier-se-regarde-changer-depuis-l-espace/",
    },
    {
        "organisation": "Ville de Bourges",
        "organisation_kind": "commune",
        "region": "Centre-Val de Loire",
        "name": "Caméras mobiles avec IA contre les dépôts d'ordures",
        "summary": (
            "La ville teste trois caméras autonomes, déplaçables entre ses quelque 170 points de "
            "collecte, dont l'algorithme trie les images et alerte la police municipale quand il "
            "repère ce qu'il juge être une infraction."
        ),
        "domain": "waste",
        "technique": "computer_vision",
        "status": "En expérimentation",
        "year": 2023,
        "outcome": "",
        "lessons_learned": "",
        "data_used": "Images des caméras installées aux points de collecte.",
        "vendor": "",
        "source": "https://www.tf1info.fr/regions/video-reportage-decharges-et-depots-sauvages-a-bourges-des-cameras-utilisant-l-intelligence-artificielle-traquent-les-auteurs-2278562.html",
    },
    {
        "organisation": "Communauté de communes du Pays de Craon",
        "organisation_kind": "epci",
        "region": "Pays de la Loire",
        "name": "Détection des erreurs de tri par caméra embarquée sur la benne",
        "summary": (
            "Une caméra placée sur une benne photographie le contenu des bacs au moment où ils "
            "sont vidés ; l'IA signale les erreurs de tri et efface les images sans anomalie. "
            "La collectivité cartographie ainsi les secteurs où mieux informer les habitants."
        ),
        "domain": "waste",
        "technique": "computer_vision",
        "status": "En déploiement",
        "year": None,
        "outcome": "Le coût annuel des erreurs de tri est passé d'environ 200 000 € à 160 000 €, selon la collectivité.",
        "lessons_learned": "La communication auprès des habitants reste nécessaire en complément de l'outil.",
        "data_used": "Photographies du contenu des bacs, puce d'identification des bacs.",
        "vendor": "Suez (Qualiwaste)",
        "source": "https://www.hautanjou.fr/actualite-20072-photos-pays-de-craon-c-est-une-premiere-en-mayenne-une-ia-detecte-vos-erreurs-de-tri",
    },
    {
        "organisation": "Évreux Portes de Normandie",
        "organisation_kind": "epci",
        "region": "Normandie",
        "name": "Point de collecte de déchets verts autonome piloté par vidéo",
        "summary": (
            "La communauté d'agglomération prépare l'ouverture d'un point de collecte de déchets "
            "verts géré à distance : l'analyse des flux vidéo compte et identifie les véhicules "
            "et aide à vérifier le remplissage des bennes sans déplacement."
        ),
        "domain": "waste",
        "technique": "computer_vision",
        "status": "En exploration",
        "year": 2023,
        "outcome": "",
        "lessons_learned": "",
        "data_used": "Flux vidéo (analysés en différé).",
        "vendor": "Kooping",
        "source": "https://www.datalab-normandie.fr/parole-donnees/kooping-piloter-un-point-de-collecte-de-dechets-verts-a-distance-grace-a-lintelligence-artificielle/",
    },
    {
        "organisation": "Commune de Porto-Vecchio",
        "organisation_kind": "commune",
        "region": "Corse",
        "name": "Collecte des conteneurs semi-enterrés guidée par capteurs et IA",
        "summary": (
            "Des capteurs mesurent plusieurs fois par jour le remplissage des conteneurs "
            "semi-enterrés ; une carte indique au responsable de collecte ceux qui doivent être "
            "vidés, avec une alerte à partir de 60 % de remplissage."
        ),
        "domain": "waste",
        "technique": "optimisation",
        "status": "En déploiement",
        "year": 2024,
        "outcome": "Moins de trajets inutiles vers des conteneurs presque vides, selon les agents de collecte.",
        "lessons_learned": "",
        "data_used": "Mesures de remplissage des conteneurs (capteurs sur environ la moitié d'entre eux).",
        "vendor": "",
        "source": "https://www.corsenetinfos.corsica/A-Portivechju-de-l-intelligence-artificielle-dans-les-containers-a-poubelles_a76635.html",
    },
    {
        "organisation": "Syndicat des eaux de la Goële",
        "organisation_kind": "other",
        "region": "Île-de-France",
        "name": "Cibler la recherche de fuites sur le réseau d'eau potable",
        "summary": (
            "Le syndicat, qui regroupe 26 communes, s'appuie sur un algorithme entraîné sur une "
            "base de plusieurs centaines de milliers de fuites pour désigner les secteurs du "
            "réseau à inspecter en priorité."
        ),
        "domain": "water",
        "technique": "statistical_ml",
        "status": "",
        "year": None,
        "outcome": "",
        "lessons_learned": "",
        "data_used": "Base de fuites constituée par le prestataire (saison, lieu, autres critères) et données du réseau.",
        "vendor": "Leakmited",
        "source": "https://invest.seineetmarnevivreengrand.fr/?p=22907",
    },
    {
        "organisation": "Nevers Agglomération (régie de l'eau)",
        "organisation_kind": "epci",
        "region": "Bourgogne-Franche-Comté",
        "name": "Détection d'anomalies sur le réseau d'eau",
        "summary": (
            "Les techniciens passaient chaque matin des heures à examiner les courbes des "
            "équipements du réseau. Un logiciel entraîné sur l'historique des mesures repère "
            "désormais les anomalies et les classe selon leur impact."
        ),
        "domain": "water",
        "technique": "statistical_ml",
        "status": "",
        "year": None,
        "outcome": "",
        "lessons_learned": "",
        "data_used": "Historique des mesures des équipements du réseau d'eau (volumes, débits).",
        "vendor": "LACROIX (Aquawize)",
        "source": "https://francevilledurable.fr/realisations/aquawize-secheresse-maximiser-la-preservation-de-la-ressource-en-eau-potable/",
    },
    {
        "organisation": "Ville d'Issy-les-Moulineaux",
        "organisation_kind": "commune",
        "region": "Île-de-France",
        "name": "Agent conversationnel à base d'IA générative pour les usagers",
        "summary": (
            "La ville fait partie des collectivités pionnières qui ont remplacé un chatbot à "
            "arbre de décision par un agent conversationnel d'IA générative, capable de "
            "répondre de façon contextuelle aux questions des habitants."
        ),
        "domain": "user_relations",
        "technique": "generative",
        "status": "",
        "year": None,
        "outcome": "",
        "lessons_learned": "Les chatbots à arbres de décision figés frustraient les usagers dès que la question sortait du cadre prévu.",
        "data_used": "",
        "vendor": "",
        "source": "https://julhiet-sterwen.com/ia-quels-usages-concrets-pour-la-relation-citoyen-dans-les-collectivites",
    },
    {
        "organisation": "Département de la Drôme",
        "organisation_kind": "departement",
        "region": "Auvergne-Rhône-Alpes",
        "name": "IA générative pour traiter les demandes entrantes des usagers",
        "summary": (
            "Le Conseil départemental utilise l'IA générative pour traiter les flux de demandes "
            "qui arrivent des usagers, afin de leur répondre plus vite et de façon plus "
            "personnalisée."
        ),
        "domain": "user_relations",
        "technique": "generative",
        "status": "",
        "year": None,
        "outcome": "",
        "lessons_learned": "",
        "data_used": "",
        "vendor": "",
        "source": "https://julhiet-sterwen.com/ia-quels-usages-concrets-pour-la-relation-citoyen-dans-les-collectivites",
    },
    {
        "organisation": "Ville de Rennes et Rennes Métropole",
        "organisation_kind": "epci",
        "region": "Bretagne",
        "name": "Mission et observatoire de l'IA générative",
        "summary": (
            "Mission lancée en 2023 pour étudier les usages, le cadre juridique et les "
            "technologies de l'IA générative dans les services. Elle a produit un rapport sous "
            "licence libre, avec des recommandations d'usage, puis un observatoire interne "
            "alimenté par les retours des services."
        ),
        "domain": "administration",
        "technique": "generative",
        "status": "En exploration",
        "year": 2023,
        "outcome": "Rapport publié sous licence CC BY-SA, réutilisable par d'autres collectivités ; ateliers de sensibilisation des agents depuis janvier 2025.",
        "lessons_learned": (
            "Plutôt qu'interdire, accompagner les agents : vérifier les résultats, protéger les "
            "données sensibles, respecter le droit d'auteur et juger de la pertinence de chaque "
            "usage, face au phénomène de « shadow IA »."
        ),
        "data_used": "",
        "vendor": "",
        "source": (
            "https://www.smartcitymag.fr/article/1706/rennes-se-dote-d-un-observatoire-sur-l-intelligence-artificielle-generative ; "
            "https://www.solutions-numeriques.com/rennes-cree-un-observatoire-interne-sur-lintelligence-artificielle-generative"
        ),
    },
    {
        "organisation": "Nantes Métropole",
        "organisation_kind": "epci",
        "region": "Pays de la Loire",
        "name": "Publication des algorithmes de tarification solidaire de l'eau et des transports",
        "summary": (
            "En application de sa charte de la donnée de 2019, la Métropole a publié les deux "
            "algorithmes qui calculent des tarifs adaptés aux personnes à faibles ressources "
            "pour l'eau et les transports : description, logigramme, documentation technique et "
            "code source commenté."
        ),
        "domain": "solidarity",
        "technique": "rules",
        "status": "En déploiement",
        "year": 2020,
        "outcome": "Code source publié sous licence libre CeCILL-B sur le portail open data, réutilisable par d'autres collectivités.",
        "lessons_learned": "",
        "data_used": "",
        "vendor": "",
        "source": "https://metropole.nantes.fr/actualites/2020/enseignement-recherche/donnees-open-data",
    },
    {
        "organisation": "Banque des Territoires (Caisse des Dépôts)",
        "organisation_kind": "other",
        "region": "",
        "name": "Prioréno : prioriser la rénovation énergétique des bâtiments publics",
        "summary": (
            "Service gratuit qui affiche sur une carte les bâtiments publics (usage, surface, "
            "année de construction) et compare leur consommation d'énergie à celle de bâtiments "
            "semblables, pour aider les collectivités à choisir par où commencer les travaux."
        ),
        "domain": "energy_sobriety",
        "technique": "statistical_ml",
        "status": "En déploiement",
        "year": None,
        "outcome": "La version expérimentale a passé en revue les quelque 500 000 bâtiments publics de métropole.",
        "lessons_learned": "L'outil oriente le choix des chantiers mais ne remplace pas les équipes d'ingénierie ; les matériaux de construction sont l'information la plus difficile à obtenir.",
        "data_used": "Données de l'IGN, consommations de gaz (GRDF) et d'électricité (Enedis).",
        "vendor": "",
        "source": "https://www.testing.lemoniteur.fr/article/en-attendant-les-logements-sociaux-prioreno-cible-les-batiments-publics-les-plus-energivores.2191322",
    },
]
