"""Terms of the vocabularies (词表, ADR 023): the values records store, with their labels.

A record stores a term's ``code``; the label, the order and whether the term is still offered
(``active``) are data the justice bureau and the administrator edit. A code never changes once
created; a term used by any record (current rows, simple-history rows, Wagtail revisions) is
never deleted, only retired, so old records and history stay readable.
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from simple_history.models import HistoricalRecords

from .enums import PROTECTED_CODES, Vocabulary
from .registry import registry
from .usage import usage_count

CODE_VALIDATOR = RegexValidator(
    r"^[a-z][a-z0-9_]*$",
    "代码只能使用小写英文字母、数字和下划线，以字母开头，例如 market_access。",
)


class Term(models.Model):
    vocabulary = models.CharField("词表", max_length=32, choices=Vocabulary.choices)
    code = models.CharField(
        "代码",
        max_length=32,
        validators=[CODE_VALIDATOR],
        help_text="记录中保存的英文代码，创建后不能修改，例如 market_access。",
    )
    label = models.CharField("名称", max_length=100, help_text="公开页面、表单和导出中显示的名称。")
    order = models.PositiveIntegerField(
        "排序", default=0, help_text="数字小的排在前面；效力层级按此顺序确定位阶（法律在先）。"
    )
    active = models.BooleanField(
        "启用",
        default=True,
        help_text="停用后不再供新记录选择，已使用它的记录和历史版本仍显示其名称。",
    )

    history = HistoricalRecords(verbose_name="词条变更记录")

    class Meta:
        verbose_name = "词条"
        verbose_name_plural = "词表"
        ordering = ["vocabulary", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["vocabulary", "code"],
                name="vocabularies_term_code_unique",
                violation_error_message="该词表中已有相同代码的词条。",
            ),
            models.UniqueConstraint(
                fields=["vocabulary", "label"],
                name="vocabularies_term_label_unique",
                violation_error_message="该词表中已有相同名称的词条。",
            ),
        ]

    def __str__(self):
        return self.label if self.active else f"{self.label}（已停用）"

    @property
    def protected(self) -> bool:
        """Whether the code relies on this term (it may then never be deleted)."""
        return self.code in PROTECTED_CODES.get(self.vocabulary, ())

    def clean(self):
        super().clean()
        self.label = (self.label or "").strip()
        errors = {}
        if self.pk:
            stored = type(self).objects.filter(pk=self.pk).values("vocabulary", "code").first()
            if stored and stored["code"] != self.code:
                errors["code"] = "代码创建后不能修改：记录中保存的是代码。"
            if stored and stored["vocabulary"] != self.vocabulary:
                errors["vocabulary"] = "词条创建后不能移到其他词表。"
        else:
            limit = registry.max_length(self.vocabulary)
            if limit and self.code and len(self.code) > limit:
                errors["code"] = f"该词表的代码最长 {limit} 个字符。"
        if errors:
            raise ValidationError(errors)

    def usage_count(self) -> int:
        return usage_count(self.vocabulary, self.code)
