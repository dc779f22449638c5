"""The case (办件) of one application under the commitment system: the form given, its return
deadline, the signed letter, withdrawal and conclusion; the tally of the applicants' choices;
the return deadlines set by departments and items."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from catalog.text import CleanTextMixin

from ..cases.enums import ApplicantChoice, CaseOutcome, CaseStatus
from ..letters.enums import LetterChannel

RETURN_DAYS_VALIDATORS = [MinValueValidator(1), MaxValueValidator(60)]


class ReturnDeadline(models.Model):
    """The working days an applicant has to return the signed letter after receiving the form:
    a department's default (``item`` empty) or one item's own number."""

    department = models.ForeignKey(
        "catalog.Department", verbose_name="实施机关", on_delete=models.PROTECT, related_name="+"
    )
    item = models.OneToOneField(
        "catalog.CertificateItem",
        verbose_name="证明事项",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    working_days = models.PositiveSmallIntegerField(
        "递交期限（工作日）", validators=RETURN_DAYS_VALIDATORS
    )
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="设置人", on_delete=models.PROTECT, related_name="+"
    )
    set_at = models.DateTimeField("设置时间", default=timezone.now)

    history = HistoricalRecords(verbose_name="递交期限变更记录")

    class Meta:
        verbose_name = "承诺书递交期限"
        verbose_name_plural = "承诺书递交期限"
        constraints = [
            models.UniqueConstraint(
                fields=["department"],
                condition=models.Q(item__isnull=True),
                name="one_return_default_per_department",
            )
        ]

    def __str__(self):
        return f"{self.department_id}/{self.item_id or '-'}: {self.working_days}"


class CaseQuerySet(models.QuerySet):
    def open(self):
        return self.filter(concluded_on__isnull=True)

    def forms_to_send(self):
        """Remote applications whose form has not been recorded as sent."""
        return self.open().filter(form_given_on__isnull=True, withdrawn_on__isnull=True)

    def awaiting_return(self):
        return self.open().filter(
            form_given_on__isnull=False, letter__isnull=True, withdrawn_on__isnull=True
        )

    def return_overdue(self, today):
        return self.awaiting_return().filter(return_due_on__lt=today)

    def awaiting_conclusion(self):
        return self.open().filter(
            models.Q(letter__isnull=False) | models.Q(withdrawn_on__isnull=False)
        )

    def with_status(self, status, today):
        if status == CaseStatus.FORM_TO_SEND:
            return self.forms_to_send()
        if status == CaseStatus.AWAITING_RETURN:
            return self.awaiting_return().filter(return_due_on__gte=today)
        if status == CaseStatus.RETURN_OVERDUE:
            return self.return_overdue(today)
        if status == CaseStatus.LETTER_RECEIVED:
            return self.open().filter(letter__isnull=False, withdrawn_on__isnull=True)
        if status == CaseStatus.WITHDRAWN:
            return self.open().filter(withdrawn_on__isnull=False)
        if status == CaseStatus.CONCLUDED:
            return self.filter(concluded_on__isnull=False)
        return self


class Case(CleanTextMixin, models.Model):
    """One application for an item where the applicant chose to commit (办件). It holds no
    personal data: those are on the signed letter, shown to the department only."""

    department = models.ForeignKey(
        "catalog.Department", verbose_name="实施机关", on_delete=models.PROTECT, related_name="+"
    )
    item = models.ForeignKey(
        "catalog.CertificateItem",
        verbose_name="证明事项",
        on_delete=models.PROTECT,
        related_name="+",
    )
    item_name = models.CharField("证明名称", max_length=200)
    reference = models.CharField(
        "受理编号", max_length=60, blank=True, help_text="本单位业务系统中的受理编号（可不填）。"
    )
    channel = models.CharField("申请方式", max_length=16, choices=LetterChannel.choices)
    received_on = models.DateField("收到申请日期")
    form_due_on = models.DateField("告知承诺书送达期限", null=True, blank=True)
    form_given_on = models.DateField("告知承诺书发放（送达）日期", null=True, blank=True)
    return_working_days = models.PositiveSmallIntegerField("递交期限（工作日）")
    return_due_on = models.DateField("承诺书递交期限", null=True, blank=True)
    letter = models.OneToOneField(
        "commitments.CommitmentLetter",
        verbose_name="承诺书",
        on_delete=models.PROTECT,
        related_name="case",
        null=True,
        blank=True,
    )
    letter_linked_on = models.DateField("承诺书递交日期", null=True, blank=True)

    withdrawn_on = models.DateField("撤回承诺日期", null=True, blank=True)
    withdrawal_reason = models.TextField("撤回理由", blank=True)
    certificate_supplied_on = models.DateField("按原程序提交证明日期", null=True, blank=True)

    concluded_on = models.DateField("办结日期", null=True, blank=True)
    outcome = models.CharField("办理结果", max_length=16, choices=CaseOutcome.choices, blank=True)
    conclusion_note = models.TextField("办结说明", blank=True)

    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="+"
    )
    opened_at = models.DateTimeField("登记时间", default=timezone.now)

    history = HistoricalRecords(verbose_name="办件变更记录")
    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = "办件"
        verbose_name_plural = "办件"
        ordering = ["-received_on", "-pk"]
        indexes = [models.Index(fields=["department", "concluded_on"])]

    def __str__(self):
        return f"办件{self.pk} {self.item_name}"

    @property
    def label(self) -> str:
        return f"办件第{self.pk}号" + (f"（{self.reference}）" if self.reference else "")

    @property
    def is_remote(self) -> bool:
        return self.channel != LetterChannel.IN_PERSON

    def status(self, today=None) -> CaseStatus:
        today = today or timezone.localdate()
        if self.concluded_on:
            return CaseStatus.CONCLUDED
        if self.withdrawn_on:
            return CaseStatus.WITHDRAWN
        if self.letter_id:
            return CaseStatus.LETTER_RECEIVED
        if self.form_given_on is None:
            return CaseStatus.FORM_TO_SEND
        if self.return_due_on and self.return_due_on < today:
            return CaseStatus.RETURN_OVERDUE
        return CaseStatus.AWAITING_RETURN

    def form_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return bool(
            self.form_due_on
            and self.form_given_on is None
            and not self.concluded_on
            and not self.withdrawn_on
            and self.form_due_on < today
        )


class ChoiceEntry(CleanTextMixin, models.Model):
    """A count of applicants who chose one way for one item in one month (no personal data).
    A correction is a new entry with a negative count pointing at the entry it corrects."""

    department = models.ForeignKey(
        "catalog.Department", verbose_name="实施机关", on_delete=models.PROTECT, related_name="+"
    )
    item = models.ForeignKey(
        "catalog.CertificateItem",
        verbose_name="证明事项",
        on_delete=models.PROTECT,
        related_name="+",
    )
    month = models.DateField("月份", help_text="该月的第一天。")
    choice = models.CharField("申请人选择", max_length=16, choices=ApplicantChoice.choices)
    count = models.IntegerField("件数")
    case = models.OneToOneField(
        Case,
        verbose_name="办件",
        on_delete=models.PROTECT,
        related_name="choice_entry",
        null=True,
        blank=True,
    )
    corrects = models.ForeignKey(
        "self",
        verbose_name="更正的记录",
        on_delete=models.PROTECT,
        related_name="corrections",
        null=True,
        blank=True,
    )
    note = models.CharField("说明", max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField("登记时间", default=timezone.now)

    history = HistoricalRecords(verbose_name="申请人选择登记变更记录")

    class Meta:
        verbose_name = "申请人选择登记"
        verbose_name_plural = "申请人选择登记"
        ordering = ["-month", "-recorded_at", "-pk"]

    def __str__(self):
        return f"{self.item_id} {self.month:%Y-%m} {self.choice} {self.count}"


class CaseCorrectionKind(models.TextChoices):
    CONCLUSION = "conclusion", "办结结论"
    WITHDRAWAL = "withdrawal", "撤回承诺"


class CaseCorrection(CleanTextMixin, models.Model):
    """A correction of a recorded fact of a case (its conclusion or its withdrawal): the values
    it replaces and the new ones, with the reason. The case holds the values in force; every
    correction stays, and a later correction of the same fact points at the earlier one."""

    case = models.ForeignKey(
        Case, verbose_name="办件", on_delete=models.PROTECT, related_name="corrections"
    )
    kind = models.CharField("更正内容", max_length=16, choices=CaseCorrectionKind.choices)
    corrects = models.OneToOneField(
        "self",
        verbose_name="更正的更正记录",
        on_delete=models.PROTECT,
        related_name="correction",
        null=True,
        blank=True,
    )
    old_values = models.JSONField("原记录")
    new_values = models.JSONField("更正后")
    reason = models.TextField("更正理由")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="更正人", on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField("更正时间", default=timezone.now)

    history = HistoricalRecords(verbose_name="办件更正记录变更记录")

    class Meta:
        verbose_name = "办件更正记录"
        verbose_name_plural = "办件更正记录"
        ordering = ["recorded_at", "pk"]

    def __str__(self):
        return f"{self.case_id} {self.kind} {self.recorded_at:%Y-%m-%d}"

    def _describe(self, values) -> str:
        if self.kind == CaseCorrectionKind.CONCLUSION:
            outcome = dict(CaseOutcome.choices).get(values.get("outcome"), "")
            note = values.get("note")
            return f"{values.get('concluded_on')} {outcome}" + (f"：{note}" if note else "")
        return f"{values.get('withdrawn_on')}：{values.get('reason')}"

    @property
    def old_display(self) -> str:
        return self._describe(self.old_values)

    @property
    def new_display(self) -> str:
        return self._describe(self.new_values)
