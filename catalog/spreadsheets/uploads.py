"""What the admin's spreadsheet pages share: the upload limit, the waiting upload, the preview.

An upload waits between preview and confirmation in the cache (shared by all app servers when
``CACHE_URL`` is set) under a random token bound to the user, with the fingerprint of the
preview, for an hour.
"""

import secrets
from io import BytesIO

from django import forms
from django.contrib import messages
from django.core.cache import cache
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import FileResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from .reading import MAX_BYTES

UPLOAD_TTL = 60 * 60
CACHE_PREFIX = "spreadsheet-import:"
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


def stash(request, data: bytes, filename: str, report, **extra) -> str:
    """Keep an upload until it is confirmed; returns the token that names it."""
    token = secrets.token_urlsafe(24)
    cache.set(
        CACHE_PREFIX + token,
        {
            "user": request.user.pk,
            "data": data,
            "filename": filename,
            "digest": report.digest,
            **extra,
        },
        UPLOAD_TTL,
    )
    return token


def unstash(request):
    """(token, the waiting upload) for the token posted; ``None`` if gone or someone else's."""
    token = request.POST.get("token", "")
    waiting = cache.get(CACHE_PREFIX + token) if token else None
    if not waiting or waiting["user"] != request.user.pk:
        return token, None
    return token, waiting


def forget(token: str) -> None:
    cache.delete(CACHE_PREFIX + token)


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
