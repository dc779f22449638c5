"""The listing offers on each row only what the user can do with that row."""

import pytest
from django.urls import reverse

from .factories import make_item, publish

LISTING = "wagtailsnippets_catalog_certificateitem"


def delete_url(item):
    return reverse(f"{LISTING}:delete", args=[item.pk])


@pytest.fixture
def rows(editor_a, dept_a, reviewer):
    draft = make_item(editor_a, dept_a, name="甲局草稿证明")
    published = publish(make_item(editor_a, dept_a, name="甲局已发布证明"), editor_a, reviewer)
    return draft, published


def test_a_published_row_offers_no_delete(client, editor_a, rows):
    draft, published = rows
    client.force_login(editor_a)
    html = client.get(reverse(f"{LISTING}:list")).content.decode()
    assert delete_url(draft) in html
    assert delete_url(published) not in html


def test_a_published_items_edit_page_offers_no_delete(client, editor_a, rows):
    _draft, published = rows
    client.force_login(editor_a)
    html = client.get(reverse(f"{LISTING}:edit", args=[published.pk])).content.decode()
    assert delete_url(published) not in html


def test_read_only_users_are_offered_no_delete(client, supervisor, rows):
    client.force_login(supervisor)
    html = client.get(reverse(f"{LISTING}:list")).content.decode()
    assert all(delete_url(item) not in html for item in rows)
