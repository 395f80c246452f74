"""Regression tests for finding 4 of issue 15 on the library's feed and search API: no 500 on big numbers."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name, url", [("page", "library:feed"), ("page_size", "library:feed"),
                                       ("limit", "library:api-projects"), ("offset", "library:api-projects")])
@pytest.mark.parametrize("value", ["9" * 20, "-3", "abc"])
def test_it_refuses_out_of_range_paging_in_french(client, name, url, value):
    response = client.get(reverse(url), {name: value})
    assert response.status_code == 400
    assert name in response.json()["errors"]


def test_it_still_serves_an_ordinary_page(client):
    assert client.get(reverse("library:feed"), {"page": "1", "page_size": "10"}).status_code == 200
