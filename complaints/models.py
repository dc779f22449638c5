"""Complaints and reports from the public (投诉举报): the complaint with its handling, its
numbering counter, its attachments, its transfers between departments and the log of every
view of the complainant's contact. Nothing here is ever deleted."""

from django.conf import settings
from django.core.validators import validate_email
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from catalog.text import CleanTextMixin
from privacy import registry as privacy_registry
from privacy.fields import EncryptedTextField, LookupHashField
from vocabularies.enums import Vocabulary
from vocabularies.fields import VocabularyField

from .enums import (
    CLOSED_STATUSES,
    OPEN_STATUSES,
    AnswerChannel,
    AttachmentKind,
    ComplaintStatus,
)


class ComplaintQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def closed(self):
        return self.filter(status__in=CLOSED_STATUSES)

    def overdue(self, today):
        return self.open().filter(due_on__lt=today)


class Complaint(CleanTextMixin, models.Model):
    """One complaint or report, numbered TS2026-000123 per year, due 5 working days after
    receipt. ``department`` is the department handling it now (changed by a transfer);
    ``filed_department`` the one the complainant named."""

    number = models.CharField("受理编号", max_length=16, unique=True)
    year = models.PositiveSmallIntegerField("年度")
    sequence = models.PositiveIntegerField("序号")
    query_code_hash = models.CharField("查询码（摘要）", max_length=128)

    kind = VocabularyField("类型", max_length=32, vocabulary=Vocabulary.COMPLAINT_KIND)
    filed_department = models.ForeignKey(
        "catalog.Department",
        verbose_name="投诉人所选单位",
        on_delete=models.PROTECT,
        related_name="+",
    )
    department = models.ForeignKey(
        "catalog.Department",
        verbose_name="承办单位",
        on_delete=models.PROTECT,
        related_name="complaints",
    )
    item = models.ForeignKey(
        "catalog.CertificateItem",
        verbose_name="证明事项",
        on_delete=models.PROTECT,
        related_name="complaints",
        null=True,
        blank=True,
    )
    letter_number = models.CharField("承诺书编号（投诉人填写）", max_length=60, blank=True)
    letter = models.ForeignKey(
        "commitments.CommitmentLetter",
        verbose_name="涉及的承诺书",
        on_delete=models.PROTECT,
        related_name="complaints",
        null=True,
        blank=True,
    )
    description = models.TextField("投诉举报内容")
    contact_name = models.CharField("联系人", max_length=50, blank=True)
    # Encrypted at rest, found through their lookup hashes (privacy, ADR 017).
    contact_phone = EncryptedTextField("联系电话", max_length=30, blank=True)
    contact_email = EncryptedTextField(
        "电子邮箱", max_length=254, blank=True, validators=[validate_email]
    )
    contact_phone_hash = LookupHashField("联系电话查找哈希")
    contact_email_hash = LookupHashField("电子邮箱查找哈希")

    received_at = models.DateTimeField("受理时间", default=timezone.now)
    received_on = models.DateField("受理日期")
    due_on = models.DateField("办理期限")
    due_on_estimated = models.BooleanField(
        "办理期限按周一至周五估算",
        default=False,
        help_text="受理时系统还没有当年的节假日安排，期限暂按周一至周五计算。",
    )
    status = models.CharField(
        "状态", max_length=16, choices=ComplaintStatus.choices, default=ComplaintStatus.RECEIVED
    )

    investigation = models.TextField("调查情况", blank=True)
    finding = models.TextField("调查结论", blank=True)
    measures = models.TextField("处理措施", blank=True)
    rejection_reason = models.TextField("不予受理理由", blank=True)
    answer = models.TextField("答复内容", blank=True)
    answered_on = models.DateField("答复日期", null=True, blank=True)
    answer_channel = models.CharField(
        "答复方式", max_length=16, choices=AnswerChannel.choices, blank=True
    )
    answer_working_days = models.PositiveSmallIntegerField("答复用时（工作日）", null=True)
    answer_email_sent_at = models.DateTimeField("答复邮件发送时间", null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="承办人",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    closed_at = models.DateTimeField("办结时间", null=True, blank=True)

    history = HistoricalRecords(verbose_name="投诉举报变更记录")
    objects = ComplaintQuerySet.as_manager()

    class Meta:
        verbose_name = "投诉举报"
        verbose_name_plural = "投诉举报"
        ordering = ["-received_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["year", "sequence"], name="unique_complaint_sequence")
        ]
        indexes = [models.Index(fields=["status", "due_on"])]

    def __str__(self):
        return self.number

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def has_contact(self) -> bool:
        return bool(self.contact_name or self.contact_phone or self.contact_email)

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        if self.is_open:
            return today > self.due_on
        return self.answered_on is not None and self.answered_on > self.due_on

    @property
    def answered_on_time(self) -> bool | None:
        if self.answered_on is None:
            return None
        return self.answered_on <= self.due_on


privacy_registry.register(
    Complaint,
    encrypted=["contact_phone", "contact_email"],
    hashed={
        "contact_phone_hash": ("contact_phone", "phone"),
        "contact_email_hash": ("contact_email", "email"),
    },
)


class ComplaintCounter(models.Model):
    """The last sequence number given in one year; locked while a number is drawn."""

    year = models.PositiveSmallIntegerField(unique=True)
    last_sequence = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "投诉举报编号计数"
        verbose_name_plural = "投诉举报编号计数"

    def __str__(self):
        return f"{self.year}: {self.last_sequence}"


class ComplaintAttachment(models.Model):
    """A file the complainant sent: an image re-encoded without its metadata, or a PDF.
    Stored under a random name in private storage, served only to the handling staff."""

    complaint = models.ForeignKey(Complaint, on_delete=models.PROTECT, related_name="attachments")
    file = models.FileField("文件", upload_to="complaints/%Y/", max_length=200)
    content_type = models.CharField("文件类型", max_length=32, choices=AttachmentKind.choices)
    size = models.PositiveIntegerField("大小（字节）")
    uploaded_at = models.DateTimeField("上传时间", default=timezone.now)

    class Meta:
        verbose_name = "投诉举报附件"
        verbose_name_plural = "投诉举报附件"
        ordering = ["pk"]

    def __str__(self):
        return f"{self.complaint_id} {self.get_content_type_display()}"


class ComplaintTransfer(CleanTextMixin, models.Model):
    """A complaint handed to the competent department (转办); the due date stands."""

    complaint = models.ForeignKey(Complaint, on_delete=models.PROTECT, related_name="transfers")
    from_department = models.ForeignKey(
        "catalog.Department", verbose_name="原承办单位", on_delete=models.PROTECT, related_name="+"
    )
    to_department = models.ForeignKey(
        "catalog.Department", verbose_name="转至单位", on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField("转办理由")
    transferred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="转办人", on_delete=models.PROTECT, related_name="+"
    )
    transferred_at = models.DateTimeField("转办时间", default=timezone.now)

    class Meta:
        verbose_name = "投诉举报转办记录"
        verbose_name_plural = "投诉举报转办记录"
        ordering = ["transferred_at", "pk"]

    def __str__(self):
        return f"{self.complaint_id} {self.from_department_id}→{self.to_department_id}"


class ComplaintAccessLog(CleanTextMixin, models.Model):
    """One view of a complaint (its contents and, for the handlers, the contact)."""

    complaint = models.ForeignKey(Complaint, on_delete=models.PROTECT, related_name="access_logs")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    accessed_at = models.DateTimeField("查阅时间", default=timezone.now)
    purpose = models.CharField("查阅内容", max_length=100)
    ip_address = models.GenericIPAddressField("IP地址", null=True, blank=True)

    class Meta:
        verbose_name = "投诉举报查阅记录"
        verbose_name_plural = "投诉举报查阅记录"
        ordering = ["-accessed_at", "-pk"]

    def __str__(self):
        return f"{self.complaint_id} {self.user_id} {self.accessed_at:%Y-%m-%d %H:%M}"
