"""Signed commitment letters (承诺书), their per-department number counters and the log of
every view of their personal data."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from catalog.enums import DisclosureScope
from catalog.letters.selectors import current_letter_wording_version_pk
from catalog.text import CleanTextMixin
from privacy import registry as privacy_registry
from privacy.fields import EncryptedTextField, LookupHashField
from vocabularies.enums import Vocabulary
from vocabularies.fields import VocabularyField

from ..letters.enums import ApplicantKind, LetterChannel, OrganisationIdType, PersonIdType


class CommitmentLetterQuerySet(models.QuerySet):
    def disclosed_on(self, day):
        """Letters the public may read on ``day``: disclosed to the public, within their
        disclosure period, not withdrawn."""
        return self.filter(
            disclosure_scope=DisclosureScope.PUBLIC,
            disclosed_from__lte=day,
            disclosed_until__gte=day,
            withdrawn_on__isnull=True,
        )


class CommitmentLetter(CleanTextMixin, models.Model):
    """One letter signed by one applicant, numbered （YYYY年）第N号 per department and year."""

    department = models.ForeignKey(
        "catalog.Department",
        verbose_name="实施机关",
        on_delete=models.PROTECT,
        related_name="commitment_letters",
    )
    item = models.ForeignKey(
        "catalog.CertificateItem",
        verbose_name="证明事项",
        on_delete=models.PROTECT,
        related_name="commitment_letters",
    )
    item_revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name="依据的事项发布版本",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
    )
    # The version of the letter's fixed wording in force when it was registered: the letter's
    # form is always rendered in it (docs/adr/024-letter-wording.md).
    wording_version = models.ForeignKey(
        "catalog.LetterWordingVersion",
        verbose_name="告知承诺书文本版本",
        on_delete=models.PROTECT,
        related_name="+",
        default=current_letter_wording_version_pk,
    )
    # Snapshots: the letter reads the same after later edits or a withdrawal of the item.
    item_name = models.CharField("证明名称", max_length=200)
    item_purpose = models.CharField("申请事项", max_length=300)
    year = models.PositiveSmallIntegerField("年度")
    number = models.PositiveIntegerField("序号")

    applicant_kind = models.CharField("申请人类型", max_length=16, choices=ApplicantKind.choices)
    person_name = models.CharField("姓名", max_length=100, blank=True)
    person_id_type = models.CharField(
        "证件类型", max_length=32, choices=PersonIdType.choices, blank=True
    )
    # Identity numbers and phones are stored encrypted and found through their lookup hashes
    # (privacy, ADR 017); filter with privacy.registry.filter_equal, never on the field.
    person_id_number = EncryptedTextField("证件编号", max_length=40, blank=True)
    person_phone = EncryptedTextField("联系方式", max_length=30, blank=True)
    organisation_name = models.CharField("单位名称", max_length=200, blank=True)
    organisation_id_type = models.CharField(
        "证件类型", max_length=32, choices=OrganisationIdType.choices, blank=True
    )
    organisation_id_number = EncryptedTextField("证号", max_length=40, blank=True)
    legal_representative = models.CharField("法定代表人（负责人）", max_length=100, blank=True)
    organisation_address = models.CharField("地址", max_length=300, blank=True)
    organisation_phone = EncryptedTextField("联系方式", max_length=30, blank=True)
    agent_name = models.CharField("受托代理人姓名", max_length=100, blank=True)
    agent_id_type = models.CharField(
        "受托代理人证件类型", max_length=32, choices=PersonIdType.choices, blank=True
    )
    agent_id_number = EncryptedTextField("受托代理人证件编号", max_length=40, blank=True)
    agent_phone = EncryptedTextField("受托代理人联系方式", max_length=30, blank=True)
    person_id_hash = LookupHashField("证件编号查找哈希")
    person_phone_hash = LookupHashField("联系方式查找哈希")
    organisation_id_hash = LookupHashField("证号查找哈希")
    organisation_phone_hash = LookupHashField("单位联系方式查找哈希")
    agent_id_hash = LookupHashField("受托代理人证件编号查找哈希")
    agent_phone_hash = LookupHashField("受托代理人联系方式查找哈希")

    channel = models.CharField("申请方式", max_length=16, choices=LetterChannel.choices)
    received_on = models.DateField("收到申请日期")
    form_due_on = models.DateField("告知承诺书送达期限", null=True, blank=True)
    form_sent_on = models.DateField("告知承诺书送达日期", null=True, blank=True)
    signed_on = models.DateField("承诺日期")
    conditions_statement = models.TextField("申请人写明的符合条件情况", blank=True)

    # Part (九) of the item's published letter form, fixed when the letter is registered.
    disclosure_scope = VocabularyField(
        "公开范围", max_length=32, vocabulary=Vocabulary.DISCLOSURE_SCOPE, blank=True
    )
    disclosed_from = models.DateField("公开起始日期", null=True, blank=True)
    disclosed_until = models.DateField("公开截止日期", null=True, blank=True)

    withdrawn_on = models.DateField("撤回承诺日期", null=True, blank=True)
    withdrawal_reason = models.TextField("撤回理由", blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="撤回登记人",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="+"
    )
    registered_at = models.DateTimeField("登记时间", default=timezone.now)

    history = HistoricalRecords(
        verbose_name="承诺书变更记录", table_name="publishing_historicalcommitmentletter"
    )
    objects = CommitmentLetterQuerySet.as_manager()

    class Meta:
        db_table = "publishing_commitmentletter"
        verbose_name = "承诺书"
        verbose_name_plural = "承诺书"
        ordering = ["-year", "department_id", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["department", "year", "number"], name="unique_letter_number"
            )
        ]
        indexes = [
            models.Index(fields=["disclosure_scope", "disclosed_until"]),
            # the supervision figures count letters per unit, month and channel (ADR 015)
            models.Index(
                fields=["registered_at", "department", "channel"],
                name="letter_month_unit_channel",
            ),
        ]

    def __str__(self):
        return f"{self.department_id} {self.number_label}"

    @property
    def number_label(self) -> str:
        return f"（{self.year}年）第{self.number}号"

    @property
    def is_remote(self) -> bool:
        return self.channel != LetterChannel.IN_PERSON

    @property
    def form_overdue(self) -> bool:
        """The form reached the applicant after its due date (or has not been recorded as
        sent and the due date has passed)."""
        if self.form_due_on is None:
            return False
        sent = self.form_sent_on or timezone.localdate()
        return sent > self.form_due_on


LETTER_ENCRYPTED_FIELDS = [
    "person_id_number",
    "person_phone",
    "organisation_id_number",
    "organisation_phone",
    "agent_id_number",
    "agent_phone",
]
LETTER_HASHED_FIELDS = {
    "person_id_hash": ("person_id_number", "id"),
    "person_phone_hash": ("person_phone", "phone"),
    "organisation_id_hash": ("organisation_id_number", "id"),
    "organisation_phone_hash": ("organisation_phone", "phone"),
    "agent_id_hash": ("agent_id_number", "id"),
    "agent_phone_hash": ("agent_phone", "phone"),
}
privacy_registry.register(
    CommitmentLetter, encrypted=LETTER_ENCRYPTED_FIELDS, hashed=LETTER_HASHED_FIELDS
)


class LetterCounter(models.Model):
    """The last number given in one department and year; locked while a number is drawn."""

    department = models.ForeignKey("catalog.Department", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        db_table = "publishing_lettercounter"
        verbose_name = "承诺书编号计数"
        verbose_name_plural = "承诺书编号计数"
        constraints = [
            models.UniqueConstraint(fields=["department", "year"], name="unique_letter_counter")
        ]

    def __str__(self):
        return f"{self.department_id} {self.year}: {self.last_number}"


class LetterAccessLog(CleanTextMixin, models.Model):
    """One view of a letter's personal data by a member of staff."""

    letter = models.ForeignKey(
        CommitmentLetter, on_delete=models.PROTECT, related_name="access_logs"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    accessed_at = models.DateTimeField("查阅时间", default=timezone.now)
    purpose = models.CharField("查阅内容", max_length=100)
    ip_address = models.GenericIPAddressField("IP地址", null=True, blank=True)

    class Meta:
        db_table = "publishing_letteraccesslog"
        verbose_name = "个人信息查阅记录"
        verbose_name_plural = "个人信息查阅记录"
        ordering = ["-accessed_at", "-pk"]

    def __str__(self):
        return f"{self.letter_id} {self.user_id} {self.accessed_at:%Y-%m-%d %H:%M}"
