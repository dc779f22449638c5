"""Admin views of the justice bureau: review an item or a service guide against its published
version, publish a catalog revision."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail.admin.auth import permission_denied

from catalog.enums import DocumentStatus
from catalog.legal.selectors import missing_text_messages
from catalog.models import CertificateItem, ReviewFlag, ServiceGuide
from catalog.services import item_review
from catalog.text import CleanTextFormMixin
from catalog.validation import review_blockers
from catalog.viewsets import other_department_message
from catalog.workflow import review_route
from permissions.scope import Scope, in_scope, is_reviewer

from .diff import compare
from .enums import RevisionChange
from .models import (
    CatalogRevision,
    CountersignTask,
    JusticeBureauReviewTask,
    is_own_submission,
)
from .selectors import revisions_with_counts
from .services import (
    catalog_revision_preview,
    catalog_revision_publish,
    guide_withdraw,
    item_withdraw,
)


class ReviewForm(CleanTextFormMixin, forms.Form):
    action = forms.ChoiceField(choices=[("approve", "审核通过"), ("reject", "退回修改")])
    comment = forms.CharField(label="审核意见", required=False, widget=forms.Textarea({"rows": 4}))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") == "reject" and not (cleaned.get("comment") or "").strip():
            self.add_error("comment", "退回修改时必须填写意见，告诉编辑需要改什么。")
        return cleaned


REVIEW_URL_NAMES = {CertificateItem: "publishing_review", ServiceGuide: "publishing_review_guide"}


def review_url(obj) -> str:
    return reverse(REVIEW_URL_NAMES[type(obj)], args=[obj.pk])


def _snippet_url(obj, name: str) -> str:
    return reverse(obj.snippet_viewset.get_url_name(name), args=[obj.pk])


def _why_no_actions(obj, draft, user, task) -> str:
    if is_own_submission(obj, user):
        return "这是您本人提交或修改的版本，按规定不能由本人审核。"
    if not task.user_may_review(draft, user):
        return f"当前处于“{task.name}”环节，不需要您审核。"
    return ""


def _decision_message(obj, draft, action, model) -> str:
    """Where the decision took the record, in the reviewer's words."""
    if action == "reject":
        return f"已将“{draft}”退回修改，编辑会在“退回给我的”中看到您的意见。"
    if obj.live and not obj.has_unpublished_changes:
        where = "公开目录" if model is CertificateItem else "公开网站"
        return f"“{draft}”审核通过，已发布到{where}。"
    next_task = obj.current_workflow_task
    if next_task is None:
        return f"“{draft}”审核通过。"
    return f"“{draft}”审核通过，已转交“{next_task.name}”环节。"


def review_item(request, pk):
    """The reviewer's screen for a certificate item."""
    return _review(request, CertificateItem, pk)


def review_guide(request, pk):
    """The reviewer's screen for a service guide."""
    return _review(request, ServiceGuide, pk)


def _review(request, model, pk):
    """The change against the published version, field by field, then a decision."""
    obj = get_object_or_404(model.objects.select_related("department"), pk=pk)
    noun = model._meta.verbose_name
    task_state = obj.current_workflow_task_state
    # a countersigning department sees the records at its step (docs/adr/021-review-routes.md)
    countersigns = task_state is not None and isinstance(task_state.task.specific, CountersignTask)
    if countersigns:
        countersigns = task_state.task.specific.user_is_countersigner(request.user)
    if not (
        request.user.has_perm(f"catalog.view_{model._meta.model_name}")
        and (countersigns or in_scope(request.user, Scope.VIEW, obj.department_id))
    ):
        messages.error(request, other_department_message(model))
        return redirect("wagtailadmin_home")
    if task_state is None:
        messages.warning(request, f"“{obj}”当前不在审核中。")
        return redirect(_snippet_url(obj, "edit"))
    task = task_state.task.specific
    draft = task_state.revision.as_object()
    live = obj.live_revision.as_object() if obj.live and obj.live_revision_id else None
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
                    item=obj,
                    action=action,
                    comment=form.cleaned_data["comment"],
                )
            except (PermissionDenied, ValidationError) as e:
                form.add_error(None, "; ".join(getattr(e, "messages", [str(e)])))
            else:
                obj.refresh_from_db()
                messages.success(request, _decision_message(obj, draft, action, model))
                return redirect("wagtailadmin_home")
    changes = compare(live, draft)
    incomplete, flags, changed = [], [], {}
    if model is CertificateItem:
        bases = list(draft.legal_bases.all())
        incomplete = missing_text_messages(bases)
        flags = list(ReviewFlag.objects.open().filter(item=obj).select_related("document"))
        # the documents cited by the version under review, or by the flags, that were amended
        # or repealed: what the reviewer must check the bases against
        for document in [b.registry_document for b in bases] + [f.document for f in flags]:
            if document is not None and document.status != DocumentStatus.IN_FORCE:
                changed.setdefault(document.pk, document)
    latest = obj.latest_revision
    edited_since = latest if latest and latest.pk != task_state.revision_id else None
    return TemplateResponse(
        request,
        "publishing/review.html",
        {
            "item": obj,
            "noun": noun,
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
            "blockers": review_blockers(draft),
            "incomplete": incomplete,
            "flags": flags,
            "changed_documents": list(changed.values()),
            "why_not": "" if actions else _why_no_actions(obj, draft, request.user, task),
            "submitted_by": task_state.workflow_state.requested_by,
            "edited_since": edited_since,
            "route": review_route(obj),
            "history_url": _snippet_url(obj, "history"),
            "page_title": f"审核：{draft}",
        },
    )


class CatalogRevisionForm(CleanTextFormMixin, forms.Form):
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


# --- withdrawal (从目录中撤回) ------------------------------------------------------------------

WITHDRAWABLE = {"certificateitem": CertificateItem, "serviceguide": ServiceGuide}


class WithdrawForm(CleanTextFormMixin, forms.Form):
    reason = forms.CharField(
        label="撤回理由",
        widget=forms.Textarea({"rows": 4}),
        error_messages={"required": "请填写撤回理由，它会记录在案并在目录版本中说明。"},
    )


def withdraw(request, model_name, pk):
    """A reviewer takes a published item or guide off the public site, with a reason (the
    snippet's "unpublish" URL leads here, catalog.viewsets.WithdrawRedirectView)."""
    model = WITHDRAWABLE.get(model_name)
    if model is None:
        return permission_denied(request)
    obj = get_object_or_404(model.objects.select_related("department"), pk=pk)
    if not in_scope(request.user, Scope.VIEW, obj.department_id):
        messages.error(request, other_department_message(model))
        return redirect("wagtailadmin_home")
    if not is_reviewer(request.user):
        return permission_denied(request)
    listing = reverse(obj.snippet_viewset.get_url_name("list"))
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = listing
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        withdraw_service = item_withdraw if model is CertificateItem else guide_withdraw
        try:
            if model is CertificateItem:
                withdraw_service(item=obj, user=request.user, reason=form.cleaned_data["reason"])
            else:
                withdraw_service(guide=obj, user=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as e:
            form.add_error(None, e.messages[0])
        else:
            messages.success(request, f"已将“{obj}”从目录中撤回。")
            return redirect(next_url)
    return TemplateResponse(
        request,
        "publishing/withdraw.html",
        {
            "object": obj,
            "form": form,
            "is_item": model is CertificateItem,
            "next_url": next_url,
            "page_title": f"从目录中撤回：{obj}",
        },
    )
