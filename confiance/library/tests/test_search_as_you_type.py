"""Search-as-you-type: the page works without script; the script is ours, small, and the fragment it asks for."""

from pathlib import Path

from django.urls import reverse

from confiance.library.tests.conftest import make_shared_project

SCRIPT = Path(__file__).resolve().parent.parent / "static" / "library" / "search-as-you-type.js"


def test_it_keeps_the_script_under_5_kb():
    assert 0 < SCRIPT.stat().st_size <= 5 * 1024


def test_it_links_the_script_as_a_file_and_inlines_none(client, db):
    html = client.get(reverse("library:home")).content.decode()
    assert 'src="/static/library/search-as-you-type.js" defer' in html
    assert "<script>" not in html and "<script >" not in html
    assert 'aria-live="polite"' in html


def test_it_answers_the_fragment_with_the_results_region_only(client, db):
    make_shared_project(name="Repérer les dépôts sauvages", summary="Des caméras signalent les déchets.")
    make_shared_project(name="Compter les vélos", summary="Des capteurs comptent les vélos.")
    response = client.get(reverse("library:home"), {"q": "dépôts", "fragment": "resultats"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<form" not in html and "<h1" not in html and "<html" not in html
    assert 'data-total="1 résultat"' in html and "Repérer les dépôts sauvages" in html
    assert "Compter les vélos" not in html


def test_it_leaves_the_fragment_parameter_out_of_page_links(client, db):
    for n in range(25):
        make_shared_project(name=f"Projet de cantine {n}", summary="Les repas de la cantine.")
    html = client.get(reverse("library:home"), {"q": "cantine", "fragment": "resultats"}).content.decode()
    assert "page=2" in html and "fragment" not in html
