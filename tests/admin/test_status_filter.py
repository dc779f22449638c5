"""The listings' status filter (草稿 / 审核中 / 已退回 / 已发布 / 有待审修改 / 已撤回) with counts,
for items and service guides, for every role; and one definition shared with the status column.
"""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from catalog.enums import ItemStatus
from catalog.filters import CertificateItemFilterSet
from catalog.models import CertificateItem, ServiceGuide
from catalog.models.items import editorial_status_counts, with_editorial_status
from catalog.viewsets import StatusColumn

from .helpers import guides_in_every_state, items_in_every_state

ITEMS = reverse("wagtailsnippets_catalog_certificateitem:list")
GUIDES = reverse("wagtailsnippets_catalog_serviceguide:list")
FILTER_LABELS = {
    ItemStatus.DRAFT: "草稿",
    ItemStatus.IN_REVIEW: "审核中",
    ItemStatus.SENT_BACK: "已退回",
    ItemStatus.PUBLISHED: "已发布",
    ItemStatus.PUBLISHED_WITH_CHANGES: "有待审修改",
    ItemStatus.WITHDRAWN: "已撤回",
}
# role fixture -> the departments ("a", "b") whose rows it lists
ROLE_SCOPES = {
    "editor_a": {"a"},
    "leader_a": {"a"},
    "reviewer": {"a", "b"},
    "supervisor": {"a", "b"},
    "administrator": {"a", "b"},
}


@pytest.fixture
def items(dept_a, dept_b, editor_a, editor_b, leader_a, reviewer):
    """Every state in both departments; 甲局 has a leader (a two-step review)."""
    return {
        "a": items_in_every_state(editor_a, dept_a, reviewer, "甲局"),
        "b": items_in_every_state(editor_b, dept_b, reviewer, "乙局"),
    }


@pytest.fixture
def guides(dept_a, dept_b, editor_a, editor_b, leader_a, reviewer):
    return {
        "a": guides_in_every_state(editor_a, dept_a, reviewer, "甲局"),
        "b": guides_in_every_state(editor_b, dept_b, reviewer, "乙局"),
    }


def listed(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return response, {obj.pk for obj in response.context["object_list"]}


def status_choices(response) -> dict[str, str]:
    field = response.context["filters"].form.fields["status"]
    return {str(value): str(label) for value, label in field.choices}


def test_each_object_is_in_the_state_it_was_put_in_by_both_readings_of_the_rules(items, guides):
    for model, made in ((CertificateItem, items), (ServiceGuide, guides)):
        expected = {obj.pk: status for rows in made.values() for status, obj in rows.items()}
        annotated = {
            obj.pk: obj.editorial_status for obj in with_editorial_status(model.objects.all())
        }
        assert annotated == expected
        for obj in model.objects.all():
            assert obj.status() == expected[obj.pk]


def roles(request):
    """Every role, logged in in turn (one set of rows serves them all: building it is slow)."""
    return [(role, request.getfixturevalue(role)) for role in ROLE_SCOPES]


def test_item_listing_filtered_by_status_lists_exactly_that_state_for_every_role(
    client, request, items
):
    for role, user in roles(request):
        client.force_login(user)
        n = len(ROLE_SCOPES[role])
        for status in ItemStatus:
            response, pks = listed(client, ITEMS, status=status.value)
            expected = {items[dept][status].pk for dept in ROLE_SCOPES[role]}
            assert pks == expected, (role, status)
            # every choice shows how many rows it lists, in the role's scope
            choices = status_choices(response)
            assert choices[status.value] == f"{FILTER_LABELS[status]}（{n}）", (role, status)
            assert choices[""] == f"全部（{n * len(ItemStatus)}）", role


def test_guide_listing_filtered_by_status_lists_exactly_that_state_for_every_role(
    client, request, guides
):
    for role, user in roles(request):
        client.force_login(user)
        n = len(ROLE_SCOPES[role])
        for status in ItemStatus:
            response, pks = listed(client, GUIDES, status=status.value)
            assert pks == {guides[dept][status].pk for dept in ROLE_SCOPES[role]}, (role, status)
            choices = status_choices(response)
            assert choices[status.value] == f"{FILTER_LABELS[status]}（{n}）", (role, status)


def test_counts_follow_the_department_filter_and_the_search(client, items, supervisor, dept_b):
    client.force_login(supervisor)
    response, pks = listed(client, ITEMS, department=dept_b.pk)
    assert pks == {obj.pk for obj in items["b"].values()}
    assert status_choices(response)[ItemStatus.DRAFT.value] == "草稿（1）"
    assert status_choices(response)[""] == "全部（6）"

    response, pks = listed(client, ITEMS, q="乙局已撤回")
    assert pks == {items["b"][ItemStatus.WITHDRAWN].pk}
    choices = status_choices(response)
    assert choices[ItemStatus.WITHDRAWN.value] == "已撤回（1）"
    assert choices[ItemStatus.DRAFT.value] == "草稿（0）"

    # the status and another filter together
    response, pks = listed(client, ITEMS, department=dept_b.pk, status="sent_back")
    assert pks == {items["b"][ItemStatus.SENT_BACK].pk}


def test_counts_are_cut_to_the_users_scope_even_without_the_listings_queryset(items, editor_a):
    request = RequestFactory().get(ITEMS)
    request.user = editor_a
    filterset = CertificateItemFilterSet({}, request=request)
    labels = dict(filterset.form.fields["status"].choices)
    assert labels[""] == "全部（6）"
    assert set(filterset.queryset) == set(items["a"].values())


def test_department_choices_are_the_users_departments(client, items, editor_a, dept_a):
    client.force_login(editor_a)
    response, _pks = listed(client, ITEMS)
    departments = response.context["filters"].form.fields["department"].queryset
    assert list(departments) == [dept_a]


def test_status_column_and_filter_speak_of_the_same_status(client, items, reviewer):
    client.force_login(reviewer)
    changed = items["a"][ItemStatus.PUBLISHED_WITH_CHANGES]
    response, pks = listed(client, ITEMS, status="published_with_changes")
    assert changed.pk in pks
    html = response.content.decode()
    assert "已发布（有待审修改）" in html  # the column
    assert "有待审修改（2）" in html  # the filter


def test_status_counts_cover_every_status_with_zeros(db):
    assert editorial_status_counts(CertificateItem.objects.all()) == dict.fromkeys(ItemStatus, 0)


def test_status_column_reads_the_listings_annotation_without_a_query_per_row(
    items, django_assert_num_queries
):
    rows = list(with_editorial_status(CertificateItem.objects.all()))
    column = StatusColumn("status", label="状态")
    with django_assert_num_queries(0):
        shown = {row.pk: column.get_value(row) for row in rows}
    assert shown == {row.pk: row.status() for row in rows}
