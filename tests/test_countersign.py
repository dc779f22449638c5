"""The countersign step (会签): records of chosen matter types or departments are countersigned
by another department before the justice bureau; others skip it, saying why."""

import pytest
from django.core.exceptions import PermissionDenied
from wagtail.models import ModelLogEntry, TaskState

from catalog.enums import MatterType
from catalog.services import item_review
from permissions.enums import Role
from publishing.models import CountersignTask, JusticeBureauReviewTask

from .factories import approve, make_department, make_item, make_user, submit
from .guides.helpers import make_guide, submit_guide
from .routes_helpers import add_countersign, step_names

APPROVED, SKIPPED, IN_PROGRESS = (
    TaskState.STATUS_APPROVED,
    TaskState.STATUS_SKIPPED,
    TaskState.STATUS_IN_PROGRESS,
)


@pytest.fixture
def zwfw(db):
    return make_department("旗政务服务局")


@pytest.fixture
def zwfw_leader(zwfw):
    return make_user("zwfw_leader", role=Role.LEADER, departments=[zwfw])


def test_item_of_a_chosen_matter_type_is_countersigned_before_the_justice_bureau(
    editor_a, dept_a, zwfw, zwfw_leader, reviewer
):
    add_countersign(zwfw, matter_types=[MatterType.LICENSING])
    item = submit(make_item(editor_a, dept_a, matter_type=MatterType.LICENSING), editor_a)
    assert isinstance(item.current_workflow_task.specific, CountersignTask)
    with pytest.raises(PermissionDenied):
        item_review(user=reviewer, item=item, action="approve")
    approve(item, zwfw_leader, comment="同意")
    assert isinstance(item.current_workflow_task.specific, JusticeBureauReviewTask)
    assert item.live is False
    approve(item, reviewer)
    assert item.live is True
    assert step_names(item) == [
        ("分管领导审批", SKIPPED),
        ("政务服务局会签", APPROVED),
        ("司法局审核", APPROVED),
    ]


def test_item_of_another_matter_type_skips_the_countersign_saying_why(
    editor_a, dept_a, zwfw, zwfw_leader, reviewer
):
    task = add_countersign(zwfw, matter_types=[MatterType.LICENSING])
    item = submit(make_item(editor_a, dept_a, matter_type=MatterType.CONFIRMATION), editor_a)
    assert isinstance(item.current_workflow_task.specific, JusticeBureauReviewTask)
    skipped = item.current_workflow_state.task_states.get(task=task)
    assert skipped.status == SKIPPED
    assert skipped.comment == "事项类型“行政确认”不在本会签步骤的适用范围内，自动跳过。"
    entry = ModelLogEntry.objects.for_instance(item).get(action="publishing.countersign_skipped")
    assert entry.data["reason"] == skipped.comment
    assert entry.message == "“政务服务局会签”步骤自动跳过"
    approve(item, reviewer)
    assert item.live is True


def test_department_condition_countersigns_only_the_chosen_departments_records(
    editor_a, dept_a, editor_b, dept_b, zwfw, zwfw_leader
):
    task = add_countersign(zwfw, matter_types=[], departments=[dept_b])
    item_a = submit(make_item(editor_a, dept_a), editor_a)
    item_b = submit(make_item(editor_b, dept_b), editor_b)
    assert item_a.current_workflow_state.task_states.get(task=task).comment == (
        f"实施机关“{dept_a}”不在本会签步骤的适用范围内，自动跳过。"
    )
    assert item_b.current_workflow_task.pk == task.pk


def test_matter_type_and_department_both_chosen_must_both_hold(
    editor_a, dept_a, editor_b, dept_b, zwfw
):
    task = add_countersign(zwfw, matter_types=[MatterType.LICENSING], departments=[dept_b])
    other_type = submit(make_item(editor_b, dept_b, matter_type=MatterType.CONFIRMATION), editor_b)
    both = submit(make_item(editor_b, dept_b, matter_type=MatterType.LICENSING), editor_b)
    assert other_type.current_workflow_task.pk != task.pk
    assert both.current_workflow_task.pk == task.pk


def test_no_condition_means_every_record_is_countersigned(editor_a, dept_a, zwfw):
    task = add_countersign(zwfw, matter_types=[])
    item = submit(make_item(editor_a, dept_a, matter_type=MatterType.PUBLIC_SERVICE), editor_a)
    assert item.current_workflow_task.pk == task.pk


def test_condition_is_decided_on_the_version_under_review(editor_a, dept_a, zwfw, reviewer):
    from catalog.services import item_update

    task = add_countersign(zwfw, matter_types=[MatterType.LICENSING])
    item = submit(make_item(editor_a, dept_a, matter_type=MatterType.CONFIRMATION), editor_a)
    assert item.current_workflow_task.pk != task.pk
    # an edit during review restarts the review on the new version, which is countersigned
    item_update(user=editor_a, item=item, fields={"matter_type": MatterType.LICENSING})
    item.refresh_from_db()
    item_review(user=reviewer, item=item, action="approve")
    item.refresh_from_db()
    assert item.live is False
    assert item.current_workflow_task.pk == task.pk


def test_guide_of_a_chosen_matter_type_is_countersigned_too(
    editor_a, dept_a, zwfw, zwfw_leader, reviewer
):
    task = add_countersign(zwfw, matter_types=[MatterType.LICENSING])
    guide = submit_guide(make_guide(editor_a, dept_a, matter_type=MatterType.LICENSING), editor_a)
    assert guide.current_workflow_task.pk == task.pk
    approve(guide, zwfw_leader)
    approve(guide, reviewer)
    assert guide.live is True


def test_countersigner_sees_the_record_in_their_queue_and_others_do_not(
    editor_a, dept_a, zwfw, zwfw_leader, leader_a, reviewer
):
    task = add_countersign(zwfw, matter_types=[])
    item = submit(make_item(editor_a, dept_a), editor_a)
    approve(item, leader_a)
    state = item.current_workflow_task_state
    assert list(task.get_task_states_user_can_moderate(zwfw_leader)) == [state]
    assert not task.get_task_states_user_can_moderate(leader_a).exists()
    assert not task.get_task_states_user_can_moderate(reviewer).exists()


def test_editors_as_countersigners_are_the_countersigning_departments_editors(
    editor_a, dept_a, zwfw, reviewer
):
    add_countersign(zwfw, matter_types=[], role="editor")
    zwfw_editor = make_user("zwfw_editor", role=Role.EDITOR, departments=[zwfw])
    item = submit(make_item(editor_a, dept_a), editor_a)
    # the justice bureau edits every department, but is not the countersigning department
    with pytest.raises(PermissionDenied):
        item_review(user=reviewer, item=item, action="approve")
    approve(item, zwfw_editor)
    assert isinstance(item.current_workflow_task.specific, JusticeBureauReviewTask)


def test_countersigner_decides_on_the_review_screen_not_in_the_edit_form(
    client, editor_a, dept_a, zwfw, zwfw_leader
):
    from django.urls import reverse

    add_countersign(zwfw, matter_types=[])
    item = submit(make_item(editor_a, dept_a), editor_a)
    client.force_login(zwfw_leader)
    edit = client.get(reverse("wagtailsnippets_catalog_certificateitem:edit", args=[item.pk]))
    assert edit.status_code in (302, 403)
    review = client.get(reverse("publishing_review", args=[item.pk]))
    assert review.status_code == 200
    assert "审核通过" in review.content.decode()
