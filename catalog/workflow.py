"""Where a reviewed record (certificate item or service guide) stands in its review, and the
route it takes when a department sends it back in.

The review route (docs/architecture.md, "Life of an edit"): the department leader's step, then
the justice bureau's. Every step must have approved the revision that is published
(``WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT``). So when a sent-back record is resubmitted
after it was changed, it starts again at the first step: the leader approves the corrected
version before the justice bureau sees it (skipped when the department has no leader). If it is
resubmitted unchanged, steps that approved that very revision are not asked again.

Wagtail's own ``WorkflowState.resume`` restarts at the step that sent the record back; its
approval then sends the record back to the leader and on to the justice bureau a second time.
``workflow_resubmit`` is used instead by the edit form and by the services.
"""

from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.log_actions import log
from wagtail.models import TaskState, WorkflowState

from .enums import ItemStatus


def workflow_start(obj, user) -> WorkflowState:
    """Send ``obj`` into review on the route now assigned to its kind of record."""
    workflow = obj.get_workflow()
    if workflow is None or not workflow.active:
        raise ValidationError(
            f"尚未为{obj._meta.verbose_name}配置审核流程，暂不能提交审核。请联系系统管理员。"
        )
    return workflow.start(obj, user)


def workflow_submit(obj, user, *, already_in_review: str) -> None:
    """Send ``obj``'s latest revision into review: again after it was sent back, refused with
    ``already_in_review`` while it is in review, else on the route of its kind of record."""
    state = obj.current_workflow_state
    if state and state.status == state.STATUS_NEEDS_CHANGES:
        workflow_resubmit(state, user)
    elif state and state.status == state.STATUS_IN_PROGRESS:
        raise ValidationError(already_in_review)
    else:
        workflow_start(obj, user)


def workflow_resubmit(workflow_state: WorkflowState, user) -> None:
    """Send a sent-back record into review again, from its first step that has not approved the
    current revision.

    When the route of its kind of record was changed while it was sent back (another workflow
    assigned in the admin), the old review is closed and the record starts on the current
    route (docs/adr/021-review-routes.md)."""
    # A fresh copy: the caller's may hold its record as loaded before the corrected revision
    # was saved, and the route is decided on the record's latest revision.
    workflow_state = WorkflowState.objects.select_for_update().get(pk=workflow_state.pk)
    if workflow_state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        raise PermissionDenied("只有已退回修改的记录才能重新提交审核。")
    obj = workflow_state.content_object
    current = obj.get_workflow()
    if current is not None and current.active and current.pk != workflow_state.workflow_id:
        workflow_state.cancel(user=user)
        workflow_start(obj, user)
        return
    rejected = workflow_state.current_task_state
    workflow_state.current_task_state = None
    workflow_state.status = WorkflowState.STATUS_IN_PROGRESS
    workflow_state.save()
    log(
        instance=workflow_state.content_object,
        action="wagtail.workflow.resume",
        data={
            "workflow": {
                "id": workflow_state.workflow_id,
                "title": workflow_state.workflow.name,
                "status": workflow_state.status,
                "task_state_id": rejected.pk,
                "task": {"id": rejected.task_id, "title": rejected.task.name},
            }
        },
        revision=rejected.revision,
        user=user,
    )
    # Without ``next_task`` Wagtail starts the first step that has not approved (or skipped)
    # the latest revision.
    workflow_state.update(user=user)


def _name(user) -> str:
    if user is None:
        return "系统"
    return user.get_full_name() or user.get_username()


@dataclass(frozen=True)
class ReviewSummary:
    """What the edit page and the read view say about a record's review, in the clerk's words."""

    status: ItemStatus
    step: str = ""  # the step in progress, or the one that sent the record back
    submitted_by: str = ""
    submitted_at: datetime | None = None
    sent_back_by: str = ""
    sent_back_at: datetime | None = None
    comment: str = ""
    route: str = ""  # where the record goes when it is (re)submitted or approved

    @property
    def is_sent_back(self) -> bool:
        return self.status == ItemStatus.SENT_BACK

    @property
    def is_in_review(self) -> bool:
        return self.status == ItemStatus.IN_REVIEW


def review_route(obj) -> str:
    """The steps a (re)submission of ``obj``'s current version goes through, in words."""
    workflow = obj.get_workflow()
    if workflow is None:
        return ""
    names = [task.name for task in workflow.tasks.filter(active=True)]
    return " → ".join(names)


def review_summary(obj) -> ReviewSummary:
    status = obj.status()
    state = obj.current_workflow_state
    if state is None:
        return ReviewSummary(status=status)
    task_state = state.current_task_state
    common = {
        "status": status,
        "step": task_state.task.name if task_state else "",
        "submitted_by": _name(state.requested_by),
        "submitted_at": state.created_at,
        "route": review_route(obj),
    }
    if state.status == WorkflowState.STATUS_NEEDS_CHANGES and task_state is not None:
        rejected = task_state
        if rejected.status != TaskState.STATUS_REJECTED:
            rejected = (
                state.task_states.filter(status=TaskState.STATUS_REJECTED)
                .order_by("-finished_at")
                .first()
            ) or task_state
        return ReviewSummary(
            **common,
            sent_back_by=_name(rejected.finished_by),
            sent_back_at=rejected.finished_at,
            comment=rejected.get_comment(),
        )
    return ReviewSummary(**common)
