"""A false commitment (不实承诺) found by a verification, and the measures of 三(四) taken
against it, each with its date, decision document number and responsible person."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from catalog.text import CleanTextMixin

from ..false_commitments.enums import MeasureKind


class FalseCommitment(CleanTextMixin, models.Model):
    """The case of one commitment found false: the letter, the finding and its evidence."""

    department = models.ForeignKey(
        "catalog.Department", verbose_name="实施机关", on_delete=models.PROTECT, related_name="+"
    )
    letter = models.ForeignKey(
        "commitments.CommitmentLetter",
        verbose_name="承诺书",
        on_delete=models.PROTECT,
        related_name="false_commitments",
    )
    result = models.OneToOneField(
        "commitments.VerificationResult",
        verbose_name="核查结果",
        on_delete=models.PROTECT,
        related_name="false_commitment",
    )
    case = models.ForeignKey(
        "commitments.Case",
        verbose_name="办件",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    summary = models.TextField("案情摘要")
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="+"
    )
    opened_at = models.DateTimeField("登记时间", default=timezone.now)

    history = HistoricalRecords(verbose_name="不实承诺案件变更记录")

    class Meta:
        verbose_name = "不实承诺案件"
        verbose_name_plural = "不实承诺案件"
        ordering = ["-opened_at", "-pk"]

    def __str__(self):
        return f"不实承诺案件{self.pk}"


class Measure(CleanTextMixin, models.Model):
    """One measure taken; a correction is a new measure pointing at the one it corrects."""

    false_commitment = models.ForeignKey(
        FalseCommitment,
        verbose_name="不实承诺案件",
        on_delete=models.PROTECT,
        related_name="measures",
    )
    kind = models.CharField("处理措施", max_length=16, choices=MeasureKind.choices)
    decided_on = models.DateField("决定日期")
    document_number = models.CharField("决定文书号", max_length=100)
    responsible_person = models.CharField("责任人", max_length=50)
    rectification_due_on = models.DateField("整改期限", null=True, blank=True)
    note = models.TextField("说明", blank=True)
    corrects = models.OneToOneField(
        "self",
        verbose_name="更正的措施",
        on_delete=models.PROTECT,
        related_name="correction",
        null=True,
        blank=True,
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField("登记时间", default=timezone.now)

    history = HistoricalRecords(verbose_name="处理措施变更记录")

    class Meta:
        verbose_name = "处理措施"
        verbose_name_plural = "处理措施"
        ordering = ["decided_on", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.document_number}"


class RectificationFollowUp(CleanTextMixin, models.Model):
    """A follow-up of a 责令限期整改: was it rectified by the deadline."""

    measure = models.ForeignKey(
        Measure, verbose_name="处理措施", on_delete=models.PROTECT, related_name="follow_ups"
    )
    checked_on = models.DateField("跟踪日期")
    rectified = models.BooleanField("已按期整改")
    note = models.TextField("跟踪情况")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField("登记时间", default=timezone.now)

    history = HistoricalRecords(verbose_name="整改跟踪变更记录")

    class Meta:
        verbose_name = "整改跟踪"
        verbose_name_plural = "整改跟踪"
        ordering = ["checked_on", "pk"]

    def __str__(self):
        return f"整改跟踪{self.pk}"
