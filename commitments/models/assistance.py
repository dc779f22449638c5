"""Assistance requests (协助核查) between departments: department A asks department B to verify
one point of a letter, with only the fields B needs; B answers or refuses in writing."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from catalog.text import CleanTextMixin

from ..assistance.enums import ReplyKind
from ..verification.enums import VerificationFinding


class AssistanceRequestQuerySet(models.QuerySet):
    def unanswered(self):
        return self.filter(replies__isnull=True)

    def overdue(self, today):
        return self.unanswered().filter(due_on__lt=today)

    def involving(self, department_ids):
        return self.filter(
            models.Q(requesting_department_id__in=department_ids)
            | models.Q(assisting_department_id__in=department_ids)
        )


class AssistanceRequest(CleanTextMixin, models.Model):
    task = models.ForeignKey(
        "commitments.VerificationTask",
        verbose_name="核查任务",
        on_delete=models.PROTECT,
        related_name="assistance_requests",
    )
    requesting_department = models.ForeignKey(
        "catalog.Department", verbose_name="请求单位", on_delete=models.PROTECT, related_name="+"
    )
    assisting_department = models.ForeignKey(
        "catalog.Department", verbose_name="协助单位", on_delete=models.PROTECT, related_name="+"
    )
    question = models.TextField("请求核查的事项")
    shared_data = models.JSONField("提供的承诺书信息", default=dict, blank=True)
    sent_on = models.DateField("发出日期")
    answer_working_days = models.PositiveSmallIntegerField("答复期限（工作日）")
    due_on = models.DateField("答复期限")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="发起人", on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField("发起时间", default=timezone.now)

    history = HistoricalRecords(verbose_name="协助核查请求变更记录")
    objects = AssistanceRequestQuerySet.as_manager()

    class Meta:
        verbose_name = "协助核查请求"
        verbose_name_plural = "协助核查请求"
        ordering = ["-sent_on", "-pk"]

    def __str__(self):
        return f"协助核查请求{self.pk}"

    @property
    def current_reply(self):
        return self.replies.order_by("-replied_at", "-pk").first()


class AssistanceReply(CleanTextMixin, models.Model):
    """The assisting department's answer or written refusal; a correction is a new reply."""

    request = models.ForeignKey(
        AssistanceRequest,
        verbose_name="协助核查请求",
        on_delete=models.PROTECT,
        related_name="replies",
    )
    kind = models.CharField("答复方式", max_length=16, choices=ReplyKind.choices)
    finding = models.CharField(
        "核查结果", max_length=16, choices=VerificationFinding.choices, blank=True
    )
    text = models.TextField("答复内容或不能协助的理由")
    replied_on = models.DateField("答复日期")
    corrects = models.OneToOneField(
        "self",
        verbose_name="更正的答复",
        on_delete=models.PROTECT,
        related_name="correction",
        null=True,
        blank=True,
    )
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="答复人", on_delete=models.PROTECT, related_name="+"
    )
    replied_at = models.DateTimeField("登记时间", default=timezone.now)

    history = HistoricalRecords(verbose_name="协助核查答复变更记录")

    class Meta:
        verbose_name = "协助核查答复"
        verbose_name_plural = "协助核查答复"
        ordering = ["replied_at", "pk"]

    def __str__(self):
        return f"协助核查答复{self.pk}"
