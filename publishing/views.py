"""Admin views of the justice bureau: review an item against the published version, publish
a catalog revision."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from wagtail.admin.auth import permission_denied

from catalog.models import CertificateItem
from catalog.services import item_review
from catalog.validation import publication_errors
from catalog.viewsets import OTHER_DEPARTMENT_MESSAGE
from permissions.policy import user_can_view_item
from permissions.scope import is_reviewer

from .diff import compare_items
from .enums import RevisionChange
from .models import CatalogRevision, JusticeBureauReviewTask, is_own_submission
from .selectors import revisions_with_counts
from .services import catalog_revision_preview, catalog_revision_publish


class ReviewForm(forms.Form):
    action = forms.ChoiceField(choices=[("approve", "审核通过"), ("reject", "退回修改")])
    comment = forms.CharField(label="审核意见", required=False, widget=forms.Textarea({"rows": 4}))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") == "reject" and not (cleaned.get("comment") or "").strip():
            self.add_error("comment", "退回修改时必须填写意见，告诉编辑需要改什么。")
        return cleaned


def _why_no_actions(item, draft, user, task) -> str:
    if is_own_submission(item, user):
        return "这是您本人提交或修改的版本，按规定不能由本人审核。"
    if not task.user_may_review(draft, user):
        return f"当前处于“{task.name}”环节，不需要您审核。"
    return ""


def review_item(request, pk):
    """The reviewer's screen: the change against the published version, then a decision."""
    item = get_object_or_404(CertificateItem.objects.select_related("department"), pk=pk)
    if not user_can_view_item(request.user, item):
        messages.error(request, OTHER_DEPARTMENT_MESSAGE)
        return redirect("wagtailadmin_home")
    task_state = item.current_workflow_task_state
    if task_state is None:
        messages.warning(request, f"“{item}”当前不在审核中。")
        return redirect("wagtailsnippets_catalog_certificateitem:edit", item.pk)
    task = task_state.task.specific
    draft = task_state.revision.as_object()
    live = item.live_revision.as_object() if item.live and item.live_revision_id else None
    actions = {name for name, _label, _modal in task.get_actions(draft, request.user)}
    form = ReviewForm(request.POST or None)
    if request.method == "POST":
        if not actions:
            return permission_denied(request)
        if form.is_valid():
            action = form.cleaned_data["action"]
            try:
                item_review(
                    user=request.user,
                    item=item,
                    action=action,
                    comment=form.cleaned_data["comment"],
                )
            except (PermissionDenied, ValidationError) as e:
                form.add_error(None, "; ".join(getattr(e, "messages", [str(e)])))
            else:
                item.refresh_from_db()
                if action == "reject":
                    messages.success(request, f"已将“{draft}”退回修改。")
                elif item.live and not item.has_unpublished_changes:
                    messages.success(request, f"“{draft}”审核通过，已发布到公开目录。")
                else:
                    messages.success(request, f"“{draft}”审核通过，已转入下一审核环节。")
                return redirect("wagtailadmin_home")
    changes = compare_items(live, draft)
    return TemplateResponse(
        request,
        "publishing/review.html",
        {
            "item": item,
            "draft": draft,
            "live": live,
            "task": task,
            "task_state": task_state,
            "is_final_step": isinstance(task, JusticeBureauReviewTask),
            "changes": changes,
            "changed_count": sum(c.changed for c in changes),
            "form": form,
            "can_approve": "approve" in actions,
            "can_reject": "reject" in actions,
            "blockers": publication_errors(draft),
            "why_not": "" if actions else _why_no_actions(item, draft, request.user, task),
            "submitted_by": task_state.workflow_state.requested_by,
            "page_title": f"审核：{draft}",
        },
    )


class CatalogRevisionForm(forms.Form):
    note = forms.CharField(
        label="本版说明",
        required=False,
        widget=forms.Textarea({"rows": 3}),
        help_text="例如：根据法律法规立改废情况动态调整。将显示在公开的目录版本页面上。",
    )


def catalog_revisions(request):
    """List catalog revisions; reviewers preview and publish the next one."""
    reviewer = is_reviewer(request.user)
    if not (reviewer or request.user.has_perm("publishing.view_catalogrevision")):
        return permission_denied(request)
    form = CatalogRevisionForm(request.POST or None)
    if request.method == "POST":
        if not reviewer:
            return permission_denied(request)
        if form.is_valid():
            try:
                revision = catalog_revision_publish(
                    user=request.user, note=form.cleaned_data["note"]
                )
            except ValidationError as e:
                form.add_error(None, e.messages[0])
            else:
                messages.success(request, f"已发布目录{revision.label}。")
                return redirect("catalog_revisions")
    pending = catalog_revision_preview() if reviewer else []
    changes = {
        label: [e for e in pending if e["change"] == value]
        for value, label in RevisionChange.choices
        if value != RevisionChange.UNCHANGED
    }
    return TemplateResponse(
        request,
        "publishing/catalog_revisions.html",
        {
            "revisions": revisions_with_counts(),
            "form": form,
            "can_publish": reviewer,
            "pending_changes": changes,
            "pending_total": sum(len(v) for v in changes.values()),
            "next_is_first": not CatalogRevision.objects.exists(),
            "page_title": "目录版本",
        },
    )
