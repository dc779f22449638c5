"""What happens when the last review step approves (WAGTAIL_FINISH_WORKFLOW_ACTION)."""

from django.core.exceptions import PermissionDenied


def publish_reviewed_revision(workflow_state, user=None):
    """Publish the revision the reviewers approved, never a later draft.

    Wagtail's default publishes ``get_latest_revision()``. With
    ``WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT`` an edit made during review restarts the
    review before the workflow can finish, so the approved revision is the latest one; if it is
    not, something went around the workflow and nothing is published.
    """
    item = workflow_state.content_object
    final = workflow_state.current_task_state
    # The justice bureau's approval (the only task that ``publishes``) is the last step of every
    # route (docs/adr/021): whatever else ends a workflow (a step disabled or cancelled at the
    # end of a route) publishes nothing.
    if (
        final is None
        or final.status != final.STATUS_APPROVED
        or not getattr(final.task.specific, "publishes", False)
    ):
        raise PermissionDenied("只有司法局审核通过的版本才能发布，未发布。")
    approved = final.revision
    if approved.pk != item.get_latest_revision().pk:
        raise PermissionDenied("审核通过的版本不是最新版本，未发布。")
    # The approver's right was checked by the task (JusticeBureauReviewTask.on_action).
    approved.publish(user=user, skip_permission_checks=True)
