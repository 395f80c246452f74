"""Files people upload or jobs produce are only served by views that check permissions."""

import importlib

import pytest
from django.test import override_settings
from django.urls import Resolver404, clear_url_caches, resolve

import confiance.urls


@pytest.fixture
def debug_urls():
    with override_settings(DEBUG=True):
        clear_url_caches()
        importlib.reload(confiance.urls)
        yield
    clear_url_caches()
    importlib.reload(confiance.urls)


def test_it_never_serves_the_media_folder_even_in_development(debug_urls, settings):
    for name in ["jobs/Abc123/metropole.json", "rapports/2025.pdf", "aipd/document.pdf"]:
        with pytest.raises(Resolver404):
            resolve(f"/{settings.MEDIA_URL.strip('/')}/{name}")
