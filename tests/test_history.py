"""Every change is kept (who, when, old and new value); versions compare; restoring is reviewed."""

from django.urls import reverse

from catalog.enums import ItemStatus
from catalog.models import Department
from catalog.services import item_revert, item_update
from permissions.enums import Role
from permissions.services import (
    department_group,
    department_revoke,
    grant_request_approve,
    grant_request_create,
)

from .factories import approve, make_item, make_user, publish, submit

NS = "wagtailsnippets_catalog_certificateitem"


def test_every_item_edit_is_a_revision_with_author_and_time(editor_a, dept_a):
    item = make_item(editor_a, dept_a, name="第一版")
    item_update(user=editor_a, item=item, fields={"name": "第二版"})
    item_update(user=editor_a, item=item, fields={"name": "第三版"})
    revisions = list(item.revisions.order_by("created_at"))
    assert [r.content["name"] for r in revisions] == ["第一版", "第二版", "第三版"]
    assert {r.user for r in revisions} == {editor_a}
    assert all(r.created_at for r in revisions)


def test_legal_bases_are_versioned_with_the_item(editor_a, dept_a):
    item = make_item(editor_a, dept_a)
    new_basis = {
        "name": "《律师事务所管理办法》",
        "document_number": "司法部令第142号",
        "article": "第三十五条第五款",
        "article_text": "拟任分所负责人的律师应当具有三年以上执业经历。",
        "legal_level": "departmental_rule",
    }
    item_update(user=editor_a, item=item, fields={}, legal_bases=[new_basis])
    first, second = item.revisions.order_by("created_at")
    assert first.as_object().legal_bases.all()[0].article == "第十九条"
    assert second.as_object().legal_bases.all()[0].article == "第三十五条第五款"


def test_compare_view_shows_old_and_new_values_of_any_two_versions(client, editor_a, dept_a):
    item = make_item(editor_a, dept_a, remarks="最初的备注")
    item_update(user=editor_a, item=item, fields={"remarks": "中间的备注"})
    item_update(user=editor_a, item=item, fields={"remarks": "最后的备注"})
    first, _middle, last = item.revisions.order_by("created_at")
    client.force_login(editor_a)
    url = reverse(f"{NS}:revisions_compare", args=[item.pk, first.pk, last.pk])
    html = client.get(url).content.decode()
    assert "最初的" in html and "最后的" in html


def test_restoring_an_old_version_makes_a_new_draft_that_needs_review(editor_a, dept_a, reviewer):
    item = publish(make_item(editor_a, dept_a, name="旧名称"), editor_a, reviewer)
    old_revision = item.live_revision
    item_update(user=editor_a, item=item, fields={"name": "新名称"})
    publish(item, editor_a, reviewer)
    assert item.name == "新名称"

    item_revert(user=editor_a, item=item, revision_id=old_revision.pk)
    item.refresh_from_db()
    assert item.name == "新名称"  # public version unchanged
    assert item.status() == ItemStatus.PUBLISHED_WITH_CHANGES
    assert item.get_latest_revision_as_object().name == "旧名称"
    approve(submit(item, editor_a), reviewer)
    assert item.name == "旧名称"
    assert item.revisions.count() == 3


def test_admin_revert_creates_a_draft_not_a_publication(client, editor_a, dept_a, reviewer):
    item = publish(make_item(editor_a, dept_a, name="恢复前"), editor_a, reviewer)
    old = item.live_revision
    item_update(user=editor_a, item=item, fields={"name": "恢复后"})
    publish(item, editor_a, reviewer)
    client.force_login(editor_a)
    url = reverse(f"{NS}:revisions_revert", args=[item.pk, old.pk])
    html = client.get(url).content.decode()
    assert "恢复前" in html
    item.refresh_from_db()
    assert item.name == "恢复后"


def test_published_states_of_items_are_recorded_without_draft_values(editor_a, dept_a, reviewer):
    item = publish(make_item(editor_a, dept_a, name="发布的名称"), editor_a, reviewer)
    item_update(user=editor_a, item=item, fields={"name": "草稿名称"})
    names = list(item.history.values_list("name", flat=True))
    assert "草稿名称" not in names
    assert item.history.filter(live=True, name="发布的名称").exists()


def test_department_changes_keep_who_when_old_and_new(client, administrator, dept_a):
    client.force_login(administrator)
    url = reverse("wagtailsnippets_catalog_department:edit", args=[dept_a.pk])
    data = {
        "name": dept_a.name,
        "kind": dept_a.kind,
        "sort_order": dept_a.sort_order,
        "liaison_name": "新联络员",
        "public_phone": "0483-6029999",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    latest, previous = Department.history.filter(id=dept_a.pk).order_by("-history_id")[:2]
    delta = latest.diff_against(previous)
    changed = {c.field: (c.old, c.new) for c in delta.changes}
    assert changed["liaison_name"] == ("", "新联络员")
    assert changed["public_phone"] == ("0483-6020000", "0483-6029999")
    assert latest.history_user == administrator
    assert latest.history_date


def test_department_history_page_shows_old_and_new_values(client, administrator, dept_a):
    dept_a.liaison_name = "甲联络员"
    dept_a.save()
    client.force_login(administrator)
    html = client.get(reverse("department_history", args=[dept_a.pk])).content.decode()
    assert "联络员姓名" in html and "甲联络员" in html


def test_grants_and_revocations_are_kept_in_the_users_history(editor_a, dept_b, administrator):
    before = editor_a.history.count()
    grant = grant_request_create(
        user=editor_a, group=department_group(dept_b, Role.EDITOR), by=administrator, reason="任职"
    )
    grant_request_approve(grant=grant, by=make_user("secadmin", role=Role.SECURITY_ADMIN))
    department_revoke(user=editor_a, department=dept_b, role=Role.EDITOR, by=administrator)
    records = list(editor_a.history.order_by("history_id"))[before:]
    group_sets = [{g.group.name for g in r.groups.all()} for r in records]
    assert any("乙局·部门编辑" in s for s in group_sets)
    assert "乙局·部门编辑" not in group_sets[-1]


def test_user_listing_links_to_the_users_history(client, administrator, editor_a):
    client.force_login(administrator)
    html = client.get(reverse("wagtailusers_users:index")).content.decode()
    assert reverse("user_history", args=[editor_a.pk]) in html
    page = client.get(reverse("user_history", args=[editor_a.pk])).content.decode()
    assert "甲局·部门编辑" in page
