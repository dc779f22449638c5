"""The reminder e-mails already sent: one row per recipient, kind and object, so that the daily
command never sends the same reminder twice."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class ReminderKind(models.TextChoices):
    FORM_DUE = "form_due", "告知承诺书今日应送达"
    FORM_OVERDUE = "form_overdue", "告知承诺书逾期未送达"
    RETURN_OVERDUE = "return_overdue", "承诺书逾期未递交"
    VERIFICATION_DUE = "verification_due", "核查即将到期"
    VERIFICATION_OVERDUE = "verification_overdue", "核查逾期"
    ASSISTANCE_OVERDUE = "assistance_overdue", "协助核查逾期未答复"


class ReminderSent(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="收件人", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField("提醒类型", max_length=24, choices=ReminderKind.choices)
    object_id = models.PositiveIntegerField("对象编号")
    sent_at = models.DateTimeField("发送时间", default=timezone.now)

    class Meta:
        verbose_name = "已发送的提醒"
        verbose_name_plural = "已发送的提醒"
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "kind", "object_id"], name="one_reminder_per_object"
            )
        ]

    def __str__(self):
        return f"{self.recipient_id} {self.kind} {self.object_id}"
