"""Withdrawal with a reason, and numbered catalog revisions with their change lists."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from catalog.services import item_update
from publishing.enums import RevisionChange
from publishing.models import ItemWithdrawal
from publishing.services import catalog_revision_publish, item_withdraw

from .factories import make_item, publish, submit


def changes(revision):
    return {
        (e.item_name, e.change) for e in revision.entries.exclude(change=RevisionChange.UNCHANGED)
    }


def test_revisions_are_numbered_per_year_and_list_added_changed_withdrawn(
    editor_a, dept_a, reviewer
):
    first = publish(make_item(editor_a, dept_a, name="甲证明"), editor_a, reviewer)
    second = publish(make_item(editor_a, dept_a, name="乙证明"), editor_a, reviewer)
    r1 = catalog_revision_publish(user=reviewer, year=2021)
    assert r1.label == "2021年第1版"
    assert changes(r1) == {("甲证明", "added"), ("乙证明", "added")}

    item_update(user=editor_a, item=first, fields={"remarks": "调整"})
    publish(first, editor_a, reviewer)
    item_withdraw(item=second, user=reviewer, reason="上位法废止")
    publish(make_item(editor_a, dept_a, name="丙证明"), editor_a, reviewer)
    r2 = catalog_revision_publish(user=reviewer, year=2021)
    assert r2.label == "2021年第2版"
    assert changes(r2) == {("甲证明", "changed"), ("乙证明", "withdrawn"), ("丙证明", "added")}
    assert r2.entries.exclude(change=RevisionChange.WITHDRAWN).count() == 2


def test_numbering_restarts_each_year(editor_a, dept_a, reviewer):
    publish(make_item(editor_a, dept_a), editor_a, reviewer)
    assert catalog_revision_publish(user=reviewer, year=2021).label == "2021年第1版"
    publish(make_item(editor_a, dept_a), editor_a, reviewer)
    assert catalog_revision_publish(user=reviewer, year=2022).label == "2022年第1版"


def test_revision_without_changes_is_refused(editor_a, dept_a, reviewer):
    publish(make_item(editor_a, dept_a), editor_a, reviewer)
    catalog_revision_publish(user=reviewer, year=2021)
    with pytest.raises(ValidationError) as excinfo:
        catalog_revision_publish(user=reviewer, year=2021)
    assert "没有任何变化" in excinfo.value.messages[0]


def test_pending_change_is_not_part_of_a_revision(editor_a, dept_a, reviewer):
    item = publish(make_item(editor_a, dept_a, name="已发布名称"), editor_a, reviewer)
    r1 = catalog_revision_publish(user=reviewer, year=2021)
    item_update(user=editor_a, item=item, fields={"name": "待审名称"})
    submit(item, editor_a)
    with pytest.raises(ValidationError):
        catalog_revision_publish(user=reviewer, year=2021)
    assert r1.entries.get().item_name == "已发布名称"


def test_only_reviewers_publish_revisions(editor_a, dept_a, reviewer, supervisor):
    publish(make_item(editor_a, dept_a), editor_a, reviewer)
    for user in (editor_a, supervisor):
        with pytest.raises(PermissionDenied):
            catalog_revision_publish(user=user)


def test_withdrawal_needs_a_reviewer_and_a_reason(editor_a, dept_a, reviewer):
    item = publish(make_item(editor_a, dept_a), editor_a, reviewer)
    with pytest.raises(PermissionDenied):
        item_withdraw(item=item, user=editor_a, reason="x")
    with pytest.raises(ValidationError):
        item_withdraw(item=item, user=reviewer, reason="   ")
    item.refresh_from_db()
    assert item.live
    item_withdraw(item=item, user=reviewer, reason="该证明已取消")
    item.refresh_from_db()
    assert not item.live
    withdrawal = ItemWithdrawal.objects.get(item=item)
    assert (withdrawal.reason, withdrawal.withdrawn_by) == ("该证明已取消", reviewer)


def test_withdraw_screen_without_reason_shows_error_in_chinese(client, editor_a, dept_a, reviewer):
    item = publish(make_item(editor_a, dept_a), editor_a, reviewer)
    client.force_login(reviewer)
    url = reverse("publishing_withdraw", args=["certificateitem", item.pk])
    response = client.post(url, {"reason": ""})
    assert "请填写撤回理由" in response.content.decode()
    item.refresh_from_db()
    assert item.live


def test_wagtails_unpublish_url_leads_to_the_withdrawal_page(client, editor_a, dept_a, reviewer):
    item = publish(make_item(editor_a, dept_a), editor_a, reviewer)
    client.force_login(reviewer)
    url = reverse("wagtailsnippets_catalog_certificateitem:unpublish", args=[item.pk])
    response = client.post(url + "?next=/admin/", {"reason": "绕过理由"})
    assert response.status_code == 302
    assert response["Location"] == (
        reverse("publishing_withdraw", args=["certificateitem", item.pk]) + "?next=/admin/"
    )
    item.refresh_from_db()
    assert item.live


def test_only_reviewers_withdraw(client, editor_a, dept_a, reviewer, supervisor):
    item = publish(make_item(editor_a, dept_a), editor_a, reviewer)
    url = reverse("publishing_withdraw", args=["certificateitem", item.pk])
    for user in (editor_a, supervisor):
        client.force_login(user)
        client.post(url, {"reason": "无权撤回"})
        item.refresh_from_db()
        assert item.live
    client.force_login(reviewer)
    response = client.post(url, {"reason": "上位法废止", "next": "/admin/"})
    assert response["Location"] == "/admin/"
    item.refresh_from_db()
    assert not item.live


def test_admin_catalog_revision_page_previews_and_publishes(client, editor_a, dept_a, reviewer):
    publish(make_item(editor_a, dept_a, name="预览中的证明"), editor_a, reviewer)
    client.force_login(reviewer)
    html = client.get(reverse("catalog_revisions")).content.decode()
    assert "预览中的证明" in html and "新增（1 项）" in html
    response = client.post(reverse("catalog_revisions"), {"note": "首次公布"}, follow=True)
    assert "已发布目录" in response.content.decode()


def test_public_revision_pages_list_the_changes(client, editor_a, dept_a, reviewer):
    publish(make_item(editor_a, dept_a, name="公开变化证明"), editor_a, reviewer)
    revision = catalog_revision_publish(user=reviewer, year=2021, note="首次公布")
    listing = client.get(reverse("public:revisions")).content.decode()
    assert "2021年第1版" in listing and "新增 1" in listing
    detail = client.get(revision.get_absolute_url()).content.decode()
    assert "新增（1 项）" in detail and "公开变化证明" in detail and "首次公布" in detail
