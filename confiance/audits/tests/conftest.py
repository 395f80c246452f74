import pytest

HEADER = "identifiant;sexe;quartier;décision;score"


def people_csv(rows=60):
    """A file as a service exports it: `;`, Windows-1252, decimal comma, one unique id per person."""
    lines = [HEADER]
    for i in range(rows):
        sexe = "F" if i % 2 else "H"
        quartier = "Cœur de ville" if i % 3 else "Mosson"
        decision = "oui" if (i % 4) else "non"
        lines.append(f"ID-{i:05d}-XYZ;{sexe};{quartier};{decision};0,{i % 10}")
    return ("\n".join(lines) + "\n").encode("cp1252")


@pytest.fixture
def personal_system(cast):
    """The cast's record, processing personal data, so that law 10 applies."""
    cast.system.personal_data = True
    cast.system.save()
    return cast.system
