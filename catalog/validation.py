"""Rules an item or a service guide must meet before it may be submitted or published.

Drafts may be incomplete; these rules apply at submission (the edit form) and again at
publication (``CertificateItem.publish``, ``ServiceGuide.publish``), so no path around the form
can publish a bad version. Messages are in Chinese and keyed by field so that the form shows
them next to the field. Child rows of a guide are keyed ``materials-<n>-<field>`` and
``steps-<n>-<field>`` (n counts the rows as edited, from 0).
"""

import re

from django.core.exceptions import ObjectDoesNotExist
from django.db import models

from vocabularies import reader
from vocabularies.enums import Vocabulary

from . import extra_fields
from .enums import VerificationMethod

# Catch-all wording the seed forbids (二、(二): "不含模糊表述或兜底条款").
VAGUE_WORDING = re.compile(
    r"有关部门要求的其[他它]材料"
    r"|(?:相关|有关)部门要求(?:的|提供的)?(?:材料|证明)"
    r"|其[他它](?:相关|有关|必要|需要的|要求的|规定的)?(?:材料|证明材料|资料|文件)"
    r"|等(?:相关|有关|其[他它])?(?:材料|资料|文件)"
    r"|其[他它](?:相关|有关)?条件"
)
VAGUE_MESSAGE = (
    "“{label}”中有“{phrase}”这样的兜底表述。实施方案要求告知内容可量化、易操作，"
    "不含模糊表述或兜底条款，请逐项写明具体的条件或材料。"
)


def vague_phrases(text: str) -> list[str]:
    """The catch-all phrases found in ``text``, in order, without repeats."""
    found: list[str] = []
    for match in VAGUE_WORDING.finditer(text or ""):
        if match.group(0) not in found:
            found.append(match.group(0))
    return found


# What the system writes where a person must still write the real content (the 附件4 import
# writes it into the 附件3 texts a sheet lacks). It never reaches the public: a version holding
# it cannot be submitted or published, whoever calls.
PLACEHOLDER = "【待补充】"
PLACEHOLDER_MESSAGE = (
    "“{label}”中还有系统写入的占位内容“{placeholder}”，请改为实际内容后再提交审核；"
    "含占位内容的版本不能发布。"
)


def _value(obj, name: str):
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, "")


def placeholder_fields(obj, model) -> list[tuple[str, str]]:
    """(field, label) of the text fields of ``obj`` (an instance or a dict of field values of
    ``model``) that hold ``PLACEHOLDER``."""
    found = []
    for field in model._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField):
            value = _value(obj, field.name)
            if isinstance(value, str) and PLACEHOLDER in value:
                found.append((field.name, str(field.verbose_name)))
    return found


class _Errors(dict):
    def add(self, field: str, message: str) -> None:
        self.setdefault(field, []).append(message)

    def vague(self, field: str, label: str, text: str) -> None:
        for phrase in vague_phrases(text):
            self.add(field, VAGUE_MESSAGE.format(label=label, phrase=phrase))


ITEM_TEXT_FIELDS = {
    "certificate_content": "证明的内容（许可条件和材料要求）",
    "false_commitment_consequences": "不实承诺的责任",
    "verification_details": "核查标准与说明",
}


def publication_errors(item, legal_bases=None) -> dict[str, list[str]]:
    """Return ``{field: [message, ...]}``; empty when the item may be submitted or published.

    ``legal_bases`` are the bases as edited (from the form); by default the item's own.
    Article texts of legal bases are quoted law and are not checked for vague wording.
    """
    errors = _Errors()
    if item.excluded_category:
        label = reader.label(Vocabulary.EXCLUDED_CATEGORY, item.excluded_category)
        errors.add(
            "excluded_category",
            f"该证明事项属于“{label}”的情形，按照实施方案不适用告知承诺制，"
            "不能提交审核或发布。如确需保留，请作为普通证明事项办理。",
        )
    if not item.exercise_levels:
        errors.add("level_county", "请至少勾选一个行使层级（省部级、市级、县级或乡级及其他）。")
    if legal_bases is None:
        legal_bases = list(item.legal_bases.all())
    if not legal_bases:
        errors.add(
            "__all__", "请至少填写一条设定依据（依据名称和效力层级，引用具体条款的写明条款）。"
        )
    for field, label in placeholder_fields(item, type(item)):
        errors.add(field, PLACEHOLDER_MESSAGE.format(label=label, placeholder=PLACEHOLDER))
    basis_model = type(item)._meta.get_field("legal_bases").related_model
    for n, basis in enumerate(legal_bases, start=1):
        for _field, label in placeholder_fields(basis, basis_model):
            label = f"第{n}条设定依据的{label}"
            errors.add("__all__", PLACEHOLDER_MESSAGE.format(label=label, placeholder=PLACEHOLDER))
    needs_limit = item.verification_method and item.verification_method != VerificationMethod.EXEMPT
    if needs_limit and not item.verification_time_limit_days:
        errors.add(
            "verification_time_limit_days", "请填写核查时限（工作日）；只有免于核查时可以不填。"
        )
    if item.letters_disclosed:
        if not item.disclosure_scope:
            errors.add("disclosure_scope", "公开承诺书时必须选择公开范围。")
        if not item.disclosure_period_months:
            errors.add("disclosure_period_months", "公开承诺书时必须填写公开时限（月）。")
    elif item.disclosure_scope or item.disclosure_period_months:
        errors.add("letters_disclosed", "已填写公开范围或时限，但没有勾选“公开承诺书”。")
    for field, label in ITEM_TEXT_FIELDS.items():
        errors.vague(field, label, getattr(item, field))
    for definition in extra_fields.required_missing(getattr(item, "extra_values", None)):
        errors.add(
            extra_fields.form_name(definition),
            f"请填写“{definition.label}”：该字段在提交审核时必填。",
        )
    return dict(errors)


NO_MATERIALS = "请至少填写一项申请材料；不需要任何材料的，请写明“无需提交材料”。"
NO_STEPS = "请至少填写一个办理环节（例如：受理、审查、决定、送达）。"


def linked_item(material):
    """The item a material links to; None if none (or if a revision names a deleted item)."""
    if not material.certificate_item_id:
        return None
    try:
        return material.certificate_item
    except ObjectDoesNotExist:
        return None


def guide_publication_errors(guide, materials=None, steps=None) -> dict[str, list[str]]:
    """The completeness rules of a service guide, keyed like ``publication_errors``.

    ``materials`` and ``steps`` are the child rows as edited (from the form); by default the
    guide's own.
    """
    errors = _Errors()
    if materials is None:
        materials = list(guide.materials.all())
    if steps is None:
        steps = list(guide.steps.all())

    for field, label in placeholder_fields(guide, type(guide)):
        errors.add(field, PLACEHOLDER_MESSAGE.format(label=label, placeholder=PLACEHOLDER))
    if not (guide.legal_basis or "").strip():
        errors.add("legal_basis", "请填写设定依据（法律法规名称、文号和条款）。")
    if not (guide.conditions or "").strip():
        errors.add("conditions", "请填写申请条件。")
    errors.vague("conditions", "申请条件", guide.conditions)

    if not materials:
        errors.add("__all__", NO_MATERIALS)
    for n, material in enumerate(materials):
        prefix = f"materials-{n}-"
        title = f"第{n + 1}项材料“{material.name}”"
        errors.vague(prefix + "name", f"{title}的名称", material.name)
        errors.vague(prefix + "notes", f"{title}的要求说明", material.notes)
        item = linked_item(material)
        if material.replaced_by_commitment and item is None:
            errors.add(
                prefix + "certificate_item",
                f"{title}标注为可用告知承诺替代，请选择它对应的证明事项。",
            )
        elif material.replaced_by_commitment and not item.live:
            errors.add(
                prefix + "certificate_item",
                f"{title}对应的证明事项“{item.name}”未发布或已从目录中撤回，"
                "不能标注为可用告知承诺替代。",
            )
        elif item is not None and not material.replaced_by_commitment:
            errors.add(
                prefix + "replaced_by_commitment",
                f"{title}选择了证明事项“{item.name}”，但没有勾选“可用告知承诺替代”。",
            )

    if not steps:
        errors.add("__all__", NO_STEPS)
    for n, step in enumerate(steps):
        errors.vague(f"steps-{n}-description", f"第{n + 1}个环节的办理要求", step.description)

    statutory, promised = guide.statutory_time_limit_days, guide.promised_time_limit_days
    if statutory is None:
        errors.add("statutory_time_limit_days", "请填写法定办结时限（工作日）。")
    if promised is None:
        errors.add("promised_time_limit_days", "请填写承诺办结时限（工作日）；当场办结的填 0。")
    if statutory is not None and promised is not None and promised > statutory:
        errors.add(
            "promised_time_limit_days",
            f"承诺办结时限（{promised}个工作日）不能长于法定办结时限（{statutory}个工作日）。",
        )
    if not guide.is_free and not (guide.fee_details or "").strip():
        errors.add("fee_details", "请填写收费标准及依据；不收费的请勾选“不收费”。")
    if not (guide.hall or "").strip() and not (guide.online_url or "").strip():
        errors.add("hall", "请填写办理地点；只能网上办理的，请填写网上办理地址。")
    if (guide.hall or "").strip() and not (guide.office_hours or "").strip():
        errors.add("office_hours", "请填写办理时间。")
    if not (guide.contact_phone or "").strip():
        errors.add("contact_phone", "请填写咨询电话。")
    if not (guide.complaint_channel or "").strip():
        errors.add("complaint_channel", "请填写投诉举报渠道（电话、地址或网址）。")
    return dict(errors)


def flat_errors(errors: dict[str, list[str]]) -> list[str]:
    return [message for messages in errors.values() for message in messages]


def review_blockers(obj) -> dict[str, list[str]]:
    """The publication rules of whichever reviewed model ``obj`` is."""
    from .models import ServiceGuide

    if isinstance(obj, ServiceGuide):
        return guide_publication_errors(obj)
    return publication_errors(obj)
