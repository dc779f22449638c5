"""A department's usual 附件3 content, set once, for the items a 附件4 sheet brings in.

附件4 has no columns for the notification part of the letter (附件3): the conditions
(证明的内容), the consequences of a false commitment, the verification method and time limit,
whether an agent may commit, the disclosure. Most of a department's items share them. The
department (or an administrator) writes them here once; a new item imported from a sheet takes
them, and a department whose defaults are complete can bring its whole catalog in with
``import_catalog --submit`` and only edit the exceptions.

The conditions text may name the row's own values: ``{证明名称}``, ``{证明用途}``, ``{开具单位}``.
"""

import re

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from vocabularies.enums import Vocabulary
from vocabularies.fields import VocabularyField

from ..enums import VerificationMethod
from ..text import CleanTextMixin
from .items import Department

# The names a default text may use, and the item field each stands for.
TEMPLATE_FIELDS = {"证明名称": "name", "证明用途": "purpose", "开具单位": "issuing_unit"}
_FIELD_REFERENCE = re.compile(r"\{([^{}]*)\}")
TEMPLATE_HELP = "可以写 {证明名称}、{证明用途}、{开具单位}，导入时换成该行的内容。"


def unknown_template_fields(text: str) -> list[str]:
    return [name for name in _FIELD_REFERENCE.findall(text or "") if name not in TEMPLATE_FIELDS]


def fill_template(text: str, values: dict) -> str:
    """``text`` with ``{证明名称}`` etc. replaced by the item's values."""
    return _FIELD_REFERENCE.sub(
        lambda m: str(values.get(TEMPLATE_FIELDS.get(m.group(1), ""), m.group(0)) or ""), text
    )


class NoticeDefaults(CleanTextMixin, models.Model):
    """告知内容默认值 of one department (see the module)."""

    department = models.OneToOneField(
        Department,
        verbose_name="实施机关",
        on_delete=models.CASCADE,
        related_name="notice_defaults",
    )
    certificate_content = models.TextField(
        "证明的内容（许可条件和材料要求）", blank=True, help_text=TEMPLATE_HELP
    )
    agent_may_commit = models.BooleanField("可以由受托代理人代为承诺", default=False)
    false_commitment_consequences = models.TextField("不实承诺的责任", blank=True)
    verification_method = VocabularyField(
        "核查方式", max_length=16, vocabulary=Vocabulary.VERIFICATION_METHOD, blank=True
    )
    verification_time_limit_days = models.PositiveSmallIntegerField(
        "核查时限（工作日）", null=True, blank=True
    )
    verification_details = models.TextField("核查标准与说明", blank=True, help_text=TEMPLATE_HELP)
    letters_disclosed = models.BooleanField("公开承诺书", default=False)
    disclosure_scope = VocabularyField(
        "公开范围", max_length=32, vocabulary=Vocabulary.DISCLOSURE_SCOPE, blank=True
    )
    disclosure_period_months = models.PositiveSmallIntegerField(
        "公开时限（月）", null=True, blank=True
    )
    updated_at = models.DateTimeField("更新时间", auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="更新人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    history = HistoricalRecords(verbose_name="告知内容默认值变更记录")

    class Meta:
        verbose_name = "告知内容默认值"
        verbose_name_plural = "告知内容默认值"

    def __str__(self):
        return f"{self.department}的告知内容默认值"

    def item_fields(self, values: dict) -> tuple[dict, list[str]]:
        """The 附件3 fields of a new item with the row's ``values`` (name, purpose, issuing
        unit), and the labels of the defaults that are missing for it to be submitted."""
        fields = {
            "certificate_content": fill_template(self.certificate_content, values),
            "agent_may_commit": self.agent_may_commit,
            "false_commitment_consequences": self.false_commitment_consequences,
            "verification_method": self.verification_method,
            "verification_time_limit_days": self.verification_time_limit_days,
            "verification_details": fill_template(self.verification_details, values),
            "letters_disclosed": self.letters_disclosed,
            "disclosure_scope": self.disclosure_scope if self.letters_disclosed else "",
            "disclosure_period_months": (
                self.disclosure_period_months if self.letters_disclosed else None
            ),
        }
        return fields, self.missing()

    def missing(self) -> list[str]:
        """Labels of what an item needs for submission and these defaults do not give."""
        missing = [
            str(self._meta.get_field(name).verbose_name)
            for name in ("certificate_content", "false_commitment_consequences")
            if not (getattr(self, name) or "").strip()
        ]
        if not self.verification_method:
            missing.append("核查方式")
        elif (
            self.verification_method != VerificationMethod.EXEMPT
            and not self.verification_time_limit_days
        ):
            missing.append("核查时限")
        return missing
