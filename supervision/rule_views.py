"""Admin pages of the units' rules (建章立制: 工作规程, 风险点与防控措施): the list of units in
the user's view scope with the version in force and the one under review, one unit's document
with every version (write or upload a new one, approve or return), and a version's file."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse

from catalog.models import Department
from permissions.scope import Scope, in_scope

from .access import may_read
from .documents import ALLOWED_LABEL, MAX_BYTES
from .enums import RuleKind, RuleStatus
from .models import RuleDocument
from .selectors import visible_departments
from .services import (
    rule_document_decide,
    rule_document_submit,
    user_may_decide_rules,
    user_may_submit_rules,
)
from .views import apply_errors, refused

READ_PERMISSION = "supervision.view_ruledocument"
OTHER_UNIT = "您没有权限查看该单位的规章制度：它属于您无权管理的单位。"


class RuleForm(forms.Form):
    text = forms.CharField(
        label="正文",
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text="可直接填写全文，也可上传文件（或两者都提供）。",
    )
    file = forms.FileField(
        label="文件",
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.doc,.docx,.xls,.xlsx"}),
        help_text=f"{ALLOWED_LABEL}，不超过 {MAX_BYTES >> 20} MB。",
    )
    note = forms.CharField(
        label="修订说明", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class RuleDecideForm(forms.Form):
    comment = forms.CharField(
        label="审核意见",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="退回时必填，写明需要修改的内容。",
    )


def _summary(documents) -> dict:
    """For one unit and kind: the version in force (latest approved) and the latest version."""
    documents = sorted(documents, key=lambda d: d.version, reverse=True)
    approved = next((d for d in documents if d.status == RuleStatus.APPROVED), None)
    return {"approved": approved, "latest": documents[0] if documents else None}


def rules_index(request):
    if not may_read(request.user, READ_PERMISSION):
        return refused(request)
    departments = list(visible_departments(request.user, request.GET.get("kind", "")))
    by_unit: dict[tuple[int, str], list] = {}
    for document in RuleDocument.objects.filter(department_id__in=[d.pk for d in departments]).only(
        "pk", "department_id", "kind", "version", "status", "decided_at", "submitted_at"
    ):
        by_unit.setdefault((document.department_id, document.kind), []).append(document)
    rows = [
        (
            d,
            [
                (kind, label, _summary(by_unit.get((d.pk, kind), [])))
                for kind, label in RuleKind.choices
            ],
        )
        for d in departments
    ]
    return TemplateResponse(
        request,
        "supervision/rules.html",
        {"page_title": "规章制度（建章立制）", "rows": rows, "kinds": RuleKind.choices},
    )


def rule_detail(request, department_pk: int, kind: str):
    user = request.user
    if not may_read(user, READ_PERMISSION):
        return refused(request)
    if kind not in RuleKind.values:
        raise Http404("没有这类文件")
    department = get_object_or_404(Department, pk=department_pk)
    if not in_scope(user, Scope.VIEW, department.pk):
        messages.error(request, OTHER_UNIT)
        return redirect("supervision_rules")
    versions = list(
        RuleDocument.objects.filter(department=department, kind=kind).select_related(
            "submitted_by", "decided_by"
        )
    )
    pending = next((d for d in versions if d.status == RuleStatus.SUBMITTED), None)
    submit_form, decide_form = RuleForm(), RuleDecideForm()
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "submit":
                submit_form = RuleForm(request.POST, request.FILES)
                if submit_form.is_valid():
                    rule_document_submit(
                        user=user,
                        department=department,
                        kind=kind,
                        text=submit_form.cleaned_data["text"],
                        file=submit_form.cleaned_data["file"],
                        note=submit_form.cleaned_data["note"],
                    )
                    messages.success(request, "已报送，等待司法局审定。")
                    return redirect(request.path)
            elif action in ("approve", "return"):
                decide_form = RuleDecideForm(request.POST)
                if decide_form.is_valid():
                    if pending is None:
                        raise ValidationError({"comment": ["没有待审核的版本。"]})
                    rule_document_decide(
                        user=user,
                        document=pending,
                        action=action,
                        comment=decide_form.cleaned_data["comment"],
                    )
                    messages.success(
                        request,
                        "已审定。" if action == "approve" else "已退回，请单位修改后重新报送。",
                    )
                    return redirect(request.path)
            else:
                raise PermissionDenied("无法识别的操作。")
        except PermissionDenied as exc:
            messages.error(request, str(exc))
            return redirect(request.path)
        except ValidationError as exc:
            apply_errors(submit_form if action == "submit" else decide_form, exc)
    summary = _summary(versions)
    label = RuleKind(kind).label
    return TemplateResponse(
        request,
        "supervision/rule_detail.html",
        {
            "page_title": f"{department.name} · {label}",
            "department": department,
            "kind_label": label,
            "versions": versions,
            "approved": summary["approved"],
            "pending": pending,
            "may_submit": pending is None and user_may_submit_rules(user, department.pk),
            "may_decide": pending is not None and user_may_decide_rules(user),
            "submit_form": submit_form,
            "decide_form": decide_form,
        },
    )


def rule_file(request, pk: int):
    """A version's uploaded file, to whoever may see the unit (never through /media/)."""
    if not may_read(request.user, READ_PERMISSION):
        raise Http404("文件不存在")
    document = get_object_or_404(RuleDocument, pk=pk)
    if not document.file or not in_scope(request.user, Scope.VIEW, document.department_id):
        raise Http404("文件不存在")
    try:
        handle = document.file.open("rb")
    except OSError as exc:
        raise Http404("文件不存在") from exc
    response = FileResponse(handle, as_attachment=True, filename=document.original_name)
    response["X-Content-Type-Options"] = "nosniff"
    return response
