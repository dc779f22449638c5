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
    approved = workflow_state.current_task_state.revision
    if approved.pk != item.get_latest_revision().pk:
        raise PermissionDenied("审核通过的版本不是最新版本，未发布。")
    # The approver's right was checked by the task (JusticeBureauReviewTask.on_action).
    approved.publish(user=user, skip_permission_checks=True)
