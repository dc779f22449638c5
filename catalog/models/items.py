"""The domain: implementing agencies (附件1/附件2) and their certificate items (附件4 + 附件3).

A certificate item is a Wagtail snippet with drafts, revisions, locking, preview and the review
workflow. After its first publication the row holds the *live* version and later edits live only
in revisions; every public query therefore goes through ``CertificateItem.objects.live()``.
"""

from django import forms
from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.db.models.functions import Cast
from django.urls import reverse
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from simple_history.models import HistoricalRecords
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
    WorkflowState,
)

from vocabularies.enums import Vocabulary
from vocabularies.fields import VocabularyField

from ..enums import (
    DepartmentKind,
    ExcludedCategory,
    ExerciseLevel,
    FocusArea,
    ItemStatus,
    legal_precedence,
)
from ..extra_fields import labelled, values_errors
from ..forms import CertificateItemForm, ExtraFieldsPanel, ItemTabs
from ..text import CleanTextMixin

PHONE_HELP = "座机请写区号，如 010-12345678；手机 11 位。"


class DepartmentQuerySet(models.QuerySet):
    def with_published_item_counts(self):
        return self.annotate(
            published_item_count=models.Count("items", filter=models.Q(items__live=True))
        )


class Department(CleanTextMixin, models.Model):
    """An implementing agency of 附件1, with its 附件2 liaison table row."""

    name = models.CharField("单位名称", max_length=100, unique=True)
    kind = VocabularyField("单位类别", max_length=32, vocabulary=Vocabulary.DEPARTMENT_KIND)
    sort_order = models.PositiveIntegerField("排序", default=0)
    leader_name = models.CharField("分管领导姓名", max_length=50, blank=True)
    leader_office_phone = models.CharField(
        "分管领导办公号码", max_length=30, blank=True, help_text=PHONE_HELP
    )
    leader_mobile = models.CharField("分管领导手机号码", max_length=20, blank=True)
    liaison_name = models.CharField("联络员姓名", max_length=50, blank=True)
    liaison_office_phone = models.CharField(
        "联络员办公号码", max_length=30, blank=True, help_text=PHONE_HELP
    )
    liaison_mobile = models.CharField("联络员手机号码", max_length=20, blank=True)
    office_address = models.CharField("办公地址", max_length=200, blank=True)
    public_phone = models.CharField(
        "对外咨询电话", max_length=30, blank=True, help_text="在公开页面上展示，供群众咨询。"
    )

    history = HistoricalRecords(verbose_name="部门变更记录")
    objects = DepartmentQuerySet.as_manager()

    panels = [
        MultiFieldPanel(["name", "kind", "sort_order"], heading="基本信息"),
        MultiFieldPanel(
            [
                FieldRowPanel(["leader_name", "leader_office_phone", "leader_mobile"]),
                FieldRowPanel(["liaison_name", "liaison_office_phone", "liaison_mobile"]),
            ],
            heading="联络员信息（附件2）",
        ),
        MultiFieldPanel(["office_address", "public_phone"], heading="对外联系方式"),
    ]

    class Meta:
        verbose_name = "实施机关"
        verbose_name_plural = "实施机关"
        ordering = ["sort_order", "pk"]
        permissions = [
            ("edit_items", "编辑本单位证明事项"),
            ("lead_items", "审批本单位证明事项（分管领导）"),
            ("view_all_departments", "查看所有单位的证明事项"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("public:department", args=[self.pk])

    @property
    def is_township(self):
        return self.kind == DepartmentKind.TOWNSHIP


# The editorial statuses, in the order they are tested: the first rule whose facts all hold
# gives the status. This table is the only definition: ``EditorialStatusMixin.status()``
# evaluates it on one object, ``with_editorial_status()`` turns it into one SQL expression
# for listings, filters and counts.
#
# Facts: ``workflow`` is the status of the object's active workflow state (Wagtail keeps at most
# one: in progress, or sent back); ``live`` and ``has_unpublished_changes`` are Wagtail's draft
# state; ``ever_published`` means ``last_published_at`` is set (a withdrawal unpublishes the
# object and keeps that date).
WORKFLOW_IN_PROGRESS = WorkflowState.STATUS_IN_PROGRESS
WORKFLOW_NEEDS_CHANGES = WorkflowState.STATUS_NEEDS_CHANGES
STATUS_RULES: tuple[tuple[ItemStatus, dict], ...] = (
    (ItemStatus.IN_REVIEW, {"workflow": WORKFLOW_IN_PROGRESS}),
    (ItemStatus.SENT_BACK, {"workflow": WORKFLOW_NEEDS_CHANGES}),
    (ItemStatus.PUBLISHED_WITH_CHANGES, {"live": True, "has_unpublished_changes": True}),
    (ItemStatus.PUBLISHED, {"live": True}),
    (ItemStatus.WITHDRAWN, {"ever_published": True}),
    (ItemStatus.DRAFT, {}),
)
STATUS_ANNOTATION = "editorial_status"


def _workflow_state_exists(model, status: str):
    return models.Exists(
        WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(model),
            object_id=Cast(models.OuterRef("pk"), models.CharField(max_length=255)),
            status=status,
        )
    )


def _rule_condition(model, facts: dict) -> models.Q:
    condition = models.Q()
    for fact, value in facts.items():
        if fact == "workflow":
            condition &= models.Q(_workflow_state_exists(model, value))
        elif fact == "ever_published":
            condition &= models.Q(last_published_at__isnull=not value)
        else:
            condition &= models.Q(**{fact: value})
    return condition


def with_editorial_status(queryset):
    """``queryset`` annotated with ``editorial_status`` (an ``ItemStatus`` value)."""
    if STATUS_ANNOTATION in queryset.query.annotations:
        return queryset
    *rules, (fallback, _facts) = STATUS_RULES
    return queryset.annotate(
        **{
            STATUS_ANNOTATION: models.Case(
                *(
                    models.When(_rule_condition(queryset.model, facts), then=models.Value(status))
                    for status, facts in rules
                ),
                default=models.Value(fallback),
                output_field=models.CharField(max_length=32),
            )
        }
    )


def editorial_status_counts(queryset) -> dict[ItemStatus, int]:
    """How many objects of ``queryset`` are in each status (every status, zeros included)."""
    rows = (
        with_editorial_status(queryset.order_by())
        .values(STATUS_ANNOTATION)
        .annotate(n=models.Count("pk"))
    )
    counts = {status: 0 for status, _facts in STATUS_RULES}
    for row in rows:
        counts[ItemStatus(row[STATUS_ANNOTATION])] = row["n"]
    return counts


class EditorialStatusMixin:
    """The editorial status a clerk or reviewer sees, for any reviewed snippet."""

    def _status_facts(self) -> dict:
        workflow_state = self.current_workflow_state
        return {
            "workflow": workflow_state.status if workflow_state else None,
            "live": self.live,
            "has_unpublished_changes": self.has_unpublished_changes,
            "ever_published": self.last_published_at is not None,
        }

    def status(self) -> ItemStatus:
        """The editorial status a clerk or reviewer sees (``STATUS_RULES``)."""
        facts = self._status_facts()
        for status, conditions in STATUS_RULES:
            if all(facts[name] == value for name, value in conditions.items()):
                return status
        raise AssertionError("STATUS_RULES ends with a rule without conditions")


# The field that holds each exercise level (附件4 has one column per level), in column order.
EXERCISE_LEVEL_FIELDS = {
    ExerciseLevel.PROVINCIAL: "level_provincial",
    ExerciseLevel.CITY: "level_city",
    ExerciseLevel.COUNTY: "level_county",
    ExerciseLevel.TOWNSHIP: "level_township",
}


class CertificateItemQuerySet(models.QuerySet):
    def live(self):
        return self.filter(live=True)

    def for_department(self, department):
        return self.filter(department=department)

    def for_departments(self, departments):
        return self.filter(department__in=departments)

    def with_public_relations(self, *, articles=True):
        """Everything a public catalog row shows, in a fixed number of queries: the legal
        bases with their registry documents and, with ``articles``, the documents' article
        texts (shown when a basis has none; one item's page reads them only if needed)."""
        bases = models.Prefetch(
            "legal_bases", queryset=LegalBasis.objects.select_related("document")
        )
        lookups = [bases, "legal_bases__document__articles"] if articles else [bases]
        return self.select_related("department").prefetch_related(*lookups)


class CertificateItem(
    CleanTextMixin,
    EditorialStatusMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    ClusterableModel,
):
    """One row of the catalog (附件4) with the notification content of its letter (附件3)."""

    department = models.ForeignKey(
        Department,
        verbose_name="实施机关",
        on_delete=models.PROTECT,
        related_name="items",
    )
    name = models.CharField("证明名称", max_length=200)
    purpose = models.CharField(
        "证明用途",
        max_length=300,
        help_text="办理的行政事项，例如：律师事务所申请设立分所。",
    )
    requesting_unit = models.CharField("索要单位", max_length=200)
    issuing_unit = models.CharField("开具单位", max_length=200)
    level_provincial = models.BooleanField(ExerciseLevel.PROVINCIAL.label, default=False)
    level_city = models.BooleanField(ExerciseLevel.CITY.label, default=False)
    level_county = models.BooleanField(ExerciseLevel.COUNTY.label, default=False)
    level_township = models.BooleanField(ExerciseLevel.TOWNSHIP.label, default=False)
    matter_type = VocabularyField("事项类型", max_length=32, vocabulary=Vocabulary.MATTER_TYPE)
    focus_area = VocabularyField(
        "重点领域", max_length=32, vocabulary=Vocabulary.FOCUS_AREA, default=FocusArea.OTHER
    )
    remarks = models.TextField("备注", blank=True)

    # 附件3 二、行政机关告知
    certificate_content = models.TextField(
        "证明的内容（许可条件和材料要求）",
        help_text="写明申请人需要满足的具体条件，要可量化、易操作，不得使用“其他材料”等兜底表述。",
    )
    agent_may_commit = models.BooleanField(
        "可以由受托代理人代为承诺",
        default=False,
        help_text="不勾选表示“本证明事项必须由申请人作出承诺，不可代为承诺”。",
    )
    false_commitment_consequences = models.TextField(
        "不实承诺的责任",
        help_text="对执意隐瞒真实情况、提供虚假承诺的，依法作出的处理。",
    )
    verification_method = VocabularyField(
        "核查方式", max_length=16, vocabulary=Vocabulary.VERIFICATION_METHOD
    )
    verification_time_limit_days = models.PositiveSmallIntegerField(
        "核查时限（工作日）",
        null=True,
        blank=True,
        help_text="受理后多少个工作日内完成核查；免于核查时留空。",
    )
    verification_details = models.TextField("核查标准与说明", blank=True)
    letters_disclosed = models.BooleanField("公开承诺书", default=False)
    disclosure_scope = VocabularyField(
        "公开范围", max_length=32, vocabulary=Vocabulary.DISCLOSURE_SCOPE, blank=True
    )
    disclosure_period_months = models.PositiveSmallIntegerField(
        "公开时限（月）", null=True, blank=True
    )
    excluded_category = VocabularyField(
        "是否属于不适用情形",
        max_length=32,
        vocabulary=Vocabulary.EXCLUDED_CATEGORY,
        blank_label=ExcludedCategory.NONE.label,
        blank=True,
        default=ExcludedCategory.NONE,
        help_text="属于实施方案规定的不适用告知承诺制情形的，不能提交审核或发布。",
    )
    # The values of the extra fields the justice bureau defines (``ExtraField``), keyed by the
    # definition's key; kept in revisions like every other field (ADR 020).
    extra_values = models.JSONField("附加字段", default=dict, blank=True)

    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="certificate_item",
        for_concrete_model=False,
    )
    revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="certificate_item",
        for_concrete_model=False,
    )

    # simple-history keeps the *published* states; bookkeeping saves are skipped
    # (see catalog.signal_handlers and docs/adr/003-history-revisions-and-simple-history.md).
    history = HistoricalRecords(
        verbose_name="证明事项发布记录", excluded_fields=["latest_revision", "locked_at"]
    )
    objects = CertificateItemQuerySet.as_manager()

    basic_panels = [
        FieldPanel("department", widget=forms.Select),
        FieldPanel("name", required_on_save=True),
        FieldPanel("purpose"),
        InlinePanel("legal_bases", heading="设定依据", label="设定依据", min_num=0),
        FieldRowPanel(["requesting_unit", "issuing_unit"], heading="实施基本情况"),
        FieldRowPanel(
            ["level_provincial", "level_city", "level_county", "level_township"],
            heading="行使层级",
        ),
        FieldRowPanel(["matter_type", "focus_area"]),
        FieldPanel("remarks"),
        ExtraFieldsPanel(heading="附加字段"),
        FieldPanel("excluded_category"),
    ]
    notification_panels = [
        FieldPanel("certificate_content"),
        FieldPanel("agent_may_commit"),
        FieldPanel("false_commitment_consequences"),
        MultiFieldPanel(
            ["verification_method", "verification_time_limit_days", "verification_details"],
            heading="行政机关核查",
        ),
        MultiFieldPanel(
            ["letters_disclosed", "disclosure_scope", "disclosure_period_months"],
            heading="承诺的公开",
        ),
    ]
    edit_handler = ItemTabs(
        [
            ObjectList(basic_panels, heading="目录信息（附件4）"),
            ObjectList(notification_panels, heading="告知内容（附件3）"),
        ],
        base_form_class=CertificateItemForm,
    )

    class Meta:
        verbose_name = "证明事项"
        verbose_name_plural = "证明事项"
        ordering = ["department__sort_order", "department_id", "pk"]
        indexes = [models.Index(fields=["live", "department"])]

    def __str__(self):
        return self.name or f"未命名的证明事项（编号{self.pk}）"

    def get_absolute_url(self):
        return reverse("public:item", args=[self.pk])

    # --- derived values -------------------------------------------------------------------

    @property
    def exercise_levels(self) -> list[ExerciseLevel]:
        return [level for level, name in EXERCISE_LEVEL_FIELDS.items() if getattr(self, name)]

    @property
    def exercise_level_labels(self) -> str:
        return "、".join(level.label for level in self.exercise_levels)

    @property
    def public_extra_values(self) -> list:
        """The filled values of the public, active extra fields, with their labels (ADR 020)."""
        return labelled(self.extra_values, public_only=True)

    @property
    def bases_in_order(self) -> list:
        """The legal bases in order of precedence (the legal levels' order as terms: 法律 first),
        bases of one level in the order the department wrote them: how public pages list them."""
        return sorted(self.legal_bases.all(), key=lambda basis: basis.precedence)

    def clean(self):
        """The extra values must be values of their (active) definitions, whoever writes them."""
        super().clean()
        if not isinstance(self.extra_values, dict):
            raise ValidationError({"extra_values": "附加字段的值无效。"})
        messages = values_errors(self.extra_values)
        if messages:
            raise ValidationError({"extra_values": messages})

    # --- Wagtail hooks ----------------------------------------------------------------------

    def publish(self, revision, *args, **kwargs):
        """Refuse to publish a version that breaks the publication rules, whoever calls."""
        from ..validation import publication_errors

        errors = publication_errors(revision.as_object())
        if errors:
            raise ValidationError(errors)
        return super().publish(revision, *args, **kwargs)

    def get_preview_template(self, request, mode_name):
        return "public/item_detail.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["item"] = self
        context["legal_bases"] = self.bases_in_order
        context["department"] = self.department
        context["is_preview"] = True
        return context


class LegalBasis(CleanTextMixin, Orderable):
    """设定依据: one law or regulation that requires the certificate."""

    item = ParentalKey(CertificateItem, on_delete=models.CASCADE, related_name="legal_bases")
    name = models.CharField("依据名称", max_length=200, help_text="例如：《中华人民共和国律师法》")
    document_number = models.CharField(
        "文号", max_length=100, blank=True, help_text="例如：中华人民共和国主席令第七十六号"
    )
    article = models.CharField(
        "条款",
        max_length=100,
        blank=True,
        help_text="例如：第十九条、第三十五条第五款、附件2；以整个文件为依据时留空。",
    )
    article_text = models.TextField(
        "条文内容",
        blank=True,
        help_text="法律文件库中有该条条文的，可以不填，公开时显示文件库中的条文。",
    )
    legal_level = VocabularyField("效力层级", max_length=32, vocabulary=Vocabulary.LEGAL_LEVEL)
    document = models.ForeignKey(
        "catalog.LegalDocument",
        verbose_name="法律文件库",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="citations",
        help_text="不选时按依据名称自动对应；文件库中没有的，保存后新建为待确认的文件。",
    )

    panels = [
        FieldRowPanel(["name", "document_number"]),
        FieldPanel("document"),
        FieldRowPanel(["article", "legal_level"]),
        FieldPanel("article_text"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "设定依据"
        verbose_name_plural = "设定依据"

    def __str__(self):
        return f"{self.name}{self.article}"

    @property
    def citation(self) -> str:
        """The form used in the 附件4 column: 《律师法》第十九条."""
        number = f"（{self.document_number}）" if self.document_number else ""
        return f"{self.name}{number}{self.article}"

    @property
    def registry_document(self):
        """The linked registry document, or None (also when a revision names a deleted one)."""
        if not self.document_id:
            return None
        try:
            return self.document
        except ObjectDoesNotExist:
            return None

    @property
    def text(self) -> str:
        """The article text the public reads: the basis's own, else the registry's."""
        if self.article_text:
            return self.article_text
        document = self.registry_document
        return document.article_text(self.article) if document is not None else ""

    @property
    def precedence(self) -> int:
        return legal_precedence(self.legal_level)
