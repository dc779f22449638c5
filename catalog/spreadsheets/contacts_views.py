"""Admin pages for the departments' 附件2 liaison table: import (administrators) and export."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_POST

from accounts.enums import AuditAction
from accounts.services import audit_record
from catalog.models import ImportKind

from .export import XLSX, ExportRefused, departments_file
from .reading import MAX_BYTES, SpreadsheetRefused
from .services import departments_import, user_may_manage_departments
from .uploads import (
    UploadFormMixin,
    UploadLimit,
    commit_waiting,
    deny,
    download,
    preview,
    read_upload,
    stash,
)


class DepartmentUploadForm(UploadFormMixin, forms.Form):
    file = forms.FileField(
        label="联络员信息表（附件2）",
        help_text=f".xlsx、.xls 或 .csv，最大 {MAX_BYTES // (1024 * 1024)} MB。"
        "按单位名称匹配已有单位，表中没有的单位将新增。",
        required=False,
    )


@csrf_exempt
def departments_import_upload(request):
    limit = UploadLimit(request)
    if request.method == "POST":
        request.upload_handlers.insert(0, limit)
    return _departments_import_upload(request, limit)


@csrf_protect
def _departments_import_upload(request, limit):
    if not user_may_manage_departments(request.user):
        return deny(request, "只有系统管理员可以导入实施机关和联络员信息。")
    form = DepartmentUploadForm(
        request.POST or None, request.FILES or None, too_large=limit.exceeded
    )
    if request.method == "POST" and (upload := read_upload(form)):
        data, filename = upload
        try:
            report = departments_import(user=request.user, data=data, filename=filename)
        except (SpreadsheetRefused, PermissionDenied) as exc:
            form.add_error("file", str(exc))
        else:
            token = (
                ""
                if report.has_errors
                else stash(request, data, filename, report, kind=ImportKind.DEPARTMENTS)
            )
            return preview(
                request,
                report,
                token=token,
                confirm_url=reverse("departments_import_confirm"),
                back_url=reverse("departments_import"),
                title="导入预览：实施机关与联络员信息",
            )
    return TemplateResponse(
        request,
        "catalog/spreadsheets/upload.html",
        {
            "page_title": "导入实施机关与联络员信息（附件2）",
            "form": form,
            "template_url": reverse("departments_export") + "?format=xlsx",
        },
    )


@require_POST
def departments_import_confirm(request):
    if not user_may_manage_departments(request.user):
        return deny(request, "只有系统管理员可以导入实施机关和联络员信息。")
    report = commit_waiting(request, kind=ImportKind.DEPARTMENTS, importer=departments_import)
    if report is None:
        return redirect("departments_import")
    counts = report.counts
    messages.success(
        request,
        f"已导入联络员信息：新增 {counts['new']} 个单位，更新 {counts['changed']} 个单位，"
        f"{counts['unchanged']} 个无变化。",
    )
    return redirect("wagtailsnippets_catalog_department:list")


@require_GET
def departments_export(request):
    try:
        export = departments_file(request.user, request.GET.get("format", XLSX))
    except PermissionDenied as exc:
        return deny(request, str(exc))
    except ExportRefused as exc:
        return HttpResponseBadRequest(str(exc), content_type="text/plain; charset=utf-8")
    audit_record(
        AuditAction.EXPORT,
        request=request,
        object_type="catalog.department",
        object_label="附件2 实施机关联络员信息（含手机号码）",
        detail={"file": "附件2", "format": request.GET.get("format", XLSX)},
    )
    return download(export)
