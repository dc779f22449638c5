"""A citizen finds the public figures of random inspection (双随机、一公开) from the footer of
every public page, next to the complaint links."""

import re

import pytest
from django.urls import reverse


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name", ["public:home", "public:catalog", "public:letters", "public:complaint"]
)
def test_every_public_page_footer_links_to_the_sampling_figures(client, name):
    html = client.get(reverse(name)).content.decode()
    footer = re.search(r'<footer class="site-footer.*?</footer>', html, re.S).group(0)
    link = f'<a href="{reverse("public:sampling")}">“双随机”抽查核查结果</a>'
    assert link in footer


@pytest.mark.django_db
def test_the_linked_page_is_the_random_inspection_figures(client):
    html = client.get(reverse("public:sampling")).content.decode()
    assert "双随机" in html
