"""The review workflow: who may decide, what gets published, and what each step leaves behind."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState

from catalog.enums import ExcludedCategory, ItemStatus
from catalog.services import item_review, item_submit, item_update
from publishing.models import DepartmentLeaderApprovalTask, JusticeBureauReviewTask
from publishing.workflows import publish_reviewed_revision

from .factories import approve, make_item, publish, send_back, submit


def test_department_without_leader_skips_the_leader_step(editor_a, dept_a):
    item = submit(make_item(editor_a, dept_a), editor_a)
    states = TaskState.objects.filter(workflow_state=item.current_workflow_state)
    assert [(s.task.specific.__class__, s.status) for s in states.order_by("pk")] == [
        (DepartmentLeaderApprovalTask, TaskState.STATUS_SKIPPED),
        (JusticeBureauReviewTask, TaskState.STATUS_IN_PROGRESS),
    ]


def test_department_with_leader_goes_to_the_leader_first(editor_a, dept_a, leader_a, reviewer):
    item = submit(make_item(editor_a, dept_a), editor_a)
    assert isinstance(item.current_workflow_task.specific, DepartmentLeaderApprovalTask)
    with pytest.raises(PermissionDenied):
        item_review(user=reviewer, item=item, action="approve")
    approve(item, leader_a)
    assert isinstance(item.current_workflow_task.specific, JusticeBureauReviewTask)
    assert item.live is False
    approve(item, reviewer)
    assert item.live is True


def test_leader_of_another_department_cannot_approve(editor_b, dept_b, leader_a, dept_a):
    from permissions.enums import Role

    from .factories import make_user

    make_user("leader_b", role=Role.LEADER, departments=[dept_b])
    item = submit(make_item(editor_b, dept_b), editor_b)
    with pytest.raises(PermissionDenied):
        item_review(user=leader_a, item=item, action="approve")


def test_editor_cannot_approve_even_their_own_departments_item(editor_a, dept_a, reviewer):
    item = submit(make_item(editor_a, dept_a), editor_a)
    with pytest.raises(PermissionDenied):
        item_review(user=editor_a, item=item, action="approve")
    item.refresh_from_db()
    assert item.live is False


def test_reviewer_cannot_approve_their_own_submission(dept_a, reviewer, reviewer2):
    item = submit(make_item(reviewer, dept_a, name="审核员自己提交"), reviewer)
    with pytest.raises(PermissionDenied):
        item_review(user=reviewer, item=item, action="approve")
    approve(item, reviewer2)
    assert item.live is True


def test_reviewer_cannot_approve_a_revision_they_wrote_during_review(
    editor_a, dept_a, reviewer, reviewer2
):
    item = submit(make_item(editor_a, dept_a), editor_a)
    item_update(user=reviewer, item=item, fields={"remarks": "审核员改了备注"})
    item.refresh_from_db()
    # the review restarts on the reviewer's revision; the reviewer may not approve it
    item_review(user=reviewer2, item=item, action="approve")
    item.refresh_from_db()
    assert item.live is False
    with pytest.raises(PermissionDenied):
        item_review(user=reviewer, item=item, action="approve")
    approve(item, reviewer2)
    assert item.live and item.remarks == "审核员改了备注"


def test_edit_during_review_is_not_published_without_a_new_approval(editor_a, dept_a, reviewer):
    item = submit(make_item(editor_a, dept_a, name="原名称"), editor_a)
    item_update(user=editor_a, item=item, fields={"name": "审核期间改的名称"})
    item.refresh_from_db()
    approve(item, reviewer)  # approves the revision that was submitted, then restarts
    assert item.live is False
    assert item.status() == ItemStatus.IN_REVIEW
    approve(item, reviewer)
    assert item.live is True
    assert item.name == "审核期间改的名称"


def test_approval_publishes_exactly_the_reviewed_revision(editor_a, dept_a, reviewer):
    item = submit(make_item(editor_a, dept_a, name="被审核的版本"), editor_a)
    reviewed = item.current_workflow_task_state.revision
    approve(item, reviewer)
    assert item.live_revision_id == reviewed.pk
    assert item.name == "被审核的版本"


def test_finish_action_refuses_when_a_newer_revision_exists(editor_a, dept_a):
    item = submit(make_item(editor_a, dept_a, name="旧版本"), editor_a)
    state = item.current_workflow_state
    draft = item.get_latest_revision_as_object()
    draft.name = "绕过审核的新版本"
    draft.save_revision(user=editor_a)
    state.refresh_from_db()
    with pytest.raises(PermissionDenied):
        publish_reviewed_revision(state, user=editor_a)
    item.refresh_from_db()
    assert item.live is False


def test_send_back_requires_a_comment(editor_a, dept_a, reviewer):
    item = submit(make_item(editor_a, dept_a), editor_a)
    with pytest.raises(PermissionDenied):
        item_review(user=reviewer, item=item, action="reject", comment="  ")
    send_back(item, reviewer, comment="请补充条文内容。")
    assert item.status() == ItemStatus.SENT_BACK
    assert item.current_workflow_state.current_task_state.comment == "请补充条文内容。"


def test_sent_back_item_resubmitted_goes_through_review_again(editor_a, dept_a, reviewer):
    item = send_back(submit(make_item(editor_a, dept_a), editor_a), reviewer)
    item_update(user=editor_a, item=item, fields={"remarks": "已按意见修改"})
    item_submit(user=editor_a, item=item)
    item.refresh_from_db()
    assert item.status() == ItemStatus.IN_REVIEW
    approve(item, reviewer)
    assert item.live and item.remarks == "已按意见修改"


def test_change_to_published_item_keeps_the_public_version_until_approved(
    editor_a, dept_a, reviewer
):
    item = publish(make_item(editor_a, dept_a, name="公开名称"), editor_a, reviewer)
    item_update(user=editor_a, item=item, fields={"name": "修改后名称"})
    item.refresh_from_db()
    assert item.name == "公开名称"
    assert item.status() == ItemStatus.PUBLISHED_WITH_CHANGES
    submit(item, editor_a)
    assert item.status() == ItemStatus.IN_REVIEW
    assert item.name == "公开名称"
    approve(item, reviewer)
    assert item.name == "修改后名称"


def test_item_in_excluded_category_cannot_be_submitted(editor_a, dept_a):
    item = make_item(editor_a, dept_a, excluded_category=ExcludedCategory.NATIONAL_SECURITY)
    with pytest.raises(ValidationError) as excinfo:
        item_submit(user=editor_a, item=item)
    assert "直接涉及国家安全" in str(excinfo.value)
    assert not WorkflowState.objects.filter(object_id=str(item.pk)).exists()


def test_item_changed_to_excluded_category_during_review_cannot_be_approved(
    editor_a, dept_a, reviewer, reviewer2
):
    item = submit(make_item(editor_a, dept_a), editor_a)
    item_update(
        user=editor_a, item=item, fields={"excluded_category": ExcludedCategory.STATE_SECRETS}
    )
    item.refresh_from_db()
    approve(item, reviewer)  # restarts review on the new revision
    with pytest.raises(PermissionDenied):
        item_review(user=reviewer2, item=item, action="approve")
    item.refresh_from_db()
    assert item.live is False


def test_publishing_an_excluded_revision_is_refused_whoever_calls(editor_a, dept_a, reviewer):
    item = make_item(editor_a, dept_a, excluded_category=ExcludedCategory.PUBLIC_SAFETY)
    with pytest.raises(ValidationError):
        item.get_latest_revision().publish(user=reviewer, skip_permission_checks=True)
    item.refresh_from_db()
    assert item.live is False


def test_review_screen_shows_the_change_against_the_published_version(
    client, editor_a, dept_a, reviewer
):
    item = publish(make_item(editor_a, dept_a, remarks="旧备注文字"), editor_a, reviewer)
    item_update(user=editor_a, item=item, fields={"remarks": "新备注文字"})
    submit(item, editor_a)
    client.force_login(reviewer)
    html = client.get(reverse("publishing_review", args=[item.pk])).content.decode()
    assert "旧备注文字" in html
    assert "<del>旧</del><ins>新</ins>备注文字" in html
    assert "共有 1 处修改" in html


def test_review_screen_send_back_without_comment_shows_error_and_changes_nothing(
    client, editor_a, dept_a, reviewer
):
    item = submit(make_item(editor_a, dept_a), editor_a)
    client.force_login(reviewer)
    url = reverse("publishing_review", args=[item.pk])
    response = client.post(url, {"action": "reject", "comment": ""})
    assert "退回修改时必须填写意见" in response.content.decode()
    assert item.status() == ItemStatus.IN_REVIEW


def test_review_screen_approval_publishes(client, editor_a, dept_a, reviewer):
    item = submit(make_item(editor_a, dept_a, name="屏幕审核通过"), editor_a)
    client.force_login(reviewer)
    response = client.post(
        reverse("publishing_review", args=[item.pk]), {"action": "approve"}, follow=True
    )
    assert "审核通过，已发布到公开目录" in response.content.decode()
    item.refresh_from_db()
    assert item.live


def test_review_screen_tells_the_submitter_they_cannot_review(client, dept_a, reviewer):
    item = submit(make_item(reviewer, dept_a), reviewer)
    client.force_login(reviewer)
    html = client.get(reverse("publishing_review", args=[item.pk])).content.decode()
    assert "不能由本人审核" in html
    assert 'value="approve"' not in html
