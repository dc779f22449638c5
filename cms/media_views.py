"""Uploaded files (``MEDIA_ROOT``) are private: served here to signed-in staff only.

The only uploads are Wagtail images: the flow charts of service guides (originals under
``original_images/``, the admin's thumbnails under ``images/``). A draft's flow chart is not
public, and its file name is the name it had on the clerk's computer, so no web server serves
``/media/`` directly: the admin's thumbnails and originals come from this view, for users who
may use the admin, and the public gets a published guide's flow chart only through
``cms.guide_views.guide_flow_chart``, which checks that the guide is published. Anyone else
gets a 404, whether the file exists or not.
"""

import mimetypes
import posixpath

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

# Deliverables of supervision are served only by ``supervision.views.document_download``, which
# checks the unit's scope: never here, whoever asks.
# Served only through their own scoped views: complaint attachments (the complaint's admin
# page, its department) and supervision deliverables (the unit's scope).
SCOPED_FOLDERS = ("complaints/", "supervision/")


def user_may_see_uploads(user) -> bool:
    return bool(user.is_active and user.has_perm("wagtailadmin.access_admin"))


@require_GET
@never_cache
def private_media(request, path: str):
    if not user_may_see_uploads(request.user):
        raise Http404("文件不存在")
    name = posixpath.normpath(path)
    if name.startswith(("..", "/", *SCOPED_FOLDERS)) or name == ".":
        raise Http404("文件不存在")
    try:
        if not default_storage.exists(name):
            raise Http404("文件不存在")
        handle = default_storage.open(name, "rb")
    except (SuspiciousFileOperation, OSError) as exc:
        raise Http404("文件不存在") from exc
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(handle, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response
