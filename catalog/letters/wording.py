"""The fixed wording of the letter form (附件3): which texts there are, today's texts, and the
rules a text must keep.

The wording is edited in the admin (``catalog.models.LetterWording``) and published through
review as numbered versions (``LetterWordingVersion``); a letter form states the version it
follows. The structure of the form (headings, field labels, signature blocks) stays in
``template.py``: it is the seed's layout, not wording. Some texts hold placeholders in braces,
e.g. ``{日期}``, filled when a form is made. This module imports no model.
"""

import re
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone


@dataclass(frozen=True)
class WordingField:
    name: str
    label: str
    help_text: str
    max_length: int
    placeholders: tuple[str, ...] = ()  # each must appear exactly once


# Every text of the wording, in the order of the letter.
WORDING_FIELDS = (
    WordingField("title", "标题", "告知承诺书顶部居中的标题。", 40),
    WordingField(
        "agent_column_note",
        "受托代理人栏说明",
        "“一、基本信息”受托代理人栏下的说明，仅在证明事项不可代为承诺时显示。",
        100,
    ),
    WordingField(
        "commitment_way",
        "承诺的方式",
        "“二、行政机关告知”中“（六）承诺的方式”的第一段。",
        300,
    ),
    WordingField(
        "agent_allowed",
        "可以代为承诺",
        "“（六）承诺的方式”的第二段，证明事项可以由受托代理人代为承诺时使用。",
        200,
    ),
    WordingField(
        "agent_not_allowed",
        "不可代为承诺",
        "“（六）承诺的方式”的第二段，证明事项不可代为承诺时使用。",
        200,
    ),
    WordingField(
        "return_unknown",
        "递交期限（日期待填）",
        "“（六）承诺的方式”的最后一段，网站上下载的格式文本使用，日期留空由行政机关填写。",
        200,
    ),
    WordingField(
        "return_dated",
        "递交期限（已定日期）",
        "“（六）承诺的方式”的最后一段，为办件打印的告知承诺书使用；必须含有{日期}，"
        "打印时替换为递交期限，例如“2026年12月7日”。",
        200,
        ("日期",),
    ),
    WordingField("commitment_effect", "承诺的效力", "“（七）承诺的效力”的第一段。", 300),
    WordingField(
        "verification",
        "核查说明",
        "“（七）承诺的效力”的第二段，需要核查的证明事项使用；必须含有{核查方式}和{工作日}，"
        "分别替换为事项的核查方式和核查时限。事项填写的核查标准与说明接在其后。",
        300,
        ("核查方式", "工作日"),
    ),
    WordingField(
        "verification_exempt",
        "免于核查说明",
        "“（七）承诺的效力”的第二段，免于核查的证明事项使用。",
        200,
    ),
    WordingField(
        "false_commitment_intro",
        "不实承诺的责任（引言）",
        "“（八）不实承诺的责任”的第一段，其后是证明事项填写的处理措施。",
        300,
    ),
    WordingField(
        "disclosed",
        "承诺书公开说明",
        "“（九）承诺的公开”，证明事项公开承诺书时使用；必须含有{公开范围}和{月数}，"
        "分别替换为事项的公开范围和公开期限（月）。",
        400,
        ("公开范围", "月数"),
    ),
    WordingField(
        "not_disclosed",
        "承诺书不公开说明",
        "“（九）承诺的公开”，证明事项不公开承诺书时使用。",
        200,
    ),
    WordingField("commitments_intro", "申请人承诺（引言）", "“三、申请人承诺”的第一句。", 100),
    WordingField("commitment_1", "承诺第一项", "“三、申请人承诺”的第一项。", 200),
    WordingField(
        "commitment_2",
        "承诺第二项",
        "“三、申请人承诺”的第二项，其后留三行空白供申请人写明具体条件。",
        200,
    ),
    WordingField("commitment_3", "承诺第三项", "“三、申请人承诺”的第三项。", 200),
    WordingField("commitment_4", "承诺第四项", "“三、申请人承诺”的第四项。", 200),
    WordingField("commitment_5", "承诺第五项", "“三、申请人承诺”的第五项。", 200),
    WordingField(
        "cooperation",
        "配合核查",
        "申请人承诺之后、签名栏之前的一句，与签名栏印在同一页。",
        200,
    ),
    WordingField("copies_note", "份数说明", "签名栏下方的说明。", 200),
)
WORDING_FIELD_NAMES = tuple(f.name for f in WORDING_FIELDS)
FIELDS_BY_NAME = {f.name: f for f in WORDING_FIELDS}

# The wording of the seed's 附件3 as the platform has printed it since 2021: version 1. The
# data migration that installs version 1 keeps its own frozen copy of these texts.
DEFAULT_TEXTS = {
    "title": "证明事项告知承诺书",
    "agent_column_note": "（本证明事项不可代为承诺，此栏不填。）",
    "commitment_way": (
        "本证明事项采用书面承诺方式，申请人愿意作出承诺的，应当向行政机关提交本人签字后的"
        "告知承诺书原件。"
    ),
    "agent_allowed": "本证明事项可以由申请人作出承诺，也可以由受托代理人代为承诺。",
    "agent_not_allowed": "本证明事项必须由申请人作出承诺，不可代为承诺。",
    "return_unknown": "请在被告知期限内（______年____月____日前）递交签字后的告知承诺书原件。",
    "return_dated": "请于 {日期} 前递交签字后的告知承诺书原件。",
    "commitment_effect": (
        "申请人书面承诺已经符合告知的条件、要求，并愿意承担不实承诺的法律责任后，"
        "行政机关不再索要有关证明而依据书面承诺办理相关事项。"
    ),
    "verification": "行政机关将采取{核查方式}方式，在受理后{工作日}个工作日内对承诺内容进行核查。",
    "verification_exempt": "本证明事项免于核查，行政机关通过日常监管对承诺内容进行监督。",
    "false_commitment_intro": (
        "证明事项告知承诺失信行为信息纳入全盟公共信用信息目录，对执意隐瞒真实情况、"
        "提供虚假承诺办理有关事项的，依法作出如下处理："
    ),
    "disclosed": (
        "本承诺书{公开范围}，公开期限为{月数}个月，自行政机关登记承诺书之日起计算。"
        "公开时不显示身份证件号码、联系方式和详细地址，自然人只显示姓氏。"
    ),
    "not_disclosed": "本承诺书不公开。",
    "commitments_intro": "申请人现作出下列承诺：",
    "commitment_1": "（一）已经知晓行政机关告知的全部内容；",
    "commitment_2": "（二）自身已符合行政机关告知的条件、要求，具体是：",
    "commitment_3": "（三）愿意承担不实承诺的法律责任；",
    "commitment_4": "（四）本告知承诺文书中填写的基本信息真实、准确；",
    "commitment_5": "（五）上述承诺是申请人真实的意思表示。",
    "cooperation": "本人愿意配合对上述内容的调查、核查、核验。",
    "copies_note": "（本文书一式两份，行政机关与申请人各执一份。）",
}

PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def placeholder_errors(name: str, text: str) -> list[str]:
    """What is wrong with the placeholders of the text ``name`` (Chinese, naming the field)."""
    spec = FIELDS_BY_NAME[name]
    found = PLACEHOLDER.findall(text)
    errors = []
    unknown = [p for p in found if p not in spec.placeholders]
    if unknown:
        allowed = "、".join(f"{{{p}}}" for p in spec.placeholders) or "无"
        errors.append(
            f"“{spec.label}”中的{'、'.join(f'{{{p}}}' for p in unknown)}不是可用的占位符"
            f"（此处可用：{allowed}）。"
        )
    for p in spec.placeholders:
        count = found.count(p)
        if count != 1:
            now = "没有" if count == 0 else f"有{count}次"
            errors.append(f"“{spec.label}”必须含有一次{{{p}}}（现在{now}）。")
    if "{" in PLACEHOLDER.sub("", text) or "}" in PLACEHOLDER.sub("", text):
        errors.append(f"“{spec.label}”中的花括号只能用于占位符，请删去多余的“{{”或“}}”。")
    return errors


def chinese_date(moment) -> str:
    day = timezone.localtime(moment).date() if isinstance(moment, datetime) else moment
    return f"{day.year}年{day.month}月{day.day}日"


@dataclass(frozen=True)
class LetterWordingText:
    """One version of the wording, as the letter builder uses it."""

    number: int
    published_at: datetime
    title: str
    agent_column_note: str
    commitment_way: str
    agent_allowed: str
    agent_not_allowed: str
    return_unknown: str
    return_dated: str
    commitment_effect: str
    verification: str
    verification_exempt: str
    false_commitment_intro: str
    disclosed: str
    not_disclosed: str
    commitments_intro: str
    commitment_1: str
    commitment_2: str
    commitment_3: str
    commitment_4: str
    commitment_5: str
    cooperation: str
    copies_note: str

    @classmethod
    def from_texts(cls, texts: dict, *, number: int, published_at) -> "LetterWordingText":
        return cls(
            number=number,
            published_at=published_at,
            **{name: texts[name] for name in WORDING_FIELD_NAMES},
        )

    @property
    def commitment_lines(self) -> tuple[str, ...]:
        return tuple(getattr(self, f"commitment_{n}") for n in range(1, 6))

    @property
    def statement(self) -> str:
        """The line a letter form prints to say which wording it follows."""
        return f"文书版本：告知承诺书文本第{self.number}版（{chinese_date(self.published_at)}发布）"

    def fill(self, name: str, **values) -> str:
        text = getattr(self, name)
        for key, value in values.items():
            text = text.replace(f"{{{key}}}", str(value))
        return text
