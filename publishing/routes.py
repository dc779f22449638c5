"""Review routes: the invariants every route of items and guides keeps, wherever it is changed.

A route is a Wagtail ``Workflow`` built in the admin (设置 → 工作流) from the three review
steps. The code holds three invariants (docs/adr/021-review-routes.md):

1. the justice bureau's review is the last active step, and a route has only review steps
   (``route_errors``), checked when a route is saved, when a step is disabled, when a review
   starts and when the last approval publishes;
2. nobody approves their own work (``ScopedReviewTask.get_actions``);
3. a route change never strands a record in review: a record keeps its running review, and
   after any change of its route stands at the first step of the route it has not passed
   (``route_realign``; a disabled step: Wagtail does the same); a route with records in review
   cannot be disabled (``workflow_disable_refusal``).
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import Task, TaskState, WorkflowContentType, WorkflowState

from .models import (
    CountersignTask,
    DepartmentLeaderApprovalTask,
    JusticeBureauReviewTask,
    reviewed_models,
)

REVIEW_TASK_TYPES = (DepartmentLeaderApprovalTask, CountersignTask, JusticeBureauReviewTask)
OPEN_STATES = (WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES)


def _reviewed_content_type_ids() -> set[int]:
    return {ContentType.objects.get_for_model(m).pk for m in reviewed_models()}


def route_errors(tasks) -> list[str]:
    """What is wrong with a route of ``tasks`` (in order; inactive ones are ignored)."""
    tasks = [t.specific for t in tasks if t.active]
    if not tasks:
        return ["审核流程至少要有一个步骤，最后一步必须是司法局审核。"]
    errors = []
    foreign = [t.name for t in tasks if not isinstance(t, REVIEW_TASK_TYPES)]
    if foreign:
        errors.append(
            "证明事项和办事指南的审核流程只能由分管领导审批、会签和司法局审核组成，"
            f"不能包含：{'、'.join(foreign)}。"
        )
    if not isinstance(tasks[-1], JusticeBureauReviewTask):
        errors.append(f"审核流程的最后一步必须是司法局审核，现在是“{tasks[-1].name}”。")
    return errors


def workflow_tasks(workflow) -> list[Task]:
    return list(workflow.tasks.specific())


def workflow_route_errors(workflow) -> list[str]:
    return route_errors(workflow_tasks(workflow))


def workflow_is_review_route(workflow) -> bool:
    """True when ``workflow`` is assigned to items or guides, or records of them are in review
    on it: then it must keep the invariants."""
    if workflow.pk is None:
        return False
    ct_ids = _reviewed_content_type_ids()
    if WorkflowContentType.objects.filter(workflow=workflow, content_type_id__in=ct_ids).exists():
        return True
    return WorkflowState.objects.filter(
        workflow=workflow, status__in=OPEN_STATES, base_content_type_id__in=ct_ids
    ).exists()


def review_routes():
    """Every workflow that is a review route (see ``workflow_is_review_route``)."""
    from wagtail.models import Workflow

    ct_ids = _reviewed_content_type_ids()
    assigned = WorkflowContentType.objects.filter(content_type_id__in=ct_ids).values("workflow_id")
    running = WorkflowState.objects.filter(
        status__in=OPEN_STATES, base_content_type_id__in=ct_ids
    ).values("workflow_id")
    return Workflow.objects.filter(pk__in=assigned) | Workflow.objects.filter(pk__in=running)


def route_check(workflow) -> None:
    """Raise ``ValidationError`` (Chinese) when ``workflow`` is a review route that breaks the
    invariants. Used by the services before a review starts."""
    errors = workflow_route_errors(workflow)
    if errors:
        raise ValidationError([f"审核流程“{workflow.name}”配置有误：{e}" for e in errors])


def _task_change_refusal(task, *, active: bool) -> str:
    for workflow in review_routes().distinct():
        tasks = workflow_tasks(workflow)
        if task.pk not in {t.pk for t in tasks}:
            continue
        before = set(route_errors(tasks))
        for t in tasks:
            if t.pk == task.pk:
                t.active = active
        after = [e for e in route_errors(tasks) if e not in before]
        if after:
            verb = "启用" if active else "禁用"
            return (
                f"不能{verb}“{task.name}”：{verb}后审核流程“{workflow.name}”将不符合要求。"
                f"{after[0]}"
            )
    return ""


def task_disable_refusal(task) -> str:
    """Why ``task`` may not be disabled (a review route would break), or ""."""
    return _task_change_refusal(task, active=False)


def task_enable_refusal(task) -> str:
    """Why ``task`` may not be enabled again (it would follow the justice bureau's step in a
    review route, or is not a review step), or ""."""
    return _task_change_refusal(task, active=True)


def workflow_disable_refusal(workflow) -> str:
    """Why ``workflow`` may not be disabled, or "". Disabling cancels the reviews running on
    it, which would drop those records out of review."""
    ct_ids = _reviewed_content_type_ids()
    running = WorkflowState.objects.filter(
        workflow=workflow,
        status=WorkflowState.STATUS_IN_PROGRESS,
        base_content_type_id__in=ct_ids,
    ).count()
    if running:
        return (
            f"不能禁用审核流程“{workflow.name}”：还有{running}条证明事项或办事指南正在按该流程审核，"
            "禁用会中断它们的审核。请先为证明事项和办事指南指定其他流程，待这些审核结束后再禁用。"
        )
    return ""


@transaction.atomic
def route_realign(workflow, user=None) -> int:
    """After ``workflow`` changed (a step added, removed, reordered or enabled again), put every
    record in review on it at the first active step of the route it has not passed (approved
    or skipped for the version under review) — Wagtail's own rule for the next step; a step
    that would skip the record (its condition does not hold) is recorded as skipped instead,
    and the record stays where it is. Without this a
    record waiting on a removed step would stay there, and one at the justice bureau's step
    would, after that approval, be sent to a step added before it and then end on that step
    instead of the justice bureau's. Returns how many records moved."""
    moved = 0
    states = WorkflowState.objects.filter(
        workflow=workflow, status=WorkflowState.STATUS_IN_PROGRESS
    ).select_related("current_task_state__task")
    for workflow_state in states:
        if _realign(workflow, workflow_state, user):
            moved += 1
    return moved


def _first_unpassed(workflow, workflow_state, revision_id):
    passed = TaskState.objects.filter(
        workflow_state=workflow_state,
        status__in=(TaskState.STATUS_APPROVED, TaskState.STATUS_SKIPPED),
        revision_id=revision_id,
    ).values("task_id")
    return (
        Task.objects.filter(workflow_tasks__workflow=workflow, active=True)
        .exclude(pk__in=passed)
        .order_by("workflow_tasks__sort_order")
        .first()
    )


def _realign(workflow, workflow_state, user) -> bool:
    current = workflow_state.current_task_state
    if current is None or current.status != TaskState.STATUS_IN_PROGRESS:
        return False
    latest_id = workflow_state.content_object.get_latest_revision().pk
    for _ in range(workflow.workflow_tasks.count() + 1):
        first_unpassed = _first_unpassed(workflow, workflow_state, current.revision_id)
        if first_unpassed is not None and first_unpassed.pk == current.task_id:
            return False
        step = first_unpassed.specific if first_unpassed is not None else None
        # A new step that does not apply to this record (a countersign for other matter
        # types, a leader step where there is no leader) is recorded as skipped, as it would
        # have been; the record stays where it is.
        if step is not None and current.revision_id == latest_id and step.skips(workflow_state):
            step.start(workflow_state, user=user)
            continue
        target = step.name if step is not None else "下一步"
        current.specific.cancel(
            user=user, comment=f"审核流程已调整，“{current.task.name}”步骤转到“{target}”。"
        )
        return True
    return False


def routes_with_task(task):
    """The review routes ``task`` is a step of."""
    return review_routes().filter(workflow_tasks__task=task).distinct()
