"""The demo accounts: one per role, so a visitor can see the product as each user does."""

DEMO_PASSWORD = "confiance-demo"

# Montpellier's demo people work for the Métropole, the Ville and the régie des
# eaux at once, as the "groupe Montpellier" shares its services (seeds/001).
MONTPELLIER = ("montpellier-mediterranee-metropole", "ville-de-montpellier", "regie-des-eaux")
NANTES = ("nantes-metropole",)

# username, first name, last name, organisations, roles, steward of all services?, superuser
DEMO_PEOPLE = [
    ("admin", "Alice", "Administratrice", MONTPELLIER, ["admin"], False, True),
    ("agent", "Bruno", "Agent", MONTPELLIER, ["agent"], False, False),
    ("referent", "Claire", "Référente", MONTPELLIER, ["steward"], True, False),
    ("dpo", "David", "Délégué", MONTPELLIER, ["dpo"], False, False),
    ("comite", "Emma", "Comité-Interne", MONTPELLIER, ["internal_committee"], False, False),
    ("ethique", "Farid", "Comité-Éthique", MONTPELLIER, ["ethics_committee"], False, False),
    ("nantes", "Gaëlle", "Référente-Nantes", NANTES, ["steward", "admin"], True, False),
]

ROLE_LABELS = {
    "admin": "administrateur",
    "agent": "agent",
    "steward": "référent data & IA",
    "dpo": "DPO",
    "internal_committee": "membre du comité interne Data & IA",
    "ethics_committee": "membre du comité éthique",
}
