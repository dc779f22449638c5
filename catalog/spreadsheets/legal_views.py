"""Admin pages for the registry of legal documents as a spreadsheet: import (reviewers), with a
preview and confirmation like the 附件4 import, and export (everyone who reads the registry)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_POST

from catalog.legal.services import user_may_manage_registry
from catalog.models import ImportKind

from .export import CSV, FORMATS, XLSX, ExportFile
from .legal_documents import TITLE, registry_import
from .legal_export import registry_csv, registry_xlsx
from .reading import MAX_BYTES, SpreadsheetRefused
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

NOT_ALLOWED = "只有司法局审核员可以导入法律文件库。"


class RegistryUploadForm(UploadFormMixin, forms.Form):
    file = forms.FileField(
        label="法律文件库表格",
        help_text=f".xlsx（“法律文件”和“条文”两个工作表）、.xls 或 .csv，最大 "
        f"{MAX_BYTES // (1024 * 1024)} MB。按名称或简称匹配已有文件，表中没有的文件将新增。",
        required=False,
    )


@csrf_exempt
def legal_documents_import_upload(request):
    limit = UploadLimit(request)
    if request.method == "POST":
        request.upload_handlers.insert(0, limit)
    return _upload(request, limit)


@csrf_protect
def _upload(request, limit):
    if not user_may_manage_registry(request.user):
        return deny(request, NOT_ALLOWED)
    form = RegistryUploadForm(request.POST or None, request.FILES or None, too_large=limit.exceeded)
    if request.method == "POST" and (upload := read_upload(form)):
        data, filename = upload
        try:
            report = registry_import(user=request.user, data=data, filename=filename)
        except (SpreadsheetRefused, PermissionDenied) as exc:
            form.add_error("file", str(exc))
        else:
            token = (
                ""
                if report.has_errors
                else stash(request, data, filename, report, kind=ImportKind.LEGAL_DOCUMENTS)
            )
            return preview(
                request,
                report,
                token=token,
                confirm_url=reverse("legal_documents_import_confirm"),
                back_url=reverse("legal_documents_import"),
                title=f"导入预览：{TITLE}",
            )
    return TemplateResponse(
        request,
        "catalog/spreadsheets/upload.html",
        {
            "page_title": f"导入{TITLE}",
            "form": form,
            "template_url": reverse("legal_documents_export") + "?format=xlsx",
        },
    )


@require_POST
def legal_documents_import_confirm(request):
    if not user_may_manage_registry(request.user):
        return deny(request, NOT_ALLOWED)
    report = commit_waiting(request, kind=ImportKind.LEGAL_DOCUMENTS, importer=registry_import)
    if report is None:
        return redirect("legal_documents_import")
    counts = report.counts
    messages.success(
        request,
        f"已导入{TITLE}：新增 {counts['new']} 行，更新 {counts['changed']} 行，"
        f"{counts['unchanged']} 行无变化。" + "".join(report.warnings),
    )
    return redirect("wagtailsnippets_catalog_legaldocument:list")


@require_GET
def legal_documents_export(request):
    if not request.user.has_perm("catalog.view_legaldocument"):
        return deny(request)
    fmt = request.GET.get("format", XLSX)
    if fmt not in (XLSX, CSV):
        return HttpResponseBadRequest(
            "不支持的格式，请选择 xlsx 或 csv。", content_type="text/plain; charset=utf-8"
        )
    content = registry_xlsx() if fmt == XLSX else registry_csv()
    stem = f"{TITLE}（{timezone.localdate():%Y%m%d}）"
    return download(ExportFile(f"{stem}.{fmt}", content, FORMATS[fmt]))
