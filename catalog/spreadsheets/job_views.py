"""Admin pages of background imports (ADR 011): the clerk's progress page, and a new preview
when a job was refused because the data changed after the first one."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from catalog.models import Department, ImportKind, ImportStatus, PendingImport

from .reading import SpreadsheetRefused
from .services import catalog_import, user_may_import_items
from .tasks import progress_of, run_catalog_import
from .uploads import deny, preview, renew

JOB_REFRESH_SECONDS = 3


def catalog_preview(request, report, token, department):
    return preview(
        request,
        report,
        token=token,
        confirm_url=reverse("catalog_import_confirm"),
        back_url=reverse("catalog_import"),
        title=f"导入预览：{department.name}",
    )


def queue_import(pending):
    """Hand a large import to the background worker and show its progress page."""
    pending.status = ImportStatus.QUEUED
    pending.save(update_fields=["status"])
    transaction.on_commit(lambda: run_catalog_import.enqueue(pending.pk))
    return redirect("catalog_import_job", token=pending.token)


@require_GET
def catalog_import_job(request, token):
    """The clerk's progress page of a background import: rows checked, then the outcome."""
    pending = get_object_or_404(
        PendingImport, token=token, user=request.user, kind=ImportKind.CATALOG
    )
    if pending.status == ImportStatus.PREVIEW:
        return redirect("catalog_import")
    progress = progress_of(pending) if not pending.finished else None
    return TemplateResponse(
        request,
        "catalog/spreadsheets/job.html",
        {
            "page_title": f"导入进度：{pending.filename}",
            "pending": pending,
            "progress": progress,
            "percent": (
                min(99, progress["done"] * 100 // max(pending.rows, 1)) if progress else None
            ),
            "listing_url": reverse("wagtailsnippets_catalog_certificateitem:list")
            + f"?department={pending.department_id}",
            "refresh_seconds": JOB_REFRESH_SECONDS,
        },
    )


@require_POST
def catalog_import_review(request):
    """A background import refused because the data changed meanwhile: preview again."""
    if not user_may_import_items(request.user):
        return deny(request)
    pending = PendingImport.objects.filter(
        token=request.POST.get("token", ""),
        user=request.user,
        kind=ImportKind.CATALOG,
        status=ImportStatus.FAILED,
        outcome__stale=True,
    ).first()
    if pending is None or not pending.data:
        messages.error(request, "预览已过期或不存在，请重新上传表格。")
        return redirect("catalog_import")
    department = get_object_or_404(Department, pk=pending.department_id)
    try:
        report = catalog_import(
            user=request.user,
            data=bytes(pending.data),
            filename=pending.filename,
            department=department,
            submit=pending.submit,
        )
    except (SpreadsheetRefused, PermissionDenied) as exc:
        messages.error(request, str(exc))
        return redirect("catalog_import")
    pending.status, pending.outcome, pending.finished_at = ImportStatus.PREVIEW, {}, None
    pending.save(update_fields=["status", "outcome", "finished_at"])
    token = renew(pending, report) if not report.has_errors else ""
    return catalog_preview(request, report, token, department)
