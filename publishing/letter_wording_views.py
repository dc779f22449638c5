"""Admin pages of the letter wording (告知承诺书文本, docs/adr/024-letter-wording.md): the
overview with the published versions, one version's texts, and the review screen (the draft
against the version in force, then approve or send back)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.admin.auth import permission_denied

from catalog.letters import services as wording_services
from catalog.letters.selectors import current_letter_wording_version
from catalog.letters.services import letter_wording_ensure
from catalog.letters.wording import FIELDS_BY_NAME, WORDING_FIELD_NAMES
from catalog.models import LetterWordingVersion
from catalog.textdiff import inline_diff

from .models import is_own_submission
from .views import ReviewForm

VIEW_PERMISSION = "catalog.view_letterwording"


def _may_view(user) -> bool:
    return user.is_active and user.has_perm(VIEW_PERMISSION)


def _name(user, missing="系统安装") -> str:
    """Who did it; version 1 was installed by the system (no user)."""
    if user is None:
        return missing
    return user.get_full_name() or user.get_username()


def _version_row(version) -> tuple:
    """(version, who submitted it, who approved it)."""
    return version, _name(version.submitted_by), _name(version.approved_by)


def _edit_url(wording) -> str:
    return reverse("wagtailsnippets_catalog_letterwording:edit", args=[wording.pk])


def _state(wording) -> dict:
    """The review state of the draft, in the words of the overview."""
    state = wording.current_workflow_state
    if state and state.status == state.STATUS_IN_PROGRESS:
        return {"label": "审核中", "state": state, "by": _name(state.requested_by), "comment": ""}
    if state and state.status == state.STATUS_NEEDS_CHANGES:
        task_state = state.current_task_state
        comment = task_state.comment if task_state else ""
        return {
            "label": "已退回修改",
            "state": state,
            "by": _name(state.requested_by),
            "comment": comment,
        }
    if wording.has_unpublished_changes:
        return {"label": "有未提交审核的修改", "state": None, "by": "", "comment": ""}
    return {"label": "与现行版本一致", "state": None, "by": "", "comment": ""}


def _user_actions(wording, user) -> set[str]:
    task_state = wording.current_workflow_task_state
    if task_state is None:
        return set()
    draft = task_state.revision.as_object()
    return {name for name, _label, _modal in task_state.task.specific.get_actions(draft, user)}


def letter_wording_overview(request):
    if not _may_view(request.user):
        return permission_denied(request)
    wording = letter_wording_ensure()
    current = current_letter_wording_version()
    user = request.user
    return TemplateResponse(
        request,
        "publishing/letter_wording/overview.html",
        {
            "page_title": "告知承诺书文本",
            "current": current,
            "current_approved_by": _name(current.approved_by),
            "versions": [
                _version_row(v)
                for v in LetterWordingVersion.objects.select_related("submitted_by", "approved_by")
            ],
            "state": _state(wording),
            "has_changes": wording.has_unpublished_changes,
            "edit_url": _edit_url(wording) if user.has_perm("catalog.change_letterwording") else "",
            "review_url": reverse("letter_wording_review") if _user_actions(wording, user) else "",
        },
    )


def letter_wording_version(request, number):
    if not _may_view(request.user):
        return permission_denied(request)
    version = get_object_or_404(
        LetterWordingVersion.objects.select_related("submitted_by", "approved_by"), number=number
    )
    return TemplateResponse(
        request,
        "publishing/letter_wording/version.html",
        {
            "page_title": version.label,
            "version": version,
            "submitted_by": _name(version.submitted_by),
            "approved_by": _name(version.approved_by),
            "texts": version.fields_in_order(),
        },
    )


def _changes(current, draft) -> list[dict]:
    """Every text of ``draft`` against the version ``current``, with the inline diff."""
    rows = []
    for name in WORDING_FIELD_NAMES:
        old, new = current.texts.get(name, ""), getattr(draft, name)
        rows.append(
            {
                "label": FIELDS_BY_NAME[name].label,
                "changed": old != new,
                "diff": inline_diff(old, new),
            }
        )
    return rows


def letter_wording_compare(request):
    """The latest draft (submitted or not) against the version in force."""
    if not _may_view(request.user):
        return permission_denied(request)
    wording = letter_wording_ensure()
    current = current_letter_wording_version()
    draft = wording.get_latest_revision_as_object()
    rows = _changes(current, draft)
    return TemplateResponse(
        request,
        "publishing/letter_wording/compare.html",
        {
            "page_title": "告知承诺书文本的修改",
            "current": current,
            "rows": rows,
            "changed_count": sum(r["changed"] for r in rows),
        },
    )


def _why_not(wording, draft, user, task) -> str:
    if not task.user_may_review(draft, user):
        return "只有司法局审核员可以审核告知承诺书文本。"
    if is_own_submission(wording, user):
        return "这是您提交或修改的文本，须由另一名司法局审核员审核。"
    return "您不能审核该文本。"


def letter_wording_review(request):
    """The draft under review against the version in force, field by field, then a decision."""
    if not _may_view(request.user):
        return permission_denied(request)
    wording = letter_wording_ensure()
    task_state = wording.current_workflow_task_state
    if task_state is None:
        messages.warning(request, "告知承诺书文本当前不在审核中。")
        return redirect("letter_wording")
    task = task_state.task.specific
    draft = task_state.revision.as_object()
    current = current_letter_wording_version()
    actions = _user_actions(wording, request.user)
    form = ReviewForm(request.POST or None)
    if request.method == "POST":
        if not actions:
            return permission_denied(request)
        if form.is_valid():
            action = form.cleaned_data["action"]
            try:
                version = wording_services.letter_wording_review(
                    user=request.user, action=action, comment=form.cleaned_data["comment"]
                )
            except (PermissionDenied, ValidationError) as e:
                form.add_error(None, "；".join(getattr(e, "messages", [str(e)])))
            else:
                if version is not None and version.pk != current.pk:
                    messages.success(request, f"已审核通过，发布为{version.label}。")
                elif action == "approve":
                    messages.success(request, "已审核通过。")
                else:
                    messages.success(request, "已退回修改。")
                return redirect("letter_wording")
    rows = _changes(current, draft)
    latest = wording.latest_revision
    return TemplateResponse(
        request,
        "publishing/letter_wording/review.html",
        {
            "page_title": "审核：告知承诺书文本",
            "current": current,
            "next_number": current.number + 1,
            "rows": rows,
            "changed_count": sum(r["changed"] for r in rows),
            "form": form,
            "task": task,
            "submitted_by": _name(task_state.workflow_state.requested_by),
            "revision": task_state.revision,
            "written_by": _name(task_state.revision.user),
            "edited_since": latest if latest and latest.pk != task_state.revision_id else None,
            "can_approve": "approve" in actions,
            "can_reject": "reject" in actions,
            "why_not": "" if actions else _why_not(wording, draft, request.user, task),
        },
    )
