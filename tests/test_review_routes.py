"""Review routes built in Wagtail's workflow admin keep their invariants: the justice bureau's
review is the last step, nobody approves their own work, and a route change never strands a
record in review (docs/adr/021-review-routes.md)."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from wagtail.models import (
    GroupApprovalTask,
    Task,
    TaskState,
    Workflow,
    WorkflowContentType,
    WorkflowState,
    WorkflowTask,
)

from catalog.models import CertificateItem
from catalog.services import item_review, item_update
from permissions.enums import Role
from publishing.models import (
    CountersignTask,
    DepartmentLeaderApprovalTask,
    JusticeBureauReviewTask,
)
from publishing.routes import route_errors

from .factories import approve, make_department, make_item, make_user, send_back, submit
from .routes_helpers import add_countersign, default_route, route_form_data, route_steps

EDIT = "wagtailadmin_workflows:edit"


@pytest.fixture
def zwfw(db):
    return make_department("旗政务服务局")


@pytest.fixture
def zwfw_leader(zwfw):
    return make_user("zwfw_leader", role=Role.LEADER, departments=[zwfw])


@pytest.fixture
def steps(db):
    route = default_route()
    leader = DepartmentLeaderApprovalTask.objects.get()
    justice = JusticeBureauReviewTask.objects.get()
    return route, leader, justice


@pytest.fixture
def admin_client(client, administrator):
    client.force_login(administrator)
    return client


def _items_ct():
    return ContentType.objects.get_for_model(CertificateItem)


# -- invariant 1: the justice bureau's review is the last step -------------------------------


def test_route_errors_name_what_breaks_the_rule(steps, zwfw):
    _route, leader, justice = steps
    countersign = CountersignTask.objects.create(name="会签", countersign_department=zwfw)
    group_task = GroupApprovalTask.objects.create(name="任意组审批")
    assert route_errors([leader, countersign, justice]) == []
    assert route_errors([justice, countersign]) == [
        "审核流程的最后一步必须是司法局审核，现在是“会签”。"
    ]
    assert route_errors([group_task, justice]) == [
        "证明事项和办事指南的审核流程只能由分管领导审批、会签和司法局审核组成，不能包含：任意组审批。"
    ]
    assert route_errors([]) == ["审核流程至少要有一个步骤，最后一步必须是司法局审核。"]
    # a disabled step does not count as the last one
    countersign.active = False
    assert route_errors([justice, countersign]) == []


def test_saving_a_route_that_ends_after_the_justice_bureau_is_refused(admin_client, steps, zwfw):
    route, leader, justice = steps
    countersign = CountersignTask.objects.create(name="会签", countersign_department=zwfw)
    response = admin_client.post(
        reverse(EDIT, args=[route.pk]), route_form_data(route, [leader, justice, countersign])
    )
    assert response.status_code == 200
    assert "审核流程的最后一步必须是司法局审核，现在是“会签”。" in response.content.decode()
    assert route_steps(route) == ["分管领导审批", "司法局审核"]


def test_saving_a_route_without_the_justice_bureau_is_refused(admin_client, steps):
    route, leader, _justice = steps
    response = admin_client.post(reverse(EDIT, args=[route.pk]), route_form_data(route, [leader]))
    assert "审核流程的最后一步必须是司法局审核，现在是“分管领导审批”。" in (
        response.content.decode()
    )
    assert route_steps(route) == ["分管领导审批", "司法局审核"]


def test_a_countersign_step_before_the_justice_bureau_is_saved(admin_client, steps, zwfw):
    route, leader, justice = steps
    countersign = CountersignTask.objects.create(name="会签", countersign_department=zwfw)
    response = admin_client.post(
        reverse(EDIT, args=[route.pk]), route_form_data(route, [leader, countersign, justice])
    )
    assert response.status_code == 302
    assert route_steps(route) == ["分管领导审批", "会签", "司法局审核"]


def test_new_route_for_items_must_end_with_the_justice_bureau(admin_client, steps):
    _route, leader, _justice = steps
    new = Workflow(name="新流程")
    data = route_form_data(new, [leader], content_types=[_items_ct()])
    response = admin_client.post(reverse("wagtailadmin_workflows:add"), data)
    assert response.status_code == 200
    assert "最后一步必须是司法局审核" in response.content.decode()
    assert not Workflow.objects.filter(name="新流程").exists()


def test_a_workflow_for_other_content_is_not_held_to_the_review_rules(admin_client, steps):
    group_task = GroupApprovalTask.objects.create(name="任意组审批")
    group_task.groups.set([Group.objects.get(name="司法局审核员")])
    new = Workflow(name="其他内容流程")
    data = route_form_data(new, [group_task], content_types=[])
    response = admin_client.post(reverse("wagtailadmin_workflows:add"), data)
    assert response.status_code == 302
    assert route_steps(Workflow.objects.get(name="其他内容流程")) == ["任意组审批"]


def test_disabling_the_justice_bureau_step_is_refused(admin_client, steps):
    _route, _leader, justice = steps
    url = reverse("wagtailadmin_workflows:disable_task", args=[justice.pk])
    page = admin_client.get(url).content.decode()
    assert "不能禁用“司法局审核”" in page
    response = admin_client.post(url, follow=True)
    assert "将不符合要求。审核流程的最后一步必须是司法局审核" in response.content.decode()
    justice.refresh_from_db()
    assert justice.active is True


def test_enabling_a_step_that_would_follow_the_justice_bureau_is_refused(admin_client, steps, zwfw):
    route, _leader, _justice = steps
    countersign = CountersignTask.objects.create(
        name="会签", countersign_department=zwfw, active=False
    )
    WorkflowTask.objects.create(workflow=route, task=countersign, sort_order=9)
    url = reverse("wagtailadmin_workflows:enable_task", args=[countersign.pk])
    response = admin_client.post(url, follow=True)
    assert "不能启用“会签”" in response.content.decode()
    countersign.refresh_from_db()
    assert countersign.active is False


def test_a_review_does_not_start_on_a_route_broken_around_the_admin(editor_a, dept_a, steps):
    route, leader, justice = steps
    WorkflowTask.objects.filter(workflow=route, task=justice).update(sort_order=0)
    WorkflowTask.objects.filter(workflow=route, task=leader).update(sort_order=1)
    item = make_item(editor_a, dept_a)
    with pytest.raises(ValidationError) as refused:
        submit(item, editor_a)
    assert "审核流程的最后一步必须是司法局审核" in str(refused.value)
    assert not WorkflowState.objects.filter(object_id=str(item.pk)).exists()


def test_only_the_justice_bureaus_approval_publishes(editor_a, dept_a, steps):
    _route, _leader, justice = steps
    item = submit(make_item(editor_a, dept_a), editor_a)
    assert item.current_workflow_task.pk == justice.pk
    # disabling the step around the admin would end the workflow without an approval
    with pytest.raises(PermissionDenied):
        Task.objects.get(pk=justice.pk).specific.deactivate()
    item.refresh_from_db()
    assert item.live is False


def test_submitting_without_an_assigned_route_is_refused_in_chinese(editor_a, dept_a, steps):
    WorkflowContentType.objects.filter(content_type=_items_ct()).delete()
    item = make_item(editor_a, dept_a)
    with pytest.raises(ValidationError) as refused:
        submit(item, editor_a)
    assert "尚未为证明事项配置审核流程，暂不能提交审核" in str(refused.value)


# -- invariant 2: nobody approves their own work ---------------------------------------------


def test_countersigner_cannot_countersign_what_they_submitted(dept_a, zwfw, zwfw_leader):
    from permissions.services import department_grant

    add_countersign(zwfw, matter_types=[])
    department_grant(user=zwfw_leader, department=dept_a, role=Role.EDITOR)
    item = submit(make_item(zwfw_leader, dept_a), zwfw_leader)
    assert isinstance(item.current_workflow_task.specific, CountersignTask)
    with pytest.raises(PermissionDenied):
        item_review(user=zwfw_leader, item=item, action="approve")
    assert item.current_workflow_task.specific.get_actions(item, zwfw_leader) == []


def test_countersigner_who_edited_during_review_cannot_countersign_that_version(
    editor_a, dept_a, zwfw, zwfw_leader
):
    from permissions.services import department_grant

    countersign = add_countersign(zwfw, matter_types=[])
    zwfw_other = make_user("zwfw_other", role=Role.LEADER, departments=[zwfw])
    department_grant(user=zwfw_leader, department=dept_a, role=Role.EDITOR)
    item = submit(make_item(editor_a, dept_a), editor_a)
    item_update(user=zwfw_leader, item=item, fields={"remarks": "会签人改了备注"})
    item.refresh_from_db()
    # approving the outdated version restarts the review on the countersigner's own version
    approve(item, zwfw_other)
    assert item.current_workflow_task.pk == countersign.pk
    assert item.current_workflow_task_state.revision.user_id == zwfw_leader.pk
    with pytest.raises(PermissionDenied):
        item_review(user=zwfw_leader, item=item, action="approve")
    approve(item, zwfw_other)
    assert isinstance(item.current_workflow_task.specific, JusticeBureauReviewTask)


# -- invariant 3: a route change never strands a record in review ----------------------------


def test_disabling_the_countersign_step_moves_the_waiting_item_on_to_the_justice_bureau(
    admin_client, editor_a, dept_a, zwfw, reviewer
):
    countersign = add_countersign(zwfw, matter_types=[])
    item = submit(make_item(editor_a, dept_a), editor_a)
    assert item.current_workflow_task.pk == countersign.pk
    url = reverse("wagtailadmin_workflows:disable_task", args=[countersign.pk])
    assert admin_client.post(url).status_code == 302
    item.refresh_from_db()
    assert isinstance(item.current_workflow_task.specific, JusticeBureauReviewTask)
    assert item.current_workflow_state.task_states.get(task=countersign).status == (
        TaskState.STATUS_CANCELLED
    )
    approve(item, reviewer)
    assert item.live is True


def test_removing_the_countersign_step_from_the_route_moves_the_waiting_items_on(
    admin_client, editor_a, dept_a, zwfw, reviewer, steps
):
    route, leader, justice = steps
    countersign = add_countersign(zwfw, matter_types=[])
    item = submit(make_item(editor_a, dept_a), editor_a)
    other = submit(make_item(editor_a, dept_a), editor_a)
    assert item.current_workflow_task.pk == countersign.pk
    response = admin_client.post(
        reverse(EDIT, args=[route.pk]), route_form_data(route, [leader, justice]), follow=True
    )
    assert "有2条记录正在按本流程审核，已按调整后的流程转到其尚未通过的第一个步骤。" in (
        response.content.decode()
    )
    item.refresh_from_db()
    other.refresh_from_db()
    assert item.current_workflow_task.pk == justice.pk
    approve(item, reviewer)
    assert item.live is True
    # or sent back to the clerk
    send_back(other, reviewer)
    assert other.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES


def test_reordered_route_puts_the_item_at_its_first_step_not_yet_passed(
    admin_client, editor_a, dept_a, leader_a, zwfw, zwfw_leader, reviewer, steps
):
    route, leader, justice = steps
    countersign = add_countersign(zwfw, matter_types=[])
    item = submit(make_item(editor_a, dept_a), editor_a)
    assert item.current_workflow_task.pk == leader.pk
    # countersign first, then the leader
    response = admin_client.post(
        reverse(EDIT, args=[route.pk]), route_form_data(route, [countersign, leader, justice])
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.current_workflow_task.pk == countersign.pk
    approve(item, zwfw_leader)
    assert item.current_workflow_task.pk == leader.pk
    approve(item, leader_a)
    assert item.current_workflow_task.pk == justice.pk
    approve(item, reviewer)
    assert item.live is True


def test_step_inserted_before_the_justice_bureau_is_passed_before_its_approval(
    admin_client, editor_a, dept_a, zwfw, zwfw_leader, reviewer, steps
):
    route, leader, justice = steps
    item = submit(make_item(editor_a, dept_a), editor_a)
    assert item.current_workflow_task.pk == justice.pk
    countersign = CountersignTask.objects.create(name="会签", countersign_department=zwfw)
    response = admin_client.post(
        reverse(EDIT, args=[route.pk]), route_form_data(route, [leader, countersign, justice])
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.current_workflow_task.pk == countersign.pk
    moved = item.current_workflow_state.task_states.get(task=justice)
    assert moved.status == TaskState.STATUS_CANCELLED
    assert moved.comment == "审核流程已调整，“司法局审核”步骤转到“会签”。"
    approve(item, zwfw_leader)
    assert item.current_workflow_task.pk == justice.pk
    approve(item, reviewer)
    assert item.live is True
    assert item.current_workflow_state is None


def test_reassigned_route_lets_running_reviews_finish_and_resubmissions_take_the_new_route(
    editor_a, dept_a, zwfw, zwfw_leader, reviewer, steps
):
    old, _leader, justice = steps
    running = submit(make_item(editor_a, dept_a), editor_a)
    sent_back = send_back(submit(make_item(editor_a, dept_a), editor_a), reviewer)
    new = Workflow.objects.create(name="会签流程")
    countersign = add_countersign(zwfw, matter_types=[], workflow=new)
    WorkflowTask.objects.create(workflow=new, task=justice, sort_order=5)
    WorkflowContentType.objects.filter(workflow=old).update(workflow=new)
    # the running review finishes on its own route
    approve(running, reviewer)
    assert running.live is True
    # the sent-back item, resubmitted, starts on the route now assigned
    item_update(user=editor_a, item=sent_back, fields={"remarks": "已补充"})
    submit(sent_back, editor_a)
    assert sent_back.current_workflow_state.workflow_id == new.pk
    assert sent_back.current_workflow_task.pk == countersign.pk
    approve(sent_back, zwfw_leader)
    approve(sent_back, reviewer)
    assert sent_back.live is True


def test_a_route_with_records_in_review_cannot_be_disabled(
    admin_client, editor_a, dept_a, reviewer, steps
):
    route, _leader, _justice = steps
    item = submit(make_item(editor_a, dept_a), editor_a)
    url = reverse("wagtailadmin_workflows:disable", args=[route.pk])
    response = admin_client.post(url, follow=True)
    assert "还有1条证明事项或办事指南正在按该流程审核" in response.content.decode()
    route.refresh_from_db()
    assert route.active is True
    approve(item, reviewer)
    assert item.live is True


def test_administrator_adds_a_countersign_step_through_the_service(
    administrator, editor_a, dept_a, zwfw, zwfw_leader, reviewer, steps
):
    from catalog.enums import MatterType
    from publishing.services import countersign_step_add

    route, _leader, _justice = steps
    waiting = submit(make_item(editor_a, dept_a, matter_type=MatterType.LICENSING), editor_a)
    other_type = submit(make_item(editor_a, dept_a, matter_type=MatterType.CONFIRMATION), editor_a)
    at_justice = other_type.current_workflow_task_state.pk
    with pytest.raises(PermissionDenied):
        countersign_step_add(user=reviewer, workflow=route, name="会签", department=zwfw)
    countersign_step_add(
        user=administrator,
        workflow=route,
        name="政务服务局会签",
        department=zwfw,
        matter_types=[MatterType.LICENSING],
    )
    assert route_steps(route) == ["分管领导审批", "政务服务局会签", "司法局审核"]
    # the item waiting at the justice bureau is countersigned first
    waiting.refresh_from_db()
    assert waiting.current_workflow_task.name == "政务服务局会签"
    approve(waiting, zwfw_leader)
    approve(waiting, reviewer)
    assert waiting.live is True
    # the item of another matter type stays where it was: the new step is recorded as skipped
    other_type.refresh_from_db()
    assert other_type.current_workflow_task_state.pk == at_justice
    skipped = other_type.current_workflow_state.task_states.get(task__name="政务服务局会签")
    assert skipped.status == TaskState.STATUS_SKIPPED
    approve(other_type, reviewer)
    assert other_type.live is True


def test_step_enabled_again_before_the_justice_bureau_is_passed_before_its_approval(
    admin_client, editor_a, dept_a, zwfw, zwfw_leader, reviewer, steps
):
    _route, _leader, justice = steps
    countersign = add_countersign(zwfw, matter_types=[])
    countersign.active = False
    countersign.save()
    item = submit(make_item(editor_a, dept_a), editor_a)
    assert item.current_workflow_task.pk == justice.pk
    url = reverse("wagtailadmin_workflows:enable_task", args=[countersign.pk])
    assert admin_client.post(url).status_code == 302
    item.refresh_from_db()
    assert item.current_workflow_task.pk == countersign.pk
    approve(item, zwfw_leader)
    approve(item, reviewer)
    assert item.live is True
