"""What the admin's spreadsheet pages share: the upload limit, the waiting upload, the preview.

An upload waits between preview and confirmation as a ``PendingImport`` row (in the database,
so every app server and the task worker see it, and no process holds the file in memory) under
a random token bound to the user, with the fingerprint of the preview, for an hour. A user
keeps at most ``MAX_PENDING_PER_USER`` waiting uploads of each kind: a further upload replaces
the oldest, whose confirmation then says so.
"""

import secrets
from io import BytesIO

from django import forms
from django.contrib import messages
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.db import transaction
from django.http import FileResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone

from catalog.models import ImportStatus, PendingImport
from catalog.models.imports import MAX_PENDING_PER_USER, UPLOAD_TTL

from .reading import MAX_BYTES

NOT_ALLOWED = "您没有权限使用该功能。"
TOO_LARGE = f"文件超过 {MAX_BYTES // (1024 * 1024)} MB，没有读取。请按单位拆分后分别导入。"


def deny(request, message=NOT_ALLOWED):
    messages.error(request, message)
    return redirect("wagtailadmin_home")


def download(export) -> FileResponse:
    response = FileResponse(
        BytesIO(export.content),
        as_attachment=True,
        filename=export.filename,
        content_type=export.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


class UploadLimit(FileUploadHandler):
    """Stops reading an upload past ``MAX_BYTES`` so that a huge file costs neither memory
    nor disk; the view then says the file is too large."""

    def __init__(self, request=None):
        super().__init__(request)
        self.received = 0
        self.exceeded = False

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > MAX_BYTES:
            self.exceeded = True
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size):
        return None


class UploadFormMixin:
    """The file field: required, and refused as a whole when the upload was cut off."""

    def __init__(self, *args, too_large=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.too_large = too_large

    def clean_file(self):
        if self.too_large:
            raise forms.ValidationError(TOO_LARGE)
        upload = self.cleaned_data.get("file")
        if not upload:
            raise forms.ValidationError("请选择要上传的表格文件。")
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(TOO_LARGE)
        return upload


GONE = "预览已过期或不存在，请重新上传表格。"
REPLACED = (
    f"这次导入的预览已被您之后上传的表格取代（每人最多保留 {MAX_PENDING_PER_USER} 个待确认的导入，"
    f"每个保留 {UPLOAD_TTL.seconds // 3600} 小时），没有导入任何内容。请重新上传表格。"
)


@transaction.atomic
def stash(request, data: bytes, filename: str, report, *, kind, department=None, submit=False):
    """Keep an upload until it is confirmed; returns the token that names it.

    Expired uploads of anyone are dropped on the way; of the user's own waiting uploads of this
    kind, the oldest beyond the quota are replaced (their token then answers ``REPLACED``).
    """
    PendingImport.objects.expired().delete()
    waiting = PendingImport.objects.filter(
        user=request.user, kind=kind, status=ImportStatus.PREVIEW
    ).order_by("-created_at", "-pk")
    for old in waiting[MAX_PENDING_PER_USER - 1 :]:
        old.status, old.data = ImportStatus.FAILED, b""
        old.finished_at = old.created_at
        old.outcome = {"replaced": True, "message": REPLACED}
        old.save(update_fields=["status", "data", "finished_at", "outcome"])
    pending = PendingImport.objects.create(
        token=secrets.token_urlsafe(24),
        user=request.user,
        kind=kind,
        department=department,
        submit=submit,
        filename=filename[:255],
        data=data,
        size=len(data),
        rows=len(report.rows),
        digest=report.digest,
    )
    return pending.token


def unstash(request, *, kind) -> tuple[str, PendingImport | None, str]:
    """(token, the waiting upload, why not) for the token posted: the upload is ``None`` when
    it expired, was replaced, is someone else's or was already confirmed."""
    token = request.POST.get("token", "")
    pending = (
        PendingImport.objects.filter(token=token, user=request.user, kind=kind).first()
        if token
        else None
    )
    if pending is None or pending.created_at < timezone.now() - UPLOAD_TTL:
        return token, None, GONE
    if pending.status != ImportStatus.PREVIEW:
        return token, None, pending.outcome.get("message", GONE)
    return token, pending, ""


def renew(pending: PendingImport, report) -> str:
    """The same upload waits again for a new preview (the data changed meanwhile)."""
    pending.digest = report.digest
    pending.rows = len(report.rows)
    pending.created_at = timezone.now()
    pending.save(update_fields=["digest", "rows", "created_at"])
    return pending.token


def forget(token: str) -> None:
    PendingImport.objects.filter(token=token, status=ImportStatus.PREVIEW).delete()


CHANGED_SINCE_PREVIEW = "没有导入任何内容：自预览以来数据有了变化或有的行有错误，请重新上传。"


def commit_waiting(request, *, kind, importer):
    """Import the upload waiting under the posted token with ``importer`` (all or nothing, the
    preview's fingerprint expected) and let it go. Returns the committed report, or None after
    saying in a message why nothing was imported (the upload is gone, or the data changed)."""
    token, waiting, why = unstash(request, kind=kind)
    if waiting is None:
        messages.error(request, why)
        return None
    report = importer(
        user=request.user,
        data=bytes(waiting.data),
        filename=waiting.filename,
        commit=True,
        expected_digest=waiting.digest,
    )
    forget(token)
    if not report.committed:
        messages.error(request, CHANGED_SINCE_PREVIEW)
        return None
    return report


def preview(request, report, *, token, confirm_url, back_url, title):
    return TemplateResponse(
        request,
        "catalog/spreadsheets/preview.html",
        {
            "page_title": title,
            "report": report,
            "token": token,
            "confirm_url": confirm_url,
            "back_url": back_url,
        },
    )


def read_upload(form):
    if not form.is_valid():
        return None
    upload = form.cleaned_data["file"]
    return upload.read(), upload.name
