"""Admin pages of the registry besides the snippet views: mark a document amended or repealed,
confirm it, its history, and the report of items to review (依据变更待复核)."""

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.admin.auth import permission_denied

from permissions.scope import Scope, filter_by_scope

from ..enums import DocumentStatus
from ..read_views import read_url, user_may_edit
from ..text import CleanTextFormMixin
from ..views import history_rows
from .models import LegalArticle, LegalDocument, LegalDocumentName, ReviewFlag
from .services import (
    legal_document_set_status,
    legal_document_verify,
    review_flag_resolve,
    user_may_manage_registry,
)


def _edit_url(document) -> str:
    return reverse(document.snippet_viewset.get_url_name("edit"), args=[document.pk])


def _read_url(document) -> str:
    return reverse(document.snippet_viewset.get_url_name("inspect"), args=[document.pk])


class StatusForm(CleanTextFormMixin, forms.Form):
    status = forms.ChoiceField(
        label="时效性", choices=DocumentStatus.choices, widget=forms.RadioSelect
    )
    date = forms.DateField(
        label="修改或废止日期",
        required=False,
        help_text="已修改：修改（修正、修订）决定施行的日期；已废止：废止的日期。",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    note = forms.CharField(
        label="说明",
        required=False,
        widget=forms.Textarea({"rows": 3}),
        help_text="例如：被《……》取代；修改了第几条。将显示在引用它的公开事项页面上。",
    )


def legal_document_status(request, pk):
    """Mark a document 现行有效, 已修改 or 已废止; amended or repealed flags the items citing it."""
    document = get_object_or_404(LegalDocument, pk=pk)
    if not user_may_manage_registry(request.user):
        return permission_denied(request)
    initial = {
        "status": document.status,
        "date": document.status_date,
        "note": document.status_note,
    }
    form = StatusForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            flags = legal_document_set_status(
                user=request.user,
                document=document,
                status=form.cleaned_data["status"],
                date=form.cleaned_data["date"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                for error in errors:
                    form.add_error(field if field in form.fields else None, error)
        else:
            document.refresh_from_db()
            label = document.get_status_display()
            if flags:
                messages.warning(
                    request,
                    f"{document}已标记为{label}：引用它的 {len(flags)} 个已发布证明事项"
                    "已标记为需复核，相关部门和审核员会在首页看到。",
                )
            else:
                messages.success(request, f"{document}已标记为{label}。")
            return redirect(_edit_url(document))
    citing = document.citations.filter(item__live=True).values("item").distinct().count()
    return TemplateResponse(
        request,
        "catalog/legal/status.html",
        {
            "page_title": f"标记修改或废止：{document}",
            "document": document,
            "form": form,
            "citing": citing,
            "back_url": _edit_url(document),
        },
    )


def legal_document_confirm(request, pk):
    """What confirming means, and the button (POST confirms)."""
    document = get_object_or_404(LegalDocument, pk=pk)
    if not user_may_manage_registry(request.user):
        return permission_denied(request)
    if request.method == "POST":
        try:
            legal_document_verify(user=request.user, document=document)
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            messages.success(request, f"已确认{document}。")
        return redirect(_edit_url(document))
    return TemplateResponse(
        request,
        "catalog/legal/verify.html",
        {"page_title": f"确认：{document}", "document": document, "back_url": _edit_url(document)},
    )


def legal_document_history(request, pk):
    """The document's simple-history, with its short names and articles, newest first."""
    document = get_object_or_404(LegalDocument, pk=pk)
    if not request.user.has_perm("catalog.view_legaldocument"):
        return permission_denied(request)
    rows = [
        *history_rows(LegalDocument, document.history.all()),
        *_child_rows(LegalDocumentName, document, "别名"),
        *_child_rows(LegalArticle, document, "条文"),
    ]
    rows.sort(key=lambda row: row.when, reverse=True)
    return TemplateResponse(
        request,
        "catalog/admin/record_history.html",
        {"page_title": f"变更记录：{document}", "rows": rows},
    )


def _child_rows(model, document, what: str):
    """History rows of a document's short names or articles, each named in its change."""
    records = model.history.filter(document_id=document.pk)
    rows = []
    for child_id in sorted(set(records.values_list("id", flat=True))):
        child_records = records.filter(id=child_id)
        last = child_records.order_by("history_date", "history_id").last()
        label = getattr(last, "name", "") or getattr(last, "article", "")
        for row in history_rows(model, child_records):
            row.change_type = f"{what}“{label}”：{row.change_type}"
            rows.append(row)
    return rows


# --- review flags (需复核) ---------------------------------------------------------------------


@dataclass
class FlagRow:
    flag: ReviewFlag
    item_url: str
    document_url: str


class ResolveForm(CleanTextFormMixin, forms.Form):
    flag = forms.IntegerField(widget=forms.HiddenInput)
    resolution = forms.CharField(label="复核结论", max_length=300)


def visible_flags(user):
    """The flags of the items the user may see (their departments, or all)."""
    flags = ReviewFlag.objects.select_related("item__department", "document", "resolved_by")
    return filter_by_scope(flags, user, Scope.VIEW, field="item__department")


def review_flags(request):
    """依据变更待复核: items whose cited document was amended or repealed (open or all)."""
    if not request.user.has_perm("catalog.view_certificateitem"):
        return permission_denied(request)
    show_all = request.GET.get("show") == "all"
    flags = visible_flags(request.user)
    if not show_all:
        flags = flags.open()
    may_resolve = user_may_manage_registry(request.user)
    form = ResolveForm(request.POST or None)
    if request.method == "POST":
        if not may_resolve:
            return permission_denied(request)
        if form.is_valid():
            flag = get_object_or_404(visible_flags(request.user), pk=form.cleaned_data["flag"])
            try:
                review_flag_resolve(
                    user=request.user, flag=flag, resolution=form.cleaned_data["resolution"]
                )
            except ValidationError as exc:
                messages.error(request, "；".join(exc.messages))
            else:
                messages.success(request, f"已完成“{flag.item}”的复核。")
                return redirect("review_flags")
        else:
            messages.error(request, "请填写复核结论。")
    page = Paginator(flags.order_by("resolved_at", "-raised_at", "-pk"), 50).get_page(
        request.GET.get("p")
    )
    rows = [
        FlagRow(
            flag=flag,
            item_url=(
                reverse("wagtailsnippets_catalog_certificateitem:edit", args=[flag.item_id])
                if user_may_edit(request.user, flag.item)
                else read_url(flag.item)
            ),
            document_url=_read_url(flag.document),
        )
        for flag in page
    ]
    return TemplateResponse(
        request,
        "catalog/legal/review_flags.html",
        {
            "page_title": "依据变更待复核",
            "rows": rows,
            "page": page,
            "show_all": show_all,
            "may_resolve": may_resolve,
        },
    )
