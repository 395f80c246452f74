"""Regression tests for finding 4 of issue 15 on the public site: bad years answer 4xx, nothing written."""

import pytest
from django.urls import reverse

from confiance.public.models import AnnualReport

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("year", ["99999", "0", "-1", "9" * 20, "deux-mille"])
def test_it_refuses_a_report_year_out_of_range(client, public, year):
    client.force_login(public.admin)
    response = client.post(reverse("public:generate_report", args=[public.org.slug]), {"year": year}, follow=True)
    assert response.status_code == 400
    assert "année" in response.content.decode()
    assert not AnnualReport.objects.exists()


@pytest.mark.parametrize("path", ["rapports/99999/", "rapports/0000/", "rapports/-1/", "rapports/0000.pdf"])
def test_it_answers_404_for_a_report_year_that_cannot_exist(client, public, path):
    assert client.get(f"/public/{public.org.slug}/{path}").status_code == 404
