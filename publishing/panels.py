"""Dashboard panels: my drafts, awaiting my review, sent back to me."""

from django.db.models import Q
from wagtail.admin.ui.components import Component
from wagtail.models import TaskState, WorkflowState

from catalog.models import CertificateItem
from permissions.scope import ALL, Scope, department_ids, filter_by_scope

from .models import DepartmentLeaderApprovalTask, JusticeBureauReviewTask

LIMIT = 20


def _items_by_pk(pks):
    items = CertificateItem.objects.filter(pk__in=pks).select_related("department")
    return {str(i.pk): i for i in items}


def awaiting_review(user) -> list[tuple[CertificateItem, TaskState]]:
    """Items at a review step this user may decide, excluding the user's own submissions."""
    rows = []
    for task_model in (DepartmentLeaderApprovalTask, JusticeBureauReviewTask):
        for task in task_model.objects.filter(active=True):
            states = task.get_task_states_user_can_moderate(user).select_related(
                "workflow_state", "revision"
            )
            rows.extend(states)
    items = _items_by_pk([s.workflow_state.object_id for s in rows])
    result = []
    for state in rows:
        item = items.get(state.workflow_state.object_id)
        if item is None:
            continue
        own = state.workflow_state.requested_by_id == user.pk or (
            state.revision and state.revision.user_id == user.pk
        )
        if not own:
            result.append((item, state))
    return sorted(result, key=lambda r: r[1].started_at)[:LIMIT]


def my_drafts(user):
    """Unsubmitted drafts in the user's departments that the user last edited."""
    qs = filter_by_scope(CertificateItem.objects.all(), user, Scope.EDIT).filter(
        Q(live=False) | Q(has_unpublished_changes=True), latest_revision__user=user
    )
    in_workflow = WorkflowState.objects.filter(
        status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES]
    ).values_list("object_id", flat=True)
    pks = {int(pk) for pk in in_workflow}
    return [
        i
        for i in qs.select_related("department", "latest_revision").order_by(
            "-latest_revision__created_at"
        )
        if i.pk not in pks
    ][:LIMIT]


def sent_back_to_me(user):
    """Items sent back that the user submitted, or that belong to the user's departments.

    Reviewers may edit every department; for them only their own submissions count.
    """
    states = (
        WorkflowState.objects.filter(status=WorkflowState.STATUS_NEEDS_CHANGES)
        .select_related("current_task_state", "current_task_state__finished_by")
        .order_by("-current_task_state__finished_at")
    )
    items = _items_by_pk([s.object_id for s in states])
    editable = set()
    if department_ids(user, Scope.EDIT) is not ALL:
        editable = set(
            filter_by_scope(
                CertificateItem.objects.filter(pk__in=[int(k) for k in items]), user, Scope.EDIT
            ).values_list("pk", flat=True)
        )
    rows = []
    for state in states:
        item = items.get(state.object_id)
        if item and (state.requested_by_id == user.pk or item.pk in editable):
            rows.append((item, state.current_task_state))
    return rows[:LIMIT]


class _Panel(Component):
    order = 100

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        return {"rows": self.rows(self.request.user), "request": self.request}


class AwaitingReviewPanel(_Panel):
    name = "awaiting_review"
    order = 90
    template_name = "publishing/panels/awaiting_review.html"

    def rows(self, user):
        return awaiting_review(user)


class MyDraftsPanel(_Panel):
    name = "my_drafts"
    order = 100
    template_name = "publishing/panels/my_drafts.html"

    def rows(self, user):
        return my_drafts(user)


class SentBackPanel(_Panel):
    name = "sent_back"
    order = 95
    template_name = "publishing/panels/sent_back.html"

    def rows(self, user):
        return sent_back_to_me(user)
