"""Large confirmed imports run as background jobs (Django's task framework, django-tasks;
docs/adr/010-background-jobs.md).

A confirmation of more than ``SPREADSHEET_BACKGROUND_ROWS`` rows queues ``run_catalog_import``
on the ``imports`` backend instead of writing in the request: in production a database queue
read by ``manage.py db_worker``, in development and tests the immediate backend (it runs at once,
in the request). The job runs the very same ``catalog_import(commit=True)`` as the request: one
transaction, every row or none, refused if the outcome differs from the preview. Progress goes
to the cache (rows checked, then the writing stage) for the clerk's progress page; the outcome
is stored on the ``PendingImport`` row, whose file is then dropped.
"""

import logging

from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django_tasks import task

from catalog.models import ImportStatus, PendingImport

from .reading import SpreadsheetRefused
from .services import catalog_import

logger = logging.getLogger(__name__)

PROGRESS_PREFIX = "spreadsheet-import-progress:"
PROGRESS_TTL = 60 * 60 * 6
UNEXPECTED = (
    "导入时发生意外错误，没有导入任何内容。请稍后重新上传；如果再次出现，请联系系统管理员。"
)


def progress_of(pending: PendingImport) -> dict | None:
    """{"done": rows checked, "total": rows, "stage": "checking" | "writing"} while it runs."""
    return cache.get(PROGRESS_PREFIX + pending.token)


def _finish(pending: PendingImport, status: str, outcome: dict, *, keep_file=False) -> None:
    pending.status = status
    pending.outcome = outcome
    pending.finished_at = timezone.now()
    fields = ["status", "outcome", "finished_at"]
    if not keep_file:
        pending.data = b""
        fields.append("data")
    pending.save(update_fields=fields)
    cache.delete(PROGRESS_PREFIX + pending.token)


@task(backend="imports")
def run_catalog_import(pending_id: int) -> str:
    pending = PendingImport.objects.select_related("user", "department").get(pk=pending_id)
    if pending.status != ImportStatus.QUEUED:
        return pending.status  # already run (a job is never run twice)
    pending.status, pending.started_at = ImportStatus.RUNNING, timezone.now()
    pending.save(update_fields=["status", "started_at"])
    key = PROGRESS_PREFIX + pending.token

    def progress(done: int, stage: str) -> None:
        cache.set(key, {"done": done, "total": pending.rows, "stage": stage}, PROGRESS_TTL)

    progress(0, "checking")
    try:
        report = catalog_import(
            user=pending.user,
            data=bytes(pending.data),
            filename=pending.filename,
            department=pending.department,
            submit=pending.submit,
            commit=True,
            expected_digest=pending.digest,
            progress=progress,
        )
    except (SpreadsheetRefused, PermissionDenied) as exc:
        _finish(pending, ImportStatus.FAILED, {"message": f"没有导入任何内容：{exc}"})
        return ImportStatus.FAILED
    except Exception:
        logger.exception("background import %s failed", pending.pk)
        _finish(pending, ImportStatus.FAILED, {"message": UNEXPECTED})
        return ImportStatus.FAILED
    if report.committed:
        logger.info("background import %s: %s", pending.pk, report.summary())
        _finish(
            pending,
            ImportStatus.DONE,
            {"counts": report.counts, "submitted": report.submitted, "summary": report.summary()},
        )
        return ImportStatus.DONE
    if report.stale:
        message = "没有导入任何内容：自预览以来系统中的数据有了变化。请查看最新的预览后重新确认。"
        _finish(pending, ImportStatus.FAILED, {"message": message, "stale": True}, keep_file=True)
    else:
        outcome = {
            "message": "没有导入任何内容：有的行有错误。",
            "errors": report.error_lines()[:200],
            "error_count": len(report.error_lines()),
        }
        _finish(pending, ImportStatus.FAILED, outcome)
    return ImportStatus.FAILED
