"""Random inspection (双随机、一公开) of letters of items exempt from verification: each
department's inspector list, the sampling runs (every run kept, with its seed) and their draws."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from catalog.text import CleanTextMixin


class Inspector(models.Model):
    """A member of staff on a department's list of inspectors (执法检查人员名录). Removed by
    being marked inactive, never deleted."""

    department = models.ForeignKey(
        "catalog.Department", verbose_name="实施机关", on_delete=models.PROTECT, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="检查人员",
        on_delete=models.PROTECT,
        related_name="+",
    )
    active = models.BooleanField("在名录中", default=True)

    history = HistoricalRecords(verbose_name="检查人员名录变更记录")

    class Meta:
        verbose_name = "检查人员"
        verbose_name_plural = "检查人员名录"
        constraints = [
            models.UniqueConstraint(fields=["department", "user"], name="one_inspector_entry")
        ]

    def __str__(self):
        return f"{self.department_id}/{self.user_id}"


class SamplingRun(CleanTextMixin, models.Model):
    """One draw: the population (every eligible letter), the seed, what was drawn. A run for
    a period that overlaps an earlier run names it and says why (``redoes``, ``reason``)."""

    department = models.ForeignKey(
        "catalog.Department", verbose_name="实施机关", on_delete=models.PROTECT, related_name="+"
    )
    period_start = models.DateField("抽查范围起始日期")
    period_end = models.DateField("抽查范围截止日期")
    percentage = models.PositiveSmallIntegerField("抽查比例（%）", null=True, blank=True)
    count = models.PositiveIntegerField("抽查件数", null=True, blank=True)
    seed = models.CharField("随机种子", max_length=40)
    population = models.JSONField("抽取范围（承诺书编号）", default=list)
    inspector_pool = models.JSONField("检查人员名录（用户编号）", default=list)
    redoes = models.ForeignKey(
        "self",
        verbose_name="重新抽取的前次抽查",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    reason = models.TextField("说明", blank=True)
    run_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="抽取人", on_delete=models.PROTECT, related_name="+"
    )
    run_at = models.DateTimeField("抽取时间", default=timezone.now)

    history = HistoricalRecords(verbose_name="抽查变更记录")

    class Meta:
        verbose_name = "双随机抽查"
        verbose_name_plural = "双随机抽查"
        ordering = ["-run_at", "-pk"]

    def __str__(self):
        return f"抽查{self.pk}"


class SamplingDraw(models.Model):
    """One letter drawn and the inspector drawn for it, with the verification task made."""

    run = models.ForeignKey(
        SamplingRun, verbose_name="抽查", on_delete=models.PROTECT, related_name="draws"
    )
    letter = models.ForeignKey(
        "commitments.CommitmentLetter",
        verbose_name="承诺书",
        on_delete=models.PROTECT,
        related_name="+",
    )
    inspector = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="检查人员",
        on_delete=models.PROTECT,
        related_name="+",
    )
    task = models.OneToOneField(
        "commitments.VerificationTask",
        verbose_name="核查任务",
        on_delete=models.PROTECT,
        related_name="sampling_draw",
    )
    position = models.PositiveIntegerField("抽中顺序")

    class Meta:
        verbose_name = "抽中的承诺书"
        verbose_name_plural = "抽中的承诺书"
        ordering = ["run", "position"]

    def __str__(self):
        return f"{self.run_id}#{self.position}"
