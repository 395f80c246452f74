"""One guard for every address this instance fetches (issue 15): the library's harvests and the
catalogue's imports and harvests refuse the same addresses under the same setting,
OUTBOUND_ALLOWED_NETWORKS; the old settings still work as deprecated aliases."""

import pytest

from confiance.catalogue import fetch as catalogue_fetch
from confiance.core.weblinks import UnsafeSource, check_outbound_url, is_web_url
from confiance.library.federation import fetch_json
from confiance.rules.links import has_web_scheme, read_link

REFUSED_SCHEMES = ["javascript:alert(1)", "file:///etc/passwd", "ftp://portail.example/x.ttl",
                   "data:text/html,<b>x</b>", "http:/un-seul-slash.fr", "https://avec espace.fr/"]
PRIVATE = ["http://127.0.0.1:9/x", "http://10.1.2.3/x", "http://169.254.169.254/latest/meta-data/",
           "http://[::1]/x", "http://192.168.0.10/x", "http://0.0.0.0/x"]


@pytest.mark.parametrize("url", REFUSED_SCHEMES)
def test_it_refuses_every_other_scheme_for_both_callers_and_for_links(url):
    with pytest.raises(UnsafeSource, match="http:// ou https://"):
        fetch_json(url)
    with pytest.raises(catalogue_fetch.FetchError, match="http:// ou https://"):
        catalogue_fetch.fetch(url)
    assert not is_web_url(url) and not has_web_scheme(url)
    assert read_link(url).url == ""  # a spreadsheet's cell: kept as a note, never a link


@pytest.mark.parametrize("url", PRIVATE)
def test_it_refuses_private_addresses_for_both_callers_under_one_setting(url, settings):
    settings.OUTBOUND_ALLOWED_NETWORKS = []
    with pytest.raises(UnsafeSource, match="adresse privée"):
        fetch_json(url)
    with pytest.raises(catalogue_fetch.FetchError, match="réseau privé ou local"):
        catalogue_fetch.fetch(url)


def test_it_allows_a_listed_network_for_both_callers(settings):
    settings.OUTBOUND_ALLOWED_NETWORKS = ["127.0.0.0/8"]
    check_outbound_url("http://127.0.0.1:8015/flux.json")  # the library's harvest
    catalogue_fetch.check_url("http://127.0.0.1:8015/catalog.ttl")  # the catalogue's import
    with pytest.raises(UnsafeSource):
        check_outbound_url("http://10.0.0.1/flux.json")  # only the listed network


def test_it_still_reads_the_deprecated_settings(settings):
    settings.OUTBOUND_ALLOWED_NETWORKS = []
    settings.LIBRARY_HARVEST_ALLOWED_NETWORKS = ["10.0.0.0/8"]
    check_outbound_url("http://10.1.2.3/flux.json")
    with pytest.raises(catalogue_fetch.FetchError):
        catalogue_fetch.check_url("http://192.168.0.10/catalog.ttl")
    settings.CATALOGUE_ALLOW_PRIVATE_URLS = True  # every network, as it used to for the catalogue
    catalogue_fetch.check_url("http://192.168.0.10/catalog.ttl")
    check_outbound_url("http://[::1]/flux.json")


def test_it_reads_links_with_the_same_scheme_rule():
    assert has_web_scheme("https://www.lille.fr/air") and read_link("https://www.lille.fr/air").url
    assert has_web_scheme("HTTP://Exemple.FR/") and is_web_url("HTTP://Exemple.FR/")
    assert read_link("www.lille.fr/air").url == "https://www.lille.fr/air"
