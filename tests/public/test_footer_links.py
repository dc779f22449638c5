"""A citizen finds the public figures of random inspection (双随机、一公开) from the footer of
every public page, next to the complaint links."""

import re

import pytest
from django.urls import reverse

from permissions.enums import Role
from tests.factories import make_department, make_user

from .site import build_public_site


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


@pytest.mark.django_db
def test_a_service_guide_links_the_complaint_form_with_its_department_prefilled(client):
    department = make_department("司法局")
    editor = make_user("guide_editor", role=Role.EDITOR, departments=[department])
    site = build_public_site(editor, department, make_user("guide_rv", role=Role.REVIEWER))
    guide_page = client.get(reverse("public:guide", args=[site["guide"].pk])).content.decode()
    link = f"{reverse('public:complaint')}?department={department.pk}"
    assert f'href="{link}"' in guide_page
    form = client.get(link).content.decode()
    assert f'<option value="{department.pk}" selected>' in form
