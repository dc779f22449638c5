"""Spreadsheet uploads waiting between preview and confirmation, and the import jobs that
commit large ones in the background (``catalog.spreadsheets``).

The file is kept in the database, not in a process's memory or cache: every app server and the
task worker read the same row, and it costs no memory while it waits. A pending upload expires
after ``UPLOAD_TTL``; a user keeps at most ``MAX_PENDING_PER_USER`` of each kind (the oldest
preview is replaced). Once an import job has finished, its file is dropped and the row keeps
the outcome for the clerk's progress page.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone

UPLOAD_TTL = datetime.timedelta(hours=1)
JOB_KEPT = datetime.timedelta(days=7)
MAX_PENDING_PER_USER = 3


class ImportKind(models.TextChoices):
    CATALOG = "catalog", "证明事项目录（附件4）"
    DEPARTMENTS = "departments", "联络员信息表（附件2）"
    LEGAL_DOCUMENTS = "legal_documents", "法律文件库"


class ImportStatus(models.TextChoices):
    PREVIEW = "preview", "待确认"
    QUEUED = "queued", "排队等待导入"
    RUNNING = "running", "正在导入"
    DONE = "done", "已导入"
    FAILED = "failed", "没有导入"


class PendingImportQuerySet(models.QuerySet):
    def expired(self, now=None):
        now = now or timezone.now()
        return self.filter(
            models.Q(status=ImportStatus.PREVIEW, created_at__lt=now - UPLOAD_TTL)
            | models.Q(finished_at__lt=now - JOB_KEPT)
        )


class PendingImport(models.Model):
    token = models.CharField("令牌", max_length=64, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="上传人", on_delete=models.CASCADE
    )
    kind = models.CharField("类型", max_length=16, choices=ImportKind.choices)
    department = models.ForeignKey(
        "catalog.Department",
        verbose_name="导入到单位",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
    )
    submit = models.BooleanField("导入后提交审核", default=False)
    filename = models.CharField("文件名", max_length=255)
    data = models.BinaryField("文件内容")
    size = models.PositiveIntegerField("大小（字节）")
    rows = models.PositiveIntegerField("数据行数", default=0)
    digest = models.CharField("预览指纹", max_length=64)
    status = models.CharField(
        "状态", max_length=16, choices=ImportStatus.choices, default=ImportStatus.PREVIEW
    )
    created_at = models.DateTimeField("上传时间", default=timezone.now)
    started_at = models.DateTimeField("开始导入", null=True, blank=True)
    finished_at = models.DateTimeField("结束时间", null=True, blank=True)
    outcome = models.JSONField("结果", default=dict, blank=True)

    objects = PendingImportQuerySet.as_manager()

    class Meta:
        verbose_name = "待确认的表格导入"
        verbose_name_plural = "待确认的表格导入"
        indexes = [models.Index(fields=["user", "kind", "status"])]

    def __str__(self):
        return f"{self.filename}（{self.get_status_display()}）"

    @property
    def finished(self) -> bool:
        return self.status in (ImportStatus.DONE, ImportStatus.FAILED)
