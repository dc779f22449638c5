"""Field-by-field comparison of two versions of a certificate item or a service guide, for the
review screen."""

from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist
from django.utils.safestring import SafeString

from catalog import extra_fields
from catalog.models import CertificateItem, ServiceGuide
from catalog.textdiff import inline_diff
from catalog.validation import linked_item


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


def _materials(guide: ServiceGuide) -> str:
    lines = []
    for n, m in enumerate(guide.materials.all(), start=1):
        line = f"{n}. {m.name}"
        if m.copies:
            line += f"（{m.copies}）"
        if m.source:
            line += f"，来源：{m.source}"
        if m.replaced_by_commitment:
            item = linked_item(m)
            line += f"【可用告知承诺替代：{item.name if item else '未选择证明事项'}】"
        if m.notes:
            line += f"；{m.notes}"
        lines.append(line)
    return "\n".join(lines)


def _steps(guide: ServiceGuide) -> str:
    return "\n".join(
        f"{n}. {s.title}{'：' + s.description if s.description else ''}"
        for n, s in enumerate(guide.steps.all(), start=1)
    )


def _flow_chart(guide: ServiceGuide) -> str:
    try:
        return guide.flow_chart.title if guide.flow_chart_id else ""
    except ObjectDoesNotExist:
        return "（图片已删除）"


def _days(value) -> str:
    return "" if value is None else str(value)


GUIDE_FIELDS = [
    ("实施机关", lambda g: g.department.name),
    ("事项名称", lambda g: g.name),
    ("事项类型", lambda g: g.get_matter_type_display()),
    ("设定依据", lambda g: g.legal_basis),
    ("申请条件", lambda g: g.conditions),
    ("申请材料", _materials),
    ("办理流程", _steps),
    ("办理流程图", _flow_chart),
    ("法定办结时限（工作日）", lambda g: _days(g.statutory_time_limit_days)),
    ("承诺办结时限（工作日）", lambda g: _days(g.promised_time_limit_days)),
    ("收费", lambda g: "不收费" if g.is_free else g.fee_details),
    ("办理地点", lambda g: g.hall),
    ("办理窗口", lambda g: g.window),
    ("办理时间", lambda g: g.office_hours),
    ("网上办理地址", lambda g: g.online_url),
    ("咨询电话", lambda g: g.contact_phone),
    ("投诉举报渠道", lambda g: g.complaint_channel),
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
        """The new value with deletions and insertions marked (``catalog.textdiff``: by
        character where affordable, by sentence for long texts)."""
        return inline_diff(self.old, self.new)


def _extra_changes(old: CertificateItem | None, new: CertificateItem) -> list[FieldChange]:
    """The extra fields (ADR 020) either version holds a value for, with their labels (a
    retired one marked 已停用), in the definitions' order."""
    defs = extra_fields.definitions(active=None)
    before = {v.key: v for v in extra_fields.labelled(old.extra_values if old else {}, defs=defs)}
    after = {v.key: v for v in extra_fields.labelled(new.extra_values, defs=defs)}
    keys = [d.key for d in defs] + sorted((set(before) | set(after)) - {d.key for d in defs})
    changes = []
    for key in keys:
        if key in before or key in after:
            label = (after.get(key) or before[key]).label
            old_text = before[key].text if key in before else ""
            new_text = after[key].text if key in after else ""
            changes.append(FieldChange(label, old_text, new_text))
    return changes


def compare_items(old: CertificateItem | None, new: CertificateItem) -> list[FieldChange]:
    """Compare every field, the extra fields after 备注; ``old`` is None for an item that was
    never published."""
    changes = [
        FieldChange(label, read(old) if old is not None else "", read(new))
        for label, read in FIELDS
    ]
    at = next(i for i, c in enumerate(changes) if c.label == "备注") + 1
    changes[at:at] = _extra_changes(old, new)
    return changes


def compare_guides(old: ServiceGuide | None, new: ServiceGuide) -> list[FieldChange]:
    """Compare every field of two versions of a guide, materials and steps included."""
    return [
        FieldChange(label, read(old) if old is not None else "", read(new))
        for label, read in GUIDE_FIELDS
    ]


def compare(old, new) -> list[FieldChange]:
    """Compare two versions of whichever reviewed model ``new`` is."""
    if isinstance(new, ServiceGuide):
        return compare_guides(old, new)
    return compare_items(old, new)
