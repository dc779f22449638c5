"""Service guides (办事指南): how to apply for one administrative matter.

A guide is edited by its department and reviewed and published exactly like a certificate item
(same mixins, same workflow, same department scope). Its materials say which of them a
commitment replaces, each linked to the published certificate item it stands for.
"""

from django import forms
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
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
    TabbedInterface,
)
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)

from vocabularies.enums import Vocabulary
from vocabularies.fields import VocabularyField

from ..guides.forms import ServiceGuideForm
from ..text import CleanTextMixin
from .items import PHONE_HELP, CertificateItem, Department, EditorialStatusMixin


class ServiceGuideQuerySet(models.QuerySet):
    def live(self):
        return self.filter(live=True)

    def for_department(self, department):
        return self.filter(department=department)


class ServiceGuide(
    CleanTextMixin,
    EditorialStatusMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    ClusterableModel,
):
    """办事指南 of one administrative matter. Drafts may be incomplete; the completeness rules
    (``catalog.validation.guide_publication_errors``) apply on submission and publication."""

    department = models.ForeignKey(
        Department, verbose_name="实施机关", on_delete=models.PROTECT, related_name="guides"
    )
    name = models.CharField(
        "事项名称", max_length=200, help_text="办理的行政事项，例如：律师事务所设立分所审核。"
    )
    matter_type = VocabularyField("事项类型", max_length=32, vocabulary=Vocabulary.MATTER_TYPE)
    legal_basis = models.TextField(
        "设定依据", blank=True, help_text="法律法规名称、文号和条款，每条一行。"
    )
    conditions = models.TextField(
        "申请条件",
        blank=True,
        help_text="逐条写明申请人需要符合的条件，不得使用“其他条件”等兜底表述。",
    )
    statutory_time_limit_days = models.PositiveSmallIntegerField(
        "法定办结时限（工作日）", null=True, blank=True
    )
    promised_time_limit_days = models.PositiveSmallIntegerField(
        "承诺办结时限（工作日）",
        null=True,
        blank=True,
        help_text="当场办结的填 0。不得长于法定办结时限。",
    )
    is_free = models.BooleanField("不收费", default=False)
    fee_details = models.TextField(
        "收费标准及依据", blank=True, help_text="收费的写明标准和依据；不收费的勾选“不收费”。"
    )
    hall = models.CharField(
        "办理地点", max_length=200, blank=True, help_text="例如：政务服务中心一楼"
    )
    window = models.CharField("办理窗口", max_length=100, blank=True)
    office_hours = models.CharField(
        "办理时间",
        max_length=200,
        blank=True,
        help_text="例如：工作日 上午8:30—12:00，下午14:30—18:00（法定节假日除外）",
    )
    online_url = models.URLField("网上办理地址", blank=True)
    contact_phone = models.CharField("咨询电话", max_length=30, blank=True, help_text=PHONE_HELP)
    complaint_channel = models.TextField(
        "投诉举报渠道", blank=True, help_text="投诉电话、地址或网址；投诉在5个工作日内调查处理。"
    )
    flow_chart = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="办理流程图",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="可选。流程图之外，办理流程也要以文字写明。",
    )

    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="service_guide",
        for_concrete_model=False,
    )
    revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="service_guide",
        for_concrete_model=False,
    )

    history = HistoricalRecords(
        verbose_name="办事指南发布记录", excluded_fields=["latest_revision", "locked_at"]
    )
    objects = ServiceGuideQuerySet.as_manager()

    basic_panels = [
        FieldPanel("department", widget=forms.Select),
        FieldPanel("name", required_on_save=True),
        FieldPanel("matter_type"),
        FieldPanel("legal_basis"),
        FieldPanel("conditions"),
    ]
    materials_panels = [
        InlinePanel("materials", heading="申请材料", label="材料", min_num=0),
    ]
    process_panels = [
        InlinePanel("steps", heading="办理流程", label="环节", min_num=0),
        FieldPanel("flow_chart"),
        FieldRowPanel(
            ["statutory_time_limit_days", "promised_time_limit_days"], heading="办结时限"
        ),
        MultiFieldPanel(["is_free", "fee_details"], heading="收费"),
    ]
    service_panels = [
        MultiFieldPanel(["hall", "window", "office_hours", "online_url"], heading="办理地点和时间"),
        MultiFieldPanel(["contact_phone", "complaint_channel"], heading="咨询和投诉"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(basic_panels, heading="基本信息"),
            ObjectList(materials_panels, heading="申请材料"),
            ObjectList(process_panels, heading="流程、时限和收费"),
            ObjectList(service_panels, heading="办理地点与联系方式"),
        ],
        base_form_class=ServiceGuideForm,
    )

    class Meta:
        verbose_name = "办事指南"
        verbose_name_plural = "办事指南"
        ordering = ["department__sort_order", "department_id", "pk"]
        indexes = [models.Index(fields=["live", "department"])]

    def __str__(self):
        return self.name or f"未命名的办事指南（编号{self.pk}）"

    def get_absolute_url(self):
        return reverse("public:guide", args=[self.pk])

    def publish(self, revision, *args, **kwargs):
        """Refuse to publish an incomplete guide, whoever calls."""
        from ..validation import flat_errors, guide_publication_errors

        errors = guide_publication_errors(revision.as_object())
        if errors:
            raise ValidationError(flat_errors(errors))
        return super().publish(revision, *args, **kwargs)

    def get_preview_template(self, request, mode_name):
        return "public/guide_detail.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["guide"] = self
        context["materials"] = list(self.materials.all())
        context["steps"] = list(self.steps.all())
        context["department"] = self.department
        context["is_preview"] = True
        return context


class PublishedItemForeignKey(models.ForeignKey):
    """A link to a certificate item, chosen in the admin among *published* items only."""

    def formfield(self, **kwargs):
        from ..guides.forms import PublishedItemChoiceField

        return super().formfield(**{**kwargs, "form_class": PublishedItemChoiceField})


class GuideMaterial(CleanTextMixin, Orderable):
    """One entry of the guide's list of materials; a commitment may replace it."""

    guide = ParentalKey(ServiceGuide, on_delete=models.CASCADE, related_name="materials")
    name = models.CharField("材料名称", max_length=200)
    copies = models.CharField(
        "份数和形式", max_length=100, blank=True, help_text="例如：原件1份、复印件1份"
    )
    source = models.CharField(
        "来源", max_length=200, blank=True, help_text="例如：申请人自备、公安机关出具"
    )
    replaced_by_commitment = models.BooleanField(
        "可用告知承诺替代",
        default=False,
        help_text="勾选后须选择对应的证明事项；申请人书面承诺后不再提交该材料。",
    )
    certificate_item = PublishedItemForeignKey(
        CertificateItem,
        verbose_name="对应的证明事项",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="guide_materials",
    )
    notes = models.TextField("要求说明", blank=True)

    panels = [
        FieldRowPanel(["name", "copies"]),
        FieldPanel("source"),
        FieldRowPanel(["replaced_by_commitment"]),
        FieldPanel("certificate_item", widget=forms.Select),
        FieldPanel("notes"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "申请材料"
        verbose_name_plural = "申请材料"

    def __str__(self):
        return self.name


class GuideStep(CleanTextMixin, Orderable):
    """One step of the procedure (受理、审查、决定、送达 …)."""

    guide = ParentalKey(ServiceGuide, on_delete=models.CASCADE, related_name="steps")
    title = models.CharField("环节", max_length=100, help_text="例如：受理、审查、决定、送达")
    description = models.TextField("办理要求", blank=True)

    panels = [FieldPanel("title"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = "办理环节"
        verbose_name_plural = "办理环节"

    def __str__(self):
        return self.title
