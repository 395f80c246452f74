"""The library's cast: a member authority, a non-member one, an expert, and a project whose tier 2 and 3 hold secrets."""

import pytest

from confiance.library.models import ExpertGrant, LibraryMember, SharedProject
from tests.factories import make_organisation, make_person, make_system

# Words that appear in exactly one tier of the secret project, nowhere else.
TIER2_SECRETS = ["Quetzalcorp", "zorglub.contact@ville-secrete.fr", "palimpseste", "xylophonique", "1234567 euros"]
TIER3_SECRETS = ["hyperboree", "cryptonomicon", "EUPL-9.9-secret", "ornithorynque"]


class LibraryCast:
    """Who is who in the library tests."""


def make_shared_project(**overrides):
    fields = {
        "origin_instance": "local", "origin_id": f"p-{SharedProject.objects.count() + 1}",
        "name": "Prévision de la fréquentation des cantines", "organisation_name": "Ville Source",
        "organisation_kind": "commune", "region": "Bretagne", "domain": "education", "technique": "statistical_ml",
        "status": "deployment", "summary": "Estime chaque jour le nombre de repas à préparer dans les écoles.",
        "outcome": "Moins de repas jetés.", "sources": "https://exemple.fr/source",
    }
    fields.update(overrides)
    project = SharedProject(**fields)
    project.save()
    return project


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def lib(db):
    c = LibraryCast()
    c.source_org = make_organisation(name="Ville Source", slug="ville-source", kind="commune", population=45000,
                                     region="Bretagne")
    c.member_org = make_organisation(name="Ville Membre", slug="ville-membre")
    c.outsider_org = make_organisation(name="Ville Extérieure", slug="ville-exterieure")
    LibraryMember.objects.create(organisation=c.source_org)
    LibraryMember.objects.create(organisation=c.member_org)
    c.source_admin = make_person(c.source_org, ["admin"], username="source-admin")
    c.source_agent = make_person(c.source_org, ["agent"], username="source-agent")
    c.member = make_person(c.member_org, ["agent"], username="membre")
    c.outsider = make_person(c.outsider_org, ["admin"], username="exterieur")
    c.expert = make_person(c.member_org, ["agent"], username="expert")
    ExpertGrant.objects.create(person=c.expert, reason="Data scientist")
    c.system = make_system(c.source_org, name="Prévision de la fréquentation des cantines", domain="education",
                           technique="statistical_ml")
    c.project = make_shared_project(
        system=c.system, organisation=c.source_org, origin_id=str(c.system.pk),
        contacts="Léa Martin, zorglub.contact@ville-secrete.fr", cost="1234567 euros", vendor="Quetzalcorp",
        lessons_failed="La table ouverte rend la prévision difficile, dit le palimpseste.",
        member_extra={"risque": "Analyse xylophonique des risques"},
        repository_url="https://git.exemple.fr/hyperboree", model_card="Modèle cryptonomicon v2",
        licence="EUPL-9.9-secret", data_schemas="Table ornithorynque (date, effectif)",
    )
    c.other = make_shared_project(name="Détection des dépôts sauvages", domain="waste",
                                  technique="computer_vision", summary="Repère les dépôts d'ordures sur les images.",
                                  organisation_name="Autre Ville", region="Occitanie")
    return c


@pytest.fixture(autouse=True)
def own_vector_index(settings, tmp_path):
    """Each test writes its vector index in its own folder and starts with nothing mapped or cached."""
    from confiance.library import embeddings, vector_index

    settings.LIBRARY_VECTOR_DIR = str(tmp_path / "vectors")
    vector_index.clear()
    embeddings.clear_query_cache()
    yield
    vector_index.clear()
