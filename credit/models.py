"""The banner-wide credit register (ADR 018): records of false commitments with their grade
and publicity period, the justice bureau's grading rules, objections, repairs, the refusals
of the commitment route they caused, per-item stricter verification and the export log.

Nothing is deleted: every model keeps its history (simple-history) with who and why
(``history_change_reason``), and every foreign key is PROTECT.
"""

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from catalog.enums import VerificationMethod
from catalog.text import CleanTextMixin
from privacy.fields import EncryptedTextField, LookupHashField
from vocabularies.enums import Vocabulary
from vocabularies.fields import VocabularyField

from .enums import (
    EXCLUDING_GRADES,
    EXCLUDING_STATES,
    Behaviour,
    FiledWith,
    Grade,
    ObjectionDecision,
    RecordState,
    RefusalStage,
    RepairDecision,
    SubjectKind,
)


def evidence_storage():
    """The private store of evidence files, shared with the casework (outside MEDIA_ROOT)."""
    return storages["evidence"]


class GradePeriod(CleanTextMixin, models.Model):
    """The minimum and maximum publicity period of one grade (the justice bureau keeps them)."""

    grade = models.CharField("失信程度", max_length=16, choices=Grade.choices, unique=True)
    min_months = models.PositiveSmallIntegerField("最短公示期（月）")
    max_months = models.PositiveSmallIntegerField("最长公示期（月）")
    basis = models.TextField("依据", blank=True)

    history = HistoricalRecords(verbose_name="公示期限变更记录")

    class Meta:
        verbose_name = "公示期限"
        verbose_name_plural = "公示期限"
        ordering = ["pk"]

    def __str__(self):
        return f"{self.get_grade_display()}：{self.min_months}—{self.max_months}个月"


class GradingRule(CleanTextMixin, models.Model):
    """Which behaviour in which circumstances gives which grade (科学界定告知承诺失信行为)."""

    behaviour = VocabularyField("失信行为", max_length=32, vocabulary=Vocabulary.CREDIT_BEHAVIOUR)
    circumstances = models.CharField("情形", max_length=200)
    grade = models.CharField("失信程度", max_length=16, choices=Grade.choices)
    active = models.BooleanField("适用", default=True)

    history = HistoricalRecords(verbose_name="认定规则变更记录")

    class Meta:
        verbose_name = "失信认定规则"
        verbose_name_plural = "失信认定规则"
        ordering = ["behaviour", "pk"]

    def __str__(self):
        return f"{self.get_behaviour_display()}·{self.circumstances} → {self.get_grade_display()}"


class CreditRecordQuerySet(models.QuerySet):
    def excluding(self, today):
        """Records that keep their subject out of the commitment route on ``today``."""
        return self.filter(state__in=EXCLUDING_STATES, publicity_end__gte=today).filter(
            models.Q(behaviour=Behaviour.FALSE_COMMITMENT) | models.Q(grade__in=EXCLUDING_GRADES)
        )

    def in_force(self, today):
        return self.exclude(state__in=(RecordState.REVOKED, RecordState.EXPIRED)).filter(
            publicity_end__gte=today
        )

    def public_on(self, today):
        """Legal persons' 较重/严重 records marked 依法公示, within their publicity period."""
        return self.filter(
            subject_kind=SubjectKind.ORGANISATION,
            grade__in=EXCLUDING_GRADES,
            publicised=True,
            publicity_start__lte=today,
            publicity_end__gte=today,
        ).exclude(state__in=(RecordState.REVOKED, RecordState.EXPIRED, RecordState.REPAIRED))


class CreditRecord(CleanTextMixin, models.Model):
    """One record of a dishonest commitment of one subject, made by one department."""

    subject_kind = models.CharField("主体类型", max_length=16, choices=SubjectKind.choices)
    subject_name = models.CharField("主体名称（姓名）", max_length=200)
    id_number = EncryptedTextField("证件号码（身份证号码或统一社会信用代码）")
    id_hash = LookupHashField("证件号码查询摘要")
    behaviour = VocabularyField("失信行为", max_length=32, vocabulary=Vocabulary.CREDIT_BEHAVIOUR)
    rule = models.ForeignKey(
        GradingRule, verbose_name="适用的认定规则", on_delete=models.PROTECT, related_name="+"
    )
    grade = models.CharField("失信程度", max_length=16, choices=Grade.choices)
    department = models.ForeignKey(
        "catalog.Department",
        verbose_name="认定单位",
        on_delete=models.PROTECT,
        related_name="credit_records",
    )
    decided_on = models.DateField("认定日期")
    document_number = models.CharField("决定文书号", max_length=100)
    measures = models.TextField("采取的措施", blank=True)
    publicity_start = models.DateField("公示起始日期")
    repair_from = models.DateField("可申请修复日期")
    publicity_end = models.DateField("公示截止日期")
    publicised = models.BooleanField("依法公示", default=False)
    legal_basis = models.TextField("公示的法律依据", blank=True)
    source_result = models.ForeignKey(
        "commitments.VerificationResult",
        verbose_name="来源核查结果",
        on_delete=models.PROTECT,
        related_name="credit_records",
        null=True,
        blank=True,
    )
    state = models.CharField(
        "状态", max_length=16, choices=RecordState.choices, default=RecordState.VALID
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField("登记时间", default=timezone.now)
    changed_at = models.DateTimeField("最后变更时间", default=timezone.now, db_index=True)

    history = HistoricalRecords(verbose_name="信用记录变更记录")
    objects = CreditRecordQuerySet.as_manager()

    class Meta:
        verbose_name = "失信记录"
        verbose_name_plural = "失信记录"
        ordering = ["-decided_on", "-pk"]
        permissions = [("decide_bureau_objection", "处理向司法局提出的信用异议")]
        # Covers the exclusion lookup: the subject's rows are read from the index alone.
        indexes = [
            models.Index(
                fields=[
                    "id_hash",
                    "state",
                    "publicity_end",
                    "behaviour",
                    "grade",
                    "decided_on",
                    "department",
                ],
                name="credit_record_lookup",
            )
        ]

    def __str__(self):
        return f"失信记录{self.pk}"


class Objection(CleanTextMixin, models.Model):
    """A subject's dispute of a record and its decision (维持 / 更正 / 撤销)."""

    record = models.ForeignKey(
        CreditRecord, verbose_name="失信记录", on_delete=models.PROTECT, related_name="objections"
    )
    filed_with = models.CharField("受理机关", max_length=16, choices=FiledWith.choices)
    received_on = models.DateField("收到异议日期")
    statement = models.TextField("异议理由")
    due_on = models.DateField("答复期限")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="+"
    )
    decision = models.CharField(
        "处理结果", max_length=16, choices=ObjectionDecision.choices, blank=True
    )
    reasons = models.TextField("处理理由", blank=True)
    corrected_grade = models.CharField(
        "更正后的失信程度", max_length=16, choices=Grade.choices, blank=True
    )
    decided_on = models.DateField("处理日期", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="处理人",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    notified_on = models.DateField("告知申请人日期", null=True, blank=True)
    notified_how = models.CharField("告知方式", max_length=100, blank=True)

    history = HistoricalRecords(verbose_name="异议变更记录")

    class Meta:
        verbose_name = "信用异议"
        verbose_name_plural = "信用异议"
        ordering = ["-received_on", "-pk"]

    def __str__(self):
        return f"异议{self.pk}"


class Repair(CleanTextMixin, models.Model):
    """An application for credit repair and its decision by the recording department."""

    record = models.ForeignKey(
        CreditRecord, verbose_name="失信记录", on_delete=models.PROTECT, related_name="repairs"
    )
    applied_on = models.DateField("申请日期")
    rectified = models.BooleanField("已完成整改", default=False)
    credit_commitment = models.BooleanField("已作出信用承诺", default=False)
    training = models.BooleanField("已参加信用修复培训", default=False)
    statement = models.TextField("申请说明")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="+"
    )
    decision = models.CharField("决定", max_length=16, choices=RepairDecision.choices, blank=True)
    reasons = models.TextField("决定理由", blank=True)
    decided_on = models.DateField("决定日期", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="决定人",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )

    history = HistoricalRecords(verbose_name="信用修复变更记录")

    class Meta:
        verbose_name = "信用修复申请"
        verbose_name_plural = "信用修复申请"
        ordering = ["-applied_on", "-pk"]

    def __str__(self):
        return f"修复申请{self.pk}"


class CreditEvidence(models.Model):
    """One evidence file of an objection or a repair (cleaned as the casework's evidence)."""

    objection = models.ForeignKey(
        Objection, on_delete=models.PROTECT, related_name="evidence", null=True, blank=True
    )
    repair = models.ForeignKey(
        Repair, on_delete=models.PROTECT, related_name="evidence", null=True, blank=True
    )
    file = models.FileField("文件", upload_to="credit/%Y/%m/", storage=evidence_storage)
    name = models.CharField("文件名", max_length=200)
    content_type = models.CharField("文件类型", max_length=50)
    size = models.PositiveIntegerField("大小（字节）")
    sha256 = models.CharField("SHA-256", max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="上传人", on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField("上传时间", default=timezone.now)

    history = HistoricalRecords(verbose_name="信用证据变更记录")

    class Meta:
        verbose_name = "信用证据"
        verbose_name_plural = "信用证据"
        ordering = ["uploaded_at", "pk"]

    def __str__(self):
        return self.name


class ExclusionRefusal(models.Model):
    """One refusal of the commitment route because of a record (no personal data: the hash)."""

    department = models.ForeignKey(
        "catalog.Department", verbose_name="办理单位", on_delete=models.PROTECT, related_name="+"
    )
    item = models.ForeignKey(
        "catalog.CertificateItem",
        verbose_name="证明事项",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
    )
    stage = models.CharField("环节", max_length=16, choices=RefusalStage.choices)
    subject_hash = models.CharField("证件号码查询摘要", max_length=64)
    record = models.ForeignKey(
        CreditRecord, verbose_name="失信记录", on_delete=models.PROTECT, related_name="refusals"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    refused_at = models.DateTimeField("时间", default=timezone.now)

    class Meta:
        verbose_name = "告知承诺不予适用记录"
        verbose_name_plural = "告知承诺不予适用记录"
        ordering = ["-refused_at", "-pk"]

    def __str__(self):
        return f"不予适用{self.pk}"


class StricterVerification(CleanTextMixin, models.Model):
    """An item's stricter verification for applicants with a record in the last N years."""

    item = models.OneToOneField(
        "catalog.CertificateItem",
        verbose_name="证明事项",
        on_delete=models.PROTECT,
        related_name="+",
    )
    years = models.PositiveSmallIntegerField("近几年内有失信记录", default=3)
    method = VocabularyField(
        "改用的核查方式",
        max_length=16,
        vocabulary=Vocabulary.VERIFICATION_METHOD,
        exclude=(VerificationMethod.EXEMPT.value,),
    )
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="设置人", on_delete=models.PROTECT, related_name="+"
    )
    set_at = models.DateTimeField("设置时间", default=timezone.now)

    history = HistoricalRecords(verbose_name="从严核查设置变更记录")

    class Meta:
        verbose_name = "从严核查设置"
        verbose_name_plural = "从严核查设置"

    def __str__(self):
        return f"从严核查{self.item_id}"

    @property
    def label(self) -> str:
        return f"申请人近{self.years}年内有失信记录的，{self.get_method_display()}，不适用免于核查"


class StricterVerificationApplied(models.Model):
    """The rule that made a verification task stricter (shown on the task and letter pages)."""

    task = models.OneToOneField(
        "commitments.VerificationTask", on_delete=models.PROTECT, related_name="credit_rule"
    )
    setting = models.ForeignKey(StricterVerification, on_delete=models.PROTECT, related_name="+")
    description = models.CharField("适用的规则", max_length=300)

    class Meta:
        verbose_name = "从严核查适用记录"
        verbose_name_plural = "从严核查适用记录"

    def __str__(self):
        return self.description


class PushLog(models.Model):
    """One push of the export to the league's public credit platform."""

    since = models.DateField("起始日期")
    url = models.URLField("地址", max_length=500)
    records = models.PositiveIntegerField("记录数")
    attempts = models.PositiveSmallIntegerField("尝试次数")
    succeeded = models.BooleanField("成功")
    message = models.TextField("结果")
    pushed_at = models.DateTimeField("时间", default=timezone.now)

    class Meta:
        verbose_name = "信用信息推送记录"
        verbose_name_plural = "信用信息推送记录"
        ordering = ["-pushed_at", "-pk"]

    def __str__(self):
        return f"推送{self.pk}"
