"""Verification (核查) of signed letters: the task, its results (a correction is a new result
pointing at the one it corrects) and the evidence files."""

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from catalog.text import CleanTextMixin
from vocabularies.enums import Vocabulary
from vocabularies.fields import VocabularyField

from ..verification.enums import TASK_METHODS_EXCLUDED, TaskOrigin, VerificationFinding


def evidence_storage():
    """The private store of evidence files (``STORAGES["evidence"]``), outside MEDIA_ROOT."""
    return storages["evidence"]


class VerificationTaskQuerySet(models.QuerySet):
    def open(self):
        """Not yet checked; a withdrawn commitment is no longer checked (三(五))."""
        return self.filter(results__isnull=True, letter__withdrawn_on__isnull=True)

    def due_by(self, day):
        return self.open().filter(due_on__lte=day)

    def overdue(self, today):
        return self.open().filter(due_on__lt=today)


class VerificationTask(models.Model):
    """The verification of one signed letter, due a number of working days after it was
    signed, assigned to a member of the letter's department."""

    letter = models.OneToOneField(
        "commitments.CommitmentLetter",
        verbose_name="承诺书",
        on_delete=models.PROTECT,
        related_name="verification",
    )
    department = models.ForeignKey(
        "catalog.Department", verbose_name="实施机关", on_delete=models.PROTECT, related_name="+"
    )
    method = VocabularyField(
        "核查方式",
        max_length=16,
        vocabulary=Vocabulary.VERIFICATION_METHOD,
        exclude=TASK_METHODS_EXCLUDED,
    )
    origin = models.CharField(
        "来源", max_length=16, choices=TaskOrigin.choices, default=TaskOrigin.ITEM_RULE
    )
    due_on = models.DateField("核查期限")
    time_limit_days = models.PositiveSmallIntegerField("核查时限（工作日）")
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="核查人",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    created_at = models.DateTimeField("生成时间", default=timezone.now)

    history = HistoricalRecords(verbose_name="核查任务变更记录")
    objects = VerificationTaskQuerySet.as_manager()

    class Meta:
        verbose_name = "核查任务"
        verbose_name_plural = "核查任务"
        ordering = ["due_on", "pk"]
        indexes = [
            # the supervision figures count tasks due per unit and month (ADR 015)
            models.Index(fields=["due_on", "department"], name="verification_due_unit")
        ]

    def __str__(self):
        return f"核查任务{self.pk}"

    @property
    def current_result(self):
        """The latest result (a correction replaces what it corrects)."""
        return self.results.order_by("-recorded_at", "-pk").first()


class VerificationResult(CleanTextMixin, models.Model):
    """What a check found: who checked, when, how, the finding and why."""

    task = models.ForeignKey(
        VerificationTask, verbose_name="核查任务", on_delete=models.PROTECT, related_name="results"
    )
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="核查人", on_delete=models.PROTECT, related_name="+"
    )
    checked_on = models.DateField("核查日期")
    source = models.CharField(
        "核查途径",
        max_length=200,
        help_text="查询的数据来源（如全国律师管理系统、政务数据共享平台）或现场核查的地点。",
    )
    finding = models.CharField("核查结果", max_length=16, choices=VerificationFinding.choices)
    reason = models.TextField("结果说明")
    corrects = models.OneToOneField(
        "self",
        verbose_name="更正的核查结果",
        on_delete=models.PROTECT,
        related_name="correction",
        null=True,
        blank=True,
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField("登记时间", default=timezone.now)

    history = HistoricalRecords(verbose_name="核查结果变更记录")

    class Meta:
        verbose_name = "核查结果"
        verbose_name_plural = "核查结果"
        ordering = ["-recorded_at", "-pk"]
        indexes = [
            # the supervision figures count checks per month (ADR 015)
            models.Index(fields=["checked_on", "task", "finding"], name="verification_checked")
        ]

    def __str__(self):
        return f"核查结果{self.pk}"


class VerificationEvidence(models.Model):
    """One evidence file of a result (PDF or image; images stored without EXIF)."""

    result = models.ForeignKey(
        VerificationResult,
        verbose_name="核查结果",
        on_delete=models.PROTECT,
        related_name="evidence",
    )
    file = models.FileField("文件", upload_to="%Y/%m/", storage=evidence_storage)
    name = models.CharField("文件名", max_length=200)
    content_type = models.CharField("文件类型", max_length=50)
    size = models.PositiveIntegerField("大小（字节）")
    sha256 = models.CharField("SHA-256", max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="上传人", on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField("上传时间", default=timezone.now)

    history = HistoricalRecords(verbose_name="核查证据变更记录")

    class Meta:
        verbose_name = "核查证据"
        verbose_name_plural = "核查证据"
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.name
