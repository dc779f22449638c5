"""django-import-export widgets for the 附件4 columns: cell text ↔ value, both ways.

``clean`` raises ``ValueError`` with a Chinese message; the resource turns it into an error of
that row and column.
"""

import re

from import_export.widgets import Widget

from catalog.enums import LegalLevel, MatterType
from catalog.legal.parsing import LEVEL_ALIASES
from vocabularies import reader
from vocabularies.enums import Vocabulary

from .bases import parse_bases, render_bases
from .cleaning import clean_line, clean_text, text_key

YES_MARKS = {"✓", "√", "✔", "☑", "✅", "●", "是", "有", "Y", "YES", "1", "TRUE", "V"}
NO_MARKS = {"", "×", "✗", "✘", "否", "无", "N", "NO", "0", "FALSE", "-", "/", "—"}


class LineWidget(Widget):
    """A one-line text field (名称, 用途, 单位): stray spaces and line breaks removed."""

    def __init__(self, *, max_length: int, required: bool = True):
        super().__init__()
        self.max_length = max_length
        self.required = required

    def clean(self, value, row=None, **kwargs):
        text = clean_line(value)
        if self.required and not text:
            raise ValueError("不能为空。")
        if len(text) > self.max_length:
            raise ValueError(f"不能超过{self.max_length}个字（现有{len(text)}个字）。")
        return text

    def render(self, value, obj=None, **kwargs):
        return value or ""


class TextWidget(Widget):
    """A field that may hold several lines (备注), at most ``max_length`` characters."""

    def __init__(self, *, max_length: int):
        super().__init__()
        self.max_length = max_length

    def clean(self, value, row=None, **kwargs):
        text = clean_text(value)
        if len(text) > self.max_length:
            raise ValueError(f"不能超过{self.max_length:,}个字（现有{len(text):,}个字）。")
        return text

    def render(self, value, obj=None, **kwargs):
        return value or ""


class SerialWidget(Widget):
    """序号: a number or text (1, "1", "１", "1."); only ever shown back to the clerk."""

    def clean(self, value, row=None, **kwargs):
        return clean_line(value)

    def render(self, value, obj=None, **kwargs):
        return "" if value in (None, "") else str(value)


class MarkWidget(Widget):
    """A 行使层级 column: ✓ or √ (or 是, Y, 1) when it applies, empty when it does not."""

    def clean(self, value, row=None, **kwargs):
        if value is True or value is False:
            return value
        text = re.sub(r"\s+", "", clean_line(value)).upper()
        if text in YES_MARKS:
            return True
        if text in NO_MARKS:
            return False
        raise ValueError(f"无法识别的标记“{clean_line(value)}”：适用的请填✓或√，不适用的留空。")

    def render(self, value, obj=None, **kwargs):
        return "✓" if value else ""


# The enums whose default codes name a vocabulary's terms (callers may still pass them).
ENUM_VOCABULARIES = {MatterType: Vocabulary.MATTER_TYPE, LegalLevel: Vocabulary.LEGAL_LEVEL}


def vocabulary_of(vocabulary) -> str:
    """The vocabulary key of ``vocabulary`` (a key, or the enum naming its default codes)."""
    return ENUM_VOCABULARIES.get(vocabulary, vocabulary)


def term_code(vocabulary: str, text: str, aliases: dict[str, str] | None = None) -> str | None:
    """The code of the active term whose label (or one of ``aliases``: text -> code) is
    ``text``; None if none is. Read from the vocabulary's terms as they are now (ADR 023)."""
    key = text_key(text)
    rows = reader.terms(vocabulary)
    for row in rows:
        if text_key(row.label) == key:
            return row.code
    active = {row.code for row in rows}
    for alias, code in (aliases or {}).items():
        if text_key(alias) == key and code in active:
            return code
    return None


def term_refusal(vocabulary: str, texts: list[str], what: str) -> str:
    """Why ``texts`` are refused: not a label of the vocabulary, or a retired term's; with the
    labels that are allowed."""
    retired = {text_key(r.label) for r in reader.terms(vocabulary, include_retired=True)}
    retired -= {text_key(r.label) for r in reader.terms(vocabulary)}
    options = "、".join(row.label for row in reader.terms(vocabulary))
    names = "、".join(f"“{t}”" for t in texts)
    if all(text_key(t) in retired for t in texts):
        return f"{names}是已停用的{what}，不能再使用，应为：{options}之一。"
    return f"{names}不是有效的{what}，应为：{options}之一。"


class ChoiceWidget(Widget):
    """A column whose values are terms of a vocabulary (事项类型), written as their labels:
    an active term's label is read, a retired or unknown one refused (ADR 023)."""

    def __init__(self, vocabulary, *, what: str):
        super().__init__()
        self.vocabulary = vocabulary_of(vocabulary)
        self.what = what

    def clean(self, value, row=None, **kwargs):
        text = clean_line(value)
        if not text:
            raise ValueError("不能为空。")
        code = term_code(self.vocabulary, text)
        if code is None:
            raise ValueError(term_refusal(self.vocabulary, [text], self.what))
        return code

    def render(self, value, obj=None, **kwargs):
        return reader.label(self.vocabulary, value) if value else ""


class LegalBasesWidget(Widget):
    """依据名称、文号及条文内容: several bases in one cell (see ``bases``)."""

    def clean(self, value, row=None, **kwargs):
        return parse_bases(value)

    def render(self, value, obj=None, **kwargs):
        return render_bases(value or [])


class LegalLevelsWidget(Widget):
    """效力层级: one level per basis, separated by line breaks, 、 or ；; a label or a word
    clerks use for it (自治区人民政府决定, 单行条例 …, ``catalog.legal.parsing.LEVEL_ALIASES``)."""

    vocabulary = Vocabulary.LEGAL_LEVEL

    def __init__(self, choices=None):
        super().__init__()  # ``choices``: the legal levels' enum, as callers used to pass it

    def clean(self, value, row=None, **kwargs):
        tokens = [t for t in re.split(r"[\n、，,；;/／\s]+", clean_text(value)) if t]
        levels, unknown = [], []
        for token in tokens:
            level = term_code(self.vocabulary, token, LEVEL_ALIASES)
            if level is None:
                unknown.append(token)
            levels.append(level)
        if unknown:
            raise ValueError(term_refusal(self.vocabulary, unknown, "效力层级"))
        return levels

    def render(self, value, obj=None, **kwargs):
        return "\n".join(reader.label(self.vocabulary, v) for v in value or [] if v)
