"""Links printed on paper or shared on WeChat keep working: WeChat's own query parameters are
ignored, and the forms a link takes when retyped or pasted into a sentence redirect to it."""

import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from .site import build_public_site, file_urls, page_urls

WECHAT = "from=singlemessage&isappinstalled=0"


@pytest.fixture
def site(editor_a, dept_a, reviewer):
    return build_public_site(editor_a, dept_a, reviewer)


def with_wechat(url: str) -> str:
    return url + ("&" if "?" in url else "?") + WECHAT


def main_html(response) -> str:
    """<main> with WeChat's parameters taken out of the links that keep the query string."""
    main = str(BeautifulSoup(response.content, "html.parser").main)
    # the CSRF token of a form is masked anew for every response
    main = re.sub(r'(<input name="csrfmiddlewaretoken"[^>]*value=")[^"]*', r"\1", main)
    return re.sub(r"(from=singlemessage|isappinstalled=0)(&amp;)?", "", main)


def test_every_public_page_ignores_wechat_parameters(client, site):
    for name, url in page_urls(site).items():
        plain, shared = client.get(url), client.get(with_wechat(url))
        assert shared.status_code == plain.status_code, name
        assert main_html(shared) == main_html(plain), name


def test_every_public_file_ignores_wechat_parameters(client, site):
    for name, url in file_urls(site).items():
        plain, shared = client.get(url), client.get(with_wechat(url))
        assert (shared.status_code, shared["Content-Type"]) == (
            plain.status_code,
            plain["Content-Type"],
        ), name
        assert plain.status_code == 200, name


def test_link_without_its_final_slash_redirects_to_the_page(client, site):
    url = reverse("public:item", args=[site["item"].pk])
    response = client.get(url.rstrip("/") + "?" + WECHAT)
    assert response.status_code == 301
    assert response["Location"] == url + "?" + WECHAT


@pytest.mark.parametrize(
    "variant",
    [
        "/catalog/item/{fw}/",  # full-width digits from a Chinese input method
        "/catalog/item/{pk}/。",  # the full stop of the sentence the link was pasted into
        "/catalog/item/{pk}/）",
        "/catalog/item/{pk}",
        "/Catalog/Item/{pk}/",
        "/catalog／item／{pk}／",
    ],
)
def test_retyped_or_pasted_item_link_redirects_to_the_item(client, site, variant):
    pk = site["item"].pk
    full_width = "".join(chr(ord(c) - ord("0") + ord("０")) for c in str(pk))
    response = client.get(variant.format(pk=pk, fw=full_width))
    assert response.status_code == 301
    assert response["Location"] == f"/catalog/item/{pk}/"
    assert client.get(response["Location"]).status_code == 200


def test_link_repair_never_leaves_the_site(client, db):
    response = client.get("/／attacker.example/")
    assert response.status_code == 404


def test_link_repair_does_not_redirect_a_form_post(client, site):
    assert client.post(f"/catalog/item/{site['item'].pk}/。").status_code == 404


def test_a_views_own_not_found_is_never_redirected(client, db):
    """A URL that matches but finds nothing (here a file the public may not see) is a 404,
    not a redirect to a variant of itself."""
    response = client.get("/media/original_images/flow.png")
    assert response.status_code == 404
