"""Regression tests for findings 3 and 6 of issue 15 on the public site: policy headers and the host check."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _home(public):
    return reverse("public:home", args=[public.org.slug])


def test_it_refuses_a_foreign_host_even_for_a_cached_page(client, public):
    assert client.get(_home(public)).status_code == 200  # now cached
    assert client.get(_home(public)).status_code == 200
    response = client.get(_home(public), HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert public.org.name not in response.content.decode()


def test_it_sends_the_content_security_policy_on_cached_pages_too(client, public):
    for _ in range(2):  # built, then answered from the cache
        policy = client.get(_home(public))["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "unsafe-inline" not in policy
