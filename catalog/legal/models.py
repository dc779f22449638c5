"""The registry of legal documents (法律文件库) and the review flags a change of one raises.

Departments cite the same few hundred documents over and over. The registry keeps each once:
its full name and the short names people use (律师法 → 中华人民共和国律师法), its 文号, issuing
body, 效力层级, dates and status, and optionally its articles with their text. A ``LegalBasis``
of an item links to its document (matched by name, see ``names``); when the basis carries no
article text, the registry's text of that article is shown. A document the registry does not
know yet is created *unverified* by the import or the edit form, for the justice bureau to
confirm.

When the justice bureau marks a document amended or repealed, every published item citing it
gets a ``ReviewFlag`` (需复核) until it is published again after review, withdrawn, or the
flag is closed by a reviewer with a note.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from simple_history.models import HistoricalRecords
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from vocabularies.enums import Vocabulary
from vocabularies.fields import VocabularyField

from ..enums import DocumentStatus
from ..text import CleanTextMixin
from .names import article_key, document_key, text_of_article


class ChildHistoricalRecords(HistoricalRecords):
    """simple-history for a modelcluster child row: its ``ParentalKey`` is recorded as a plain
    foreign key (simple-history copies the field's class, and modelcluster refuses the
    ``related_name="+"`` a historical model needs)."""

    def copy_fields(self, model):
        fields = super().copy_fields(model)
        for name, field in fields.items():
            if isinstance(field, ParentalKey):
                field.swappable = False
                _name, _path, args, kwargs = field.deconstruct()
                copied = models.ForeignKey(*args, **kwargs)
                copied.name = field.name
                fields[name] = copied
        return fields


class LegalDocumentQuerySet(models.QuerySet):
    def verified(self):
        return self.filter(verified=True)

    def unverified(self):
        return self.filter(verified=False)

    def with_citation_counts(self):
        """``live_citations``: published items citing the document; ``citations_count``: bases
        of every item's current row (drafts included)."""
        return self.annotate(
            citations_count=models.Count("citations__item", distinct=True),
            live_citations=models.Count(
                "citations__item",
                filter=models.Q(citations__item__live=True),
                distinct=True,
            ),
        )


class LegalDocument(CleanTextMixin, ClusterableModel):
    """One law, regulation, rule, decision or normative document (法律文件)."""

    name = models.CharField(
        "名称（全称）",
        max_length=200,
        help_text="不带书名号的全称，例如：中华人民共和国律师法。",
    )
    key = models.CharField("名称检索键", max_length=200, unique=True, editable=False)
    document_number = models.CharField(
        "文号", max_length=100, blank=True, help_text="例如：中华人民共和国主席令第七十六号"
    )
    issuing_body = models.CharField(
        "制定机关", max_length=100, blank=True, help_text="例如：全国人民代表大会常务委员会"
    )
    legal_level = VocabularyField(
        "效力层级", max_length=32, vocabulary=Vocabulary.LEGAL_LEVEL, blank=True
    )
    promulgated_on = models.DateField("公布日期", null=True, blank=True)
    effective_on = models.DateField("施行日期", null=True, blank=True)
    amended_on = models.DateField(
        "修改日期", null=True, blank=True, help_text="最近一次修改（修正、修订）的日期。"
    )
    repealed_on = models.DateField("废止日期", null=True, blank=True)
    status = models.CharField(
        "时效性", max_length=16, choices=DocumentStatus.choices, default=DocumentStatus.IN_FORCE
    )
    status_note = models.TextField(
        "修改或废止说明", blank=True, help_text="例如：被《……》取代；修改了第几条。"
    )
    verified = models.BooleanField(
        "已确认",
        default=False,
        help_text="司法局核对过名称、文号和效力层级后确认。导入或填报时新出现的文件为“待确认”。",
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="确认人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verified_at = models.DateTimeField("确认时间", null=True, blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    history = HistoricalRecords(verbose_name="法律文件变更记录")
    objects = LegalDocumentQuerySet.as_manager()

    # The edit form (``viewsets.LegalDocumentViewSet``); status and dates of amendment and
    # repeal are set on their own page, which flags the items citing the document.
    panels = [
        MultiFieldPanel(
            [
                "name",
                FieldRowPanel(["document_number", "legal_level"]),
                "issuing_body",
                FieldRowPanel(["promulgated_on", "effective_on"]),
            ],
            heading="基本信息",
        ),
        InlinePanel("aliases", heading="简称和别名", label="简称或别名"),
        InlinePanel("articles", heading="条文", label="条文"),
    ]

    class Meta:
        verbose_name = "法律文件"
        verbose_name_plural = "法律文件库"
        ordering = ["name"]

    def __str__(self):
        return f"《{self.name}》"

    def clean(self):
        super().clean()
        self.name = (self.name or "").strip().strip("《》").strip()
        if not document_key(self.name):
            raise ValidationError({"name": "请填写法律文件的名称（全称）。"})

    def save(self, *args, **kwargs):
        self.name = (self.name or "").strip().strip("《》").strip()
        self.key = document_key(self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("legal_document_history", args=[self.pk])

    @property
    def status_date(self):
        """The date of the status: repealed on, amended on, or None while in force."""
        if self.status == DocumentStatus.REPEALED:
            return self.repealed_on
        if self.status == DocumentStatus.AMENDED:
            return self.amended_on
        return None

    @property
    def citation(self) -> str:
        number = f"（{self.document_number}）" if self.document_number else ""
        return f"《{self.name}》{number}"

    def article_text(self, article: str) -> str:
        """The registry's text of ``article`` (``names.text_of_article``), "" if it lacks it."""
        return text_of_article({a.key: a.text for a in self.articles.all() if a.text}, article)


class LegalDocumentName(CleanTextMixin, Orderable):
    """A short name or alias by which a document is cited (律师法, 律所管理办法 …)."""

    document = ParentalKey(LegalDocument, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField("简称或别名", max_length=200)
    key = models.CharField("检索键", max_length=200, unique=True, editable=False)

    history = ChildHistoricalRecords(verbose_name="法律文件别名变更记录")

    panels = [FieldPanel("name")]

    class Meta(Orderable.Meta):
        verbose_name = "简称或别名"
        verbose_name_plural = "简称和别名"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name = (self.name or "").strip().strip("《》").strip()
        self.key = document_key(self.name)
        super().save(*args, **kwargs)


class LegalArticle(CleanTextMixin, Orderable):
    """One article (or chapter, section, annex) of a document, with its text."""

    document = ParentalKey(LegalDocument, on_delete=models.CASCADE, related_name="articles")
    article = models.CharField("条款", max_length=100, help_text="例如：第十九条")
    key = models.CharField("条款检索键", max_length=100, editable=False)
    text = models.TextField("条文内容", blank=True)

    history = ChildHistoricalRecords(verbose_name="法律文件条文变更记录")

    panels = [FieldPanel("article"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = "条文"
        verbose_name_plural = "条文"
        constraints = [
            models.UniqueConstraint(fields=["document", "key"], name="legal_article_unique_key")
        ]

    def __str__(self):
        return self.article

    def save(self, *args, **kwargs):
        self.key = article_key(self.article)
        super().save(*args, **kwargs)


class ReviewFlagQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at__isnull=True)


class ReviewFlag(models.Model):
    """需复核: a published item cites a document that was amended or repealed after it."""

    item = models.ForeignKey(
        "catalog.CertificateItem",
        verbose_name="证明事项",
        on_delete=models.CASCADE,
        related_name="review_flags",
    )
    document = models.ForeignKey(
        LegalDocument, verbose_name="法律文件", on_delete=models.CASCADE, related_name="flags"
    )
    change = models.CharField(
        "变化",
        max_length=16,
        choices=[(s.value, s.label) for s in (DocumentStatus.AMENDED, DocumentStatus.REPEALED)],
    )
    changed_on = models.DateField("修改或废止日期", null=True, blank=True)
    raised_at = models.DateTimeField("标记时间")
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="标记人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    resolved_at = models.DateTimeField("复核完成时间", null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="复核人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    resolution = models.CharField("复核结果", max_length=300, blank=True)

    objects = ReviewFlagQuerySet.as_manager()

    class Meta:
        verbose_name = "需复核标记"
        verbose_name_plural = "需复核标记"
        ordering = ["-raised_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["item", "document"],
                condition=models.Q(resolved_at__isnull=True),
                name="review_flag_one_open_per_item_and_document",
            )
        ]

    def __str__(self):
        return f"{self.item}：{self.document}{self.get_change_display()}"

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None
