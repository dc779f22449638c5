"""Field-by-field comparison of two versions of a certificate item, for the review screen."""

from dataclasses import dataclass
from difflib import SequenceMatcher

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from catalog.models import CertificateItem


def _yes_no(value: bool) -> str:
    return "是" if value else "否"


def _bases(item: CertificateItem) -> str:
    return "\n".join(
        f"{b.name}{b.article}（{b.get_legal_level_display()}）"
        f"{'，' + b.document_number if b.document_number else ''}：{b.article_text}"
        for b in item.legal_bases.all()
    )


# (label, how to read the value from an item)
FIELDS = [
    ("实施机关", lambda i: i.department.name),
    ("证明名称", lambda i: i.name),
    ("证明用途", lambda i: i.purpose),
    ("设定依据", _bases),
    ("索要单位", lambda i: i.requesting_unit),
    ("开具单位", lambda i: i.issuing_unit),
    ("行使层级", lambda i: i.exercise_level_labels),
    ("事项类型", lambda i: i.get_matter_type_display()),
    ("重点领域", lambda i: i.get_focus_area_display()),
    ("备注", lambda i: i.remarks),
    ("不适用情形", lambda i: i.get_excluded_category_display() if i.excluded_category else ""),
    ("证明的内容", lambda i: i.certificate_content),
    ("可代为承诺", lambda i: _yes_no(i.agent_may_commit)),
    ("不实承诺的责任", lambda i: i.false_commitment_consequences),
    ("核查方式", lambda i: i.get_verification_method_display()),
    ("核查时限（工作日）", lambda i: str(i.verification_time_limit_days or "")),
    ("核查标准与说明", lambda i: i.verification_details),
    ("公开承诺书", lambda i: _yes_no(i.letters_disclosed)),
    ("公开范围", lambda i: i.get_disclosure_scope_display() if i.disclosure_scope else ""),
    ("公开时限（月）", lambda i: str(i.disclosure_period_months or "")),
]


@dataclass
class FieldChange:
    label: str
    old: str
    new: str

    @property
    def changed(self) -> bool:
        return self.old != self.new

    @property
    def inline(self) -> SafeString:
        """The new value with deletions and insertions marked, character by character."""
        parts = []
        matcher = SequenceMatcher(a=self.old, b=self.new, autojunk=False)
        for op, a0, a1, b0, b1 in matcher.get_opcodes():
            if op == "equal":
                parts.append(escape(self.old[a0:a1]))
            if op in ("delete", "replace"):
                parts.append(f"<del>{escape(self.old[a0:a1])}</del>")
            if op in ("insert", "replace"):
                parts.append(f"<ins>{escape(self.new[b0:b1])}</ins>")
        return mark_safe("".join(parts))  # noqa: S308 (every part is escaped above)


def compare_items(old: CertificateItem | None, new: CertificateItem) -> list[FieldChange]:
    """Compare every field; ``old`` is None for an item that was never published."""
    return [
        FieldChange(label, read(old) if old is not None else "", read(new))
        for label, read in FIELDS
    ]
