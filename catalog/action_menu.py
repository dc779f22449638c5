"""The edit form's action menu for items and guides, in the words a clerk or reviewer uses.

Wagtail's workflow actions read "Submit to …", "Resubmit to …", "Restart workflow",
"Cancel workflow" and "Unpublish"; here they are 提交审核 / 修改后重新提交审核 / 撤回审核申请
and 从目录中撤回, and the review decision itself is taken on the review screen
(审核（对照已发布版本）).
"""

from django.urls import reverse
from wagtail.snippets.action_menu import (
    ActionMenuItem,
    CancelWorkflowMenuItem,
    RestartWorkflowMenuItem,
    SubmitForModerationMenuItem,
    UnpublishMenuItem,
    WorkflowMenuItem,
)

# The review screen of each reviewed model (publishing's URL names; looked up by name so that
# the catalog does not import the publishing app).
REVIEW_URL_NAMES = {
    "certificateitem": "publishing_review",
    "serviceguide": "publishing_review_guide",
    "letterwording": "letter_wording_review",
}


def review_screen_url(obj) -> str:
    name = REVIEW_URL_NAMES[obj._meta.model_name]
    if obj._meta.model_name == "letterwording":  # one record: its screen takes no key
        return reverse(name)
    return reverse(name, args=[obj.pk])


def withdraw_url(model, pk) -> str:
    """The justice bureau's withdrawal page of an item or guide (publishing's view)."""
    return reverse("publishing_withdraw", args=[model._meta.model_name, pk])


class ReviewMenuItem(ActionMenuItem):
    """Reviewers decide on the review screen, which shows the change against the live version."""

    name = "review"
    label = "审核（对照已发布版本）"
    icon_name = "success"

    def get_url(self, parent_context):
        return review_screen_url(parent_context["instance"])


class SubmitMenuItem(SubmitForModerationMenuItem):
    """提交审核; for a record sent back: 修改后重新提交审核 (it starts again at the first step)."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        instance = parent_context.get("instance")
        state = instance.current_workflow_state if instance else None
        if state and state.status == state.STATUS_NEEDS_CHANGES:
            context["label"] = "修改后重新提交审核"
        else:
            context["label"] = "提交审核"
        return context


class CancelReviewMenuItem(CancelWorkflowMenuItem):
    label = "撤回审核申请"


class WithdrawMenuItem(UnpublishMenuItem):
    """The reviewer's withdrawal of a published record (with a reason, on its own page)."""

    label = "从目录中撤回"

    def get_url(self, parent_context):
        instance = parent_context["instance"]
        return withdraw_url(type(instance), instance.pk)


# Wagtail's menu item → ours (same conditions for being shown, our label).
RELABELLED = {
    SubmitForModerationMenuItem: SubmitMenuItem,
    CancelWorkflowMenuItem: CancelReviewMenuItem,
    UnpublishMenuItem: WithdrawMenuItem,
}


def clerk_action_menu(menu_items: list) -> None:
    """No direct publishing, no workflow decisions in the form, and Chinese action names.

    Approving from the edit form would first save the form as a new revision, and with
    re-approval on edit that approval would no longer count (wagtail/wagtail#13563). "Restart
    workflow" is dropped: for a record sent back, 修改后重新提交审核 already starts the review again
    at its first step (catalog.workflow.workflow_resubmit).
    """
    had_workflow_actions = any(isinstance(item, WorkflowMenuItem) for item in menu_items)
    kept = []
    for item in menu_items:
        if item.name == "action-publish" or isinstance(
            item, WorkflowMenuItem | RestartWorkflowMenuItem
        ):
            continue
        ours = RELABELLED.get(type(item))
        kept.append(ours(order=item.order) if ours else item)
    if had_workflow_actions:
        kept.insert(0, ReviewMenuItem(order=0))
    menu_items[:] = kept
