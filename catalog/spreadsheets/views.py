"""Admin pages of the catalog (附件4) spreadsheets, and the public download.

Import is upload → preview → confirm (see ``uploads`` for the waiting upload); confirming
re-runs the import in one transaction and refuses if the outcome is no longer the one the
clerk saw. The 附件2 pages are in ``contacts_views``.
"""

from functools import cached_property

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_POST
from wagtail.admin.widgets.button import HeaderButton

from accounts.enums import AuditAction
from accounts.services import audit_record
from catalog.models import Department, ImportKind
from catalog.selectors import CatalogFilters
from permissions.policy import departments_user_can_edit, departments_user_can_view
from permissions.scope import ALL, Scope, department_ids

from .export import (
    CSV,
    XLSX,
    CatalogSelection,
    ExportRefused,
    catalog_file,
    draft_selection,
    published_selection,
    revision_selection,
    user_may_export_drafts,
)
from .job_views import catalog_preview, queue_import
from .layout import ANNEX4
from .reading import MAX_BYTES, MAX_DATA_ROWS, SpreadsheetRefused
from .services import (
    catalog_import,
    user_may_import_items,
    user_may_manage_departments,
)
from .uploads import (
    UploadFormMixin,
    UploadLimit,
    deny,
    download,
    forget,
    preview,
    read_upload,
    renew,
    stash,
    unstash,
)

FORMAT_CHOICES = [(XLSX, "Excel 工作簿（.xlsx）"), (CSV, "CSV 文本（.csv，UTF-8）")]


FILE_HELP = (
    f"附件4格式的 .xlsx、.xls 或 .csv（UTF-8或GBK编码），最大 {MAX_BYTES // (1024 * 1024)} MB、"
    f"{MAX_DATA_ROWS:,} 行。表格上方可以有标题和“单位（盖章）、填表人、电话、填表日期”等行。"
)


class CatalogUploadForm(UploadFormMixin, forms.Form):
    department = forms.ModelChoiceField(
        label="导入到单位",
        queryset=Department.objects.none(),
        empty_label=None,
        help_text="表格中没有“实施机关：单位名称”分组行的数据都导入到这个单位。",
        error_messages={"invalid_choice": "只能导入到您有权编辑的单位。"},
    )
    file = forms.FileField(label="表格文件", help_text=FILE_HELP, required=False)
    submit_for_review = forms.BooleanField(
        label="导入后提交审核",
        required=False,
        initial=True,
        help_text="修改过、且符合提交要求的事项导入后直接提交司法局审核；新增事项需先在系统中补充"
        "告知内容（附件3），不会自动提交。",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments_user_can_edit(user)


# --- certificate items (附件4) ---------------------------------------------------------------


@csrf_exempt
def catalog_import_upload(request):
    limit = UploadLimit(request)
    if request.method == "POST":
        request.upload_handlers.insert(0, limit)
    return _catalog_import_upload(request, limit)


@csrf_protect
def _catalog_import_upload(request, limit):
    if not user_may_import_items(request.user):
        return deny(request, "您没有导入证明事项的权限：只有部门编辑和司法局审核员可以导入。")
    form = CatalogUploadForm(
        request.POST or None, request.FILES or None, user=request.user, too_large=limit.exceeded
    )
    if request.method == "POST" and (upload := read_upload(form)):
        data, filename = upload
        department = form.cleaned_data["department"]
        submit = form.cleaned_data["submit_for_review"]
        try:
            report = catalog_import(
                user=request.user,
                data=data,
                filename=filename,
                department=department,
                submit=submit,
            )
        except (SpreadsheetRefused, PermissionDenied) as exc:
            form.add_error("file", str(exc))
        else:
            token = (
                ""
                if report.has_errors
                else stash(
                    request,
                    data,
                    filename,
                    report,
                    kind=ImportKind.CATALOG,
                    department=department,
                    submit=submit,
                )
            )
            return preview(
                request,
                report,
                token=token,
                confirm_url=reverse("catalog_import_confirm"),
                back_url=reverse("catalog_import"),
                title=f"导入预览：{department.name}",
            )
    return TemplateResponse(
        request,
        "catalog/spreadsheets/upload.html",
        {
            "page_title": "导入证明事项目录（附件4）",
            "form": form,
            "template_url": reverse("catalog_export") + "?kind=template",
            "layout": ANNEX4,
        },
    )


@require_POST
def catalog_import_confirm(request):
    if not user_may_import_items(request.user):
        return deny(request)
    token, pending, why = unstash(request, kind=ImportKind.CATALOG)
    if pending is None:
        messages.error(request, why)
        return redirect("catalog_import")
    department = get_object_or_404(Department, pk=pending.department_id)
    if pending.rows > settings.SPREADSHEET_BACKGROUND_ROWS:
        return queue_import(pending)
    try:
        report = catalog_import(
            user=request.user,
            data=bytes(pending.data),
            filename=pending.filename,
            department=department,
            submit=pending.submit,
            commit=True,
            expected_digest=pending.digest,
        )
    except (SpreadsheetRefused, PermissionDenied) as exc:
        forget(token)
        messages.error(request, str(exc))
        return redirect("catalog_import")
    if not report.committed:
        messages.error(
            request,
            "没有导入任何内容：自预览以来系统中的数据有了变化，请核对下面的最新预览后重新确认。"
            if report.stale
            else "没有导入任何内容：有的行有错误。",
        )
        if report.has_errors:
            forget(token)
            token = ""
        else:
            renew(pending, report)
        return catalog_preview(request, report, token, department)
    forget(token)
    _imported_message(request, report.filename, report.counts, report.submitted)
    listing = reverse("wagtailsnippets_catalog_certificateitem:list")
    return redirect(f"{listing}?department={department.pk}")


def _imported_message(request, filename, counts, submitted) -> None:
    submitted = f"，其中 {submitted} 个已提交审核" if submitted else ""
    messages.success(
        request,
        f"已从“{filename}”导入：新增 {counts['new']} 个草稿，修改 {counts['changed']} 个"
        f"{submitted}；{counts['unchanged']} 个无变化。",
    )


class ExportForm(forms.Form):
    kind = forms.ChoiceField(
        label="导出内容",
        widget=forms.RadioSelect,
        initial="published",
        choices=[
            ("published", "已发布的目录（与公开网站一致）"),
            ("draft", "本单位的当前版本（含未经审核的草稿）"),
            ("revision", "某一目录版本"),
            ("template", "空白的附件4模板"),
        ],
    )
    department = forms.ModelChoiceField(
        label="单位",
        queryset=Department.objects.none(),
        required=False,
        empty_label="全旗所有单位",
        error_messages={"invalid_choice": "只能选择您有权查看的单位。"},
    )
    revision = forms.ModelChoiceField(
        label="目录版本", queryset=None, required=False, empty_label="请选择目录版本"
    )
    format = forms.ChoiceField(label="格式", choices=FORMAT_CHOICES, initial=XLSX)

    def __init__(self, *args, user, **kwargs):
        from publishing.models import CatalogRevision

        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["department"].queryset = departments_user_can_view(user)
        self.fields["revision"].queryset = CatalogRevision.objects.all()
        if department_ids(user, Scope.VIEW) is not ALL:
            # A department's own staff export their own catalog (a file they can import back
            # without other units' rows); the whole banner stays one choice away.
            own = self.fields["department"].queryset.first()
            if own is not None:
                self.initial["department"] = own.pk

    def clean(self):
        cleaned = super().clean()
        kind, department = cleaned.get("kind"), cleaned.get("department")
        if kind == "draft" and "department" not in self.errors:
            if department is None:
                self.add_error("department", "导出草稿时请选择单位。")
            elif not user_may_export_drafts(self.user, department):
                self.add_error("department", f"您没有权限导出“{department.name}”的草稿。")
        if kind == "revision" and cleaned.get("revision") is None:
            self.add_error("revision", "请选择要导出的目录版本。")
        return cleaned

    def selection(self) -> CatalogSelection:
        data = self.cleaned_data
        kind, department = data["kind"], data.get("department")
        if kind == "draft":
            return draft_selection(user=self.user, department=department)
        if kind == "revision":
            return revision_selection(revision=data["revision"], department=department)
        if kind == "template":
            selection = published_selection(
                filters=CatalogFilters(department=department.pk if department else None)
            )
            selection.rows, selection.stem = [], "附件4模板（实行告知承诺制的证明事项目录）"
            return selection
        return published_selection(
            filters=CatalogFilters(department=department.pk if department else None)
        )


@require_GET
def catalog_export(request):
    if not request.user.has_perm("catalog.view_certificateitem"):
        return deny(request)
    form = ExportForm(request.GET if "kind" in request.GET else None, user=request.user)
    if form.is_bound and form.is_valid():
        selection, data = form.selection(), form.cleaned_data
        audit_record(
            AuditAction.EXPORT,
            request=request,
            obj=data.get("department"),
            object_label=selection.stem,
            detail={"file": "附件4", "kind": data["kind"], "rows": len(selection.rows)},
        )
        return download(catalog_file(selection, data["format"]))
    return TemplateResponse(
        request,
        "catalog/spreadsheets/export.html",
        {"page_title": "导出证明事项目录（附件4）", "form": form},
    )


# --- listing buttons ---------------------------------------------------------------------------


class ItemSpreadsheetButtons:
    """导入表格 / 导出附件4 in the header of the certificate item listing."""

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if user_may_import_items(self.request.user):
            buttons.append(
                HeaderButton("导入表格", url=reverse("catalog_import"), icon_name="upload")
            )
        buttons.append(
            HeaderButton("导出附件4", url=reverse("catalog_export"), icon_name="download")
        )
        return buttons


class DepartmentSpreadsheetButtons:
    """导入 / 导出联络员信息 in the header of the department listing (administrators)."""

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        user = self.request.user
        if user_may_manage_departments(user):
            url = reverse("departments_import")
            buttons.append(HeaderButton("导入联络员信息", url=url, icon_name="upload"))
        if user.has_perm("catalog.view_department"):
            url = reverse("departments_export") + "?format=xlsx"
            buttons.append(HeaderButton("导出联络员信息", url=url, icon_name="download"))
        return buttons


# --- the public download ------------------------------------------------------------------------


@require_GET
def public_catalog_export(request):
    """The published catalog as a file: whole banner, a unit level, a department, a revision."""
    from publishing.models import CatalogRevision

    fmt = request.GET.get("format", XLSX)
    if fmt not in (XLSX, CSV):
        return HttpResponseBadRequest(
            "不支持的格式，请选择 xlsx 或 csv。", content_type="text/plain; charset=utf-8"
        )
    filters = CatalogFilters.from_query(request.GET)
    try:
        if request.GET.get("revision"):
            try:
                revision = get_object_or_404(CatalogRevision, pk=int(request.GET["revision"]))
            except ValueError:
                raise Http404("没有这个目录版本") from None
            department = (
                get_object_or_404(Department, pk=filters.department) if filters.department else None
            )
            selection = revision_selection(revision=revision, department=department)
        else:
            selection = published_selection(filters=filters)
    except ExportRefused as exc:
        raise Http404(str(exc)) from exc
    return download(catalog_file(selection, fmt))
