"""Extra item fields (附加字段): catalog columns the justice bureau defines in the admin.

A definition says what an item may hold beyond the seed's columns (e.g. 是否可网上办理): its
key, label, type, whether it is required at submission, public, exported as a 附件4 column
after 备注, and its order. The values live on the item in ``CertificateItem.extra_values`` (a
JSON object keyed by the definition's key), so Wagtail revisions and the catalog revisions'
snapshots carry them. A definition used by any item (its row or any revision) cannot be
deleted, only retired: its values stay readable in history. See ADR 020.
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from simple_history.models import HistoricalRecords
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Revision

from ..text import CleanTextMixin


class ExtraFieldKind(models.TextChoices):
    BOOLEAN = "boolean", "是/否"
    TEXT = "text", "文本"
    URL = "url", "链接"
    NUMBER = "number", "数字"
    CHOICE = "choice", "选项"


KEY_VALIDATOR = RegexValidator(
    r"^[a-z][a-z0-9_]{0,39}$",
    "标识只能使用小写英文字母、数字和下划线，以字母开头，最长 40 个字符，例如 online_service。",
)


class ExtraFieldQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def public(self):
        return self.filter(active=True, public=True)

    def exported(self):
        return self.filter(active=True, exported=True)


class ExtraField(CleanTextMixin, models.Model):
    """One extra catalog column: what it is called, what it holds and where it appears."""

    key = models.CharField(
        "标识",
        max_length=40,
        unique=True,
        validators=[KEY_VALIDATOR],
        help_text="保存数据用的英文标识，创建后不能修改，例如 online_service。",
    )
    label = models.CharField("名称", max_length=50, unique=True, help_text="例如：是否可网上办理")
    kind = models.CharField("类型", max_length=16, choices=ExtraFieldKind.choices)
    choices = models.TextField(
        "可选项", blank=True, help_text="类型为“选项”时填写，每行一项，例如：全程网办、部分网办。"
    )
    min_value = models.DecimalField(
        "最小值", max_digits=14, decimal_places=4, null=True, blank=True
    )
    max_value = models.DecimalField(
        "最大值", max_digits=14, decimal_places=4, null=True, blank=True
    )
    help_text = models.CharField("填写说明", max_length=200, blank=True)
    required = models.BooleanField(
        "提交审核时必填", default=False, help_text="保存草稿时可以不填，提交审核和发布时必须填写。"
    )
    public = models.BooleanField(
        "在公开目录中显示", default=False, help_text="公开的字段显示在事项页面上，并可检索、筛选。"
    )
    exported = models.BooleanField(
        "导出到附件4", default=False, help_text="作为附件4表格中“备注”之后的一列导出和导入。"
    )
    sort_order = models.PositiveIntegerField("排序", default=0)
    active = models.BooleanField(
        "启用", default=True, help_text="停用后不再出现在编辑表单中，已填写的值仍保留在历史版本中。"
    )

    history = HistoricalRecords(verbose_name="附加字段变更记录")
    objects = ExtraFieldQuerySet.as_manager()

    panels = [
        FieldRowPanel(["label", "key"]),
        MultiFieldPanel(
            ["kind", "choices", FieldRowPanel(["min_value", "max_value"])], heading="类型"
        ),
        FieldPanel("help_text"),
        FieldRowPanel(["required", "public", "exported"], heading="用途"),
        FieldRowPanel(["sort_order", "active"]),
    ]

    class Meta:
        verbose_name = "附加字段"
        verbose_name_plural = "附加字段"
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.label if self.active else f"{self.label}（已停用）"

    @property
    def choice_list(self) -> list[str]:
        return [line.strip() for line in (self.choices or "").splitlines() if line.strip()]

    def clean(self):
        super().clean()
        errors = {}
        if self.kind == ExtraFieldKind.CHOICE and not self.choice_list:
            errors["choices"] = "类型为“选项”时请至少填写一个可选项（每行一项）。"
        if self.kind == ExtraFieldKind.CHOICE and len(set(self.choice_list)) != len(
            self.choice_list
        ):
            errors["choices"] = "可选项不能重复。"
        if self.kind != ExtraFieldKind.NUMBER and (
            self.min_value is not None or self.max_value is not None
        ):
            errors["min_value"] = "只有类型为“数字”的字段可以设置最小值和最大值。"
        if (
            self.min_value is not None
            and self.max_value is not None
            and self.min_value > self.max_value
        ):
            errors["max_value"] = "最大值不能小于最小值。"
        if self.pk:
            stored = type(self).objects.filter(pk=self.pk).values("key", "kind").first()
            if stored and self.usage_count(key=stored["key"]):
                if stored["key"] != self.key:
                    errors["key"] = "已有证明事项填写了该字段，标识不能修改。"
                if stored["kind"] != self.kind:
                    errors["kind"] = "已有证明事项填写了该字段，类型不能修改；可以停用后新建字段。"
        if errors:
            raise ValidationError(errors)

    def usage_count(self, key: str | None = None) -> int:
        """How many items hold a value for this field (``key``: its stored key) in their row or
        in any revision."""
        key = key or self.key
        # the item model by name: it imports this module's app logic (catalog.extra_fields)
        CertificateItem = self._meta.apps.get_model("catalog", "CertificateItem")
        if not key:
            return 0
        rows = set(
            CertificateItem.objects.filter(extra_values__has_key=key).values_list("pk", flat=True)
        )
        revisions = Revision.objects.filter(
            base_content_type__app_label="catalog",
            base_content_type__model="certificateitem",
            content__extra_values__has_key=key,
        ).values_list("object_id", flat=True)
        rows |= {int(pk) for pk in revisions}
        return len(rows)

    def is_used(self) -> bool:
        return self.usage_count() > 0
