"""Supervision of the implementation plan (实施方案): plans, their milestones, each unit's
delivery with its documents, and the problems units report to the justice bureau."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from catalog.enums import DepartmentKind
from catalog.text import CleanTextMixin
from vocabularies import reader
from vocabularies.enums import Vocabulary

from .enums import Deliverable, ProblemStatus, RuleKind, RuleStatus, SubmissionStatus

# Milestone flags per unit kind (the four default department kinds: their terms cannot be
# deleted, ADR 023; units of a kind added later have no milestones until a flag is added here).
KIND_FIELDS = {
    DepartmentKind.BANNER_DEPARTMENT: "for_banner_departments",
    DepartmentKind.TOWNSHIP: "for_townships",
    DepartmentKind.VERTICAL_UNIT: "for_vertical_units",
    DepartmentKind.FIRE_BRIGADE: "for_fire_brigade",
}


class Plan(CleanTextMixin, models.Model):
    """One year's implementation plan (e.g. 2021年实施方案) with its milestones."""

    year = models.PositiveSmallIntegerField("年度", unique=True)
    name = models.CharField("方案名称", max_length=200)
    source = models.CharField(
        "依据文件",
        max_length=300,
        blank=True,
        help_text="例如：《××旗全面推行证明事项告知承诺制实施方案》。",
    )
    created_at = models.DateTimeField("创建时间", default=timezone.now)

    history = HistoricalRecords(verbose_name="实施方案变更记录")

    panels = [
        MultiFieldPanel(["year", "name", "source"], heading="方案"),
    ]

    class Meta:
        verbose_name = "实施方案"
        verbose_name_plural = "实施方案"
        ordering = ["-year"]

    def __str__(self):
        return self.name


class Milestone(CleanTextMixin, models.Model):
    """A dated step of a plan, for some kinds of units, delivered by a document or by a fact
    the platform knows."""

    plan = models.ForeignKey(
        Plan, verbose_name="实施方案", on_delete=models.CASCADE, related_name="milestones"
    )
    sort_order = models.PositiveIntegerField("排序", default=0)
    name = models.CharField("节点名称", max_length=200)
    description = models.TextField("要求", blank=True)
    due_on = models.DateField("截止日期")
    deliverable = models.CharField(
        "完成方式", max_length=32, choices=Deliverable.choices, default=Deliverable.DOCUMENT
    )
    for_banner_departments = models.BooleanField("适用于旗直部门", default=True)
    for_townships = models.BooleanField("适用于苏木镇人民政府", default=True)
    for_vertical_units = models.BooleanField("适用于垂直管理单位", default=True)
    for_fire_brigade = models.BooleanField("适用于消防救援队伍", default=True)

    history = HistoricalRecords(verbose_name="工作节点变更记录")

    panels = [
        FieldPanel("plan"),
        FieldRowPanel(["name", "due_on", "deliverable"]),
        FieldPanel("description"),
        FieldRowPanel(
            ["for_banner_departments", "for_townships", "for_vertical_units", "for_fire_brigade"],
            heading="适用单位",
        ),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = "工作节点"
        verbose_name_plural = "工作节点"
        ordering = ["plan", "due_on", "sort_order", "pk"]

    def __str__(self):
        return f"{self.name}（{self.due_on:%Y-%m-%d}）"

    @property
    def kinds(self) -> list[str]:
        return [kind for kind, field in KIND_FIELDS.items() if getattr(self, field)]

    @property
    def kinds_label(self) -> str:
        kinds = self.kinds
        if len(kinds) == len(KIND_FIELDS):
            return "全部单位"
        return "、".join(reader.label(Vocabulary.DEPARTMENT_KIND, kind) for kind in kinds) or "无"

    def clean(self):
        super().clean()
        if not self.kinds:
            raise ValidationError({"for_banner_departments": "请至少选择一类适用单位。"})

    def applies_to(self, department) -> bool:
        return department.kind in self.kinds

    @property
    def is_fact(self) -> bool:
        return self.deliverable != Deliverable.DOCUMENT


class Submission(CleanTextMixin, models.Model):
    """One unit's delivery of one document milestone: submitted, then confirmed or returned by
    the justice bureau. No row means nothing was submitted."""

    milestone = models.ForeignKey(
        Milestone, verbose_name="工作节点", on_delete=models.PROTECT, related_name="submissions"
    )
    department = models.ForeignKey(
        "catalog.Department",
        verbose_name="单位",
        on_delete=models.PROTECT,
        related_name="milestone_submissions",
    )
    status = models.CharField("状态", max_length=16, choices=SubmissionStatus.choices)
    note = models.TextField("报送说明", blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="报送人", on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField("报送时间", default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审核人",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    decided_at = models.DateTimeField("审核时间", null=True, blank=True)
    comment = models.TextField("审核意见", blank=True)

    history = HistoricalRecords(verbose_name="报送变更记录")

    class Meta:
        verbose_name = "节点报送"
        verbose_name_plural = "节点报送"
        constraints = [
            models.UniqueConstraint(
                fields=["milestone", "department"], name="unique_submission_per_unit"
            )
        ]
        permissions = [
            ("deliver_submission", "报送本单位的工作节点材料"),
            ("decide_submission", "确认或退回工作节点材料"),
        ]

    def __str__(self):
        return f"{self.department} · {self.milestone}"


def document_path(instance, filename: str) -> str:
    """Stored under a random name (never the clerk's file name): the file is private and served
    only by ``supervision.views.document_download`` after a scope check."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"supervision/{uuid.uuid4().hex}.{extension}"


class SubmissionDocument(models.Model):
    """A file uploaded for a submission; every upload is kept (a resubmission adds files)."""

    submission = models.ForeignKey(
        Submission, verbose_name="报送", on_delete=models.CASCADE, related_name="documents"
    )
    file = models.FileField("文件", upload_to=document_path, max_length=200)
    original_name = models.CharField("文件名", max_length=200)
    size = models.PositiveIntegerField("大小（字节）")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="上传人", on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField("上传时间", default=timezone.now)

    history = HistoricalRecords(verbose_name="材料变更记录")

    class Meta:
        verbose_name = "报送材料"
        verbose_name_plural = "报送材料"
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self):
        return self.original_name


class ProblemReport(CleanTextMixin, models.Model):
    """A problem a unit reports to the justice bureau (实施方案 五), tracked until answered."""

    department = models.ForeignKey(
        "catalog.Department",
        verbose_name="报告单位",
        on_delete=models.PROTECT,
        related_name="problem_reports",
    )
    title = models.CharField("问题", max_length=200)
    body = models.TextField("情况说明")
    status = models.CharField(
        "状态", max_length=16, choices=ProblemStatus.choices, default=ProblemStatus.OPEN
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="报告人", on_delete=models.PROTECT, related_name="+"
    )
    reported_at = models.DateTimeField("报告时间", default=timezone.now)
    answer = models.TextField("答复", blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="答复人",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    answered_at = models.DateTimeField("答复时间", null=True, blank=True)

    history = HistoricalRecords(verbose_name="问题报告变更记录")

    class Meta:
        verbose_name = "问题报告"
        verbose_name_plural = "问题报告"
        ordering = ["-reported_at", "-pk"]
        permissions = [("answer_problemreport", "答复问题报告")]

    def __str__(self):
        return self.title


class RuleDocument(CleanTextMixin, models.Model):
    """One version of a unit's 工作规程 or 风险点与防控措施 (the 4月9日 deliverable of 建章立制).

    Every submission is a new row (version 1, 2, …) that the justice bureau approves or returns
    with a comment; nothing is overwritten or deleted, so the versions are the history. The
    unit's rules in force are its latest approved version (ADR 015)."""

    department = models.ForeignKey(
        "catalog.Department",
        verbose_name="单位",
        on_delete=models.PROTECT,
        related_name="rule_documents",
    )
    kind = models.CharField("文件类别", max_length=16, choices=RuleKind.choices)
    version = models.PositiveIntegerField("版本")
    text = models.TextField("正文", blank=True)
    file = models.FileField("附件", upload_to=document_path, max_length=200, blank=True)
    original_name = models.CharField("附件文件名", max_length=200, blank=True)
    note = models.TextField("修订说明", blank=True)
    status = models.CharField(
        "状态", max_length=16, choices=RuleStatus.choices, default=RuleStatus.SUBMITTED
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="报送人", on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField("报送时间", default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审核人",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    decided_at = models.DateTimeField("审核时间", null=True, blank=True)
    comment = models.TextField("审核意见", blank=True)

    history = HistoricalRecords(verbose_name="规章制度变更记录")

    class Meta:
        verbose_name = "规章制度"
        verbose_name_plural = "规章制度"
        ordering = ["department", "kind", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["department", "kind", "version"], name="unique_rule_document_version"
            )
        ]
        permissions = [
            ("submit_ruledocument", "报送本单位的工作规程和风险点与防控措施"),
            ("decide_ruledocument", "审定或退回单位的工作规程和风险点与防控措施"),
        ]

    def __str__(self):
        return f"{self.department} · {self.get_kind_display()} 第{self.version}版"


class MilestoneReminder(models.Model):
    """A reminder e-mail already sent: one row per unit, milestone, kind (before the date or
    overdue) and address, so that the daily run never sends the same reminder twice."""

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", "即将到期"
        OVERDUE = "overdue", "已逾期"

    milestone = models.ForeignKey(
        Milestone, verbose_name="工作节点", on_delete=models.PROTECT, related_name="+"
    )
    department = models.ForeignKey(
        "catalog.Department", verbose_name="单位", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField("提醒类型", max_length=16, choices=Kind.choices)
    email = models.EmailField("收件地址", max_length=254)
    sent_at = models.DateTimeField("发送时间", default=timezone.now)

    class Meta:
        verbose_name = "已发送的工作节点提醒"
        verbose_name_plural = "已发送的工作节点提醒"
        constraints = [
            models.UniqueConstraint(
                fields=["milestone", "department", "kind", "email"],
                name="one_milestone_reminder_per_address",
            )
        ]

    def __str__(self):
        return f"{self.department_id} {self.milestone_id} {self.kind} {self.email}"


class SupervisorUnit(models.Model):
    """The unit a supervisor (监管人员) works for: one of the units that supervise the plan
    (旗政务服务局, 旗司法局; ``supervision.access.SUPERVISING_UNIT_NAMES``). A supervisor reads
    every unit once bound, and nothing of the plan before."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="监管人员",
        on_delete=models.PROTECT,
        related_name="supervisor_unit",
    )
    department = models.ForeignKey(
        "catalog.Department", verbose_name="监督单位", on_delete=models.PROTECT, related_name="+"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="设置人", on_delete=models.PROTECT, related_name="+"
    )
    assigned_at = models.DateTimeField("设置时间", default=timezone.now)

    history = HistoricalRecords(verbose_name="监管人员所属单位变更记录")

    class Meta:
        verbose_name = "监管人员所属单位"
        verbose_name_plural = "监管人员所属单位"

    def __str__(self):
        return f"{self.user} · {self.department}"
