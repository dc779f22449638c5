"""Extra item fields: the one place that knows how each kind of value is entered, checked,
stored and shown (ADR 020).

Stored values (``CertificateItem.extra_values``, keyed by ``ExtraField.key``): 是/否 as
``true``/``false``, 文本 / 链接 / 选项 as a string, 数字 as a JSON number (an integer when it is
whole). An empty value is not stored. Values of a retired definition are kept as they are and
still shown with its label; a key without any definition (never expected: a used definition
cannot be deleted) is shown under the key itself.
"""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from .models.extra_fields import ExtraField, ExtraFieldKind
from .text import clean_line

FORM_PREFIX = "extra__"
TEXT_MAX = 500
URL_MAX = 500
YES, NO = "是", "否"
YES_SPELLINGS = {"是", "√", "✓", "✔", "y", "yes", "true", "1", "可以", "有"}
NO_SPELLINGS = {"否", "×", "✗", "n", "no", "false", "0", "不可以", "无"}
EMPTY = "未填写"


def form_name(definition: ExtraField) -> str:
    return f"{FORM_PREFIX}{definition.key}"


def definitions(*, active: bool | None = True):
    """The definitions in their order; ``active=None`` for retired ones too."""
    queryset = ExtraField.objects.all()
    if active is not None:
        queryset = queryset.filter(active=active)
    return list(queryset.order_by("sort_order", "pk"))


def _url_validator():
    return URLValidator(
        schemes=["http", "https"],
        message="请填写以 http:// 或 https:// 开头的完整网址，例如 https://zwfw.nmg.gov.cn/。",
    )


def _number(value) -> Decimal:
    try:
        number = Decimal(str(value).strip().replace(",", "").replace("，", ""))
    except InvalidOperation:
        raise ValidationError("请填写数字，例如 5 或 2.5。") from None
    if not number.is_finite():
        raise ValidationError("请填写数字，例如 5 或 2.5。")
    return number


def _range_check(definition: ExtraField, number: Decimal) -> None:
    low, high = definition.min_value, definition.max_value
    if low is not None and number < low:
        raise ValidationError(f"“{definition.label}”不能小于{_show_number(low)}。")
    if high is not None and number > high:
        raise ValidationError(f"“{definition.label}”不能大于{_show_number(high)}。")


def _stored_number(number: Decimal):
    if number == number.to_integral_value():
        return int(number)
    return float(number)


def _show_number(value) -> str:
    number = Decimal(str(value))
    if number == number.to_integral_value():
        return str(int(number))
    return format(number.normalize(), "f")


class _ExtraNumberField(forms.CharField):
    def __init__(self, *, definition, **kwargs):
        self.definition = definition
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value in self.empty_values:
            return None
        number = _number(value)
        _range_check(self.definition, number)
        return _stored_number(number)


class _ExtraURLField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        if value in self.empty_values:
            return ""
        _url_validator()(value)
        return value


def form_field(definition: ExtraField) -> forms.Field:
    """The edit form's field for ``definition``; never required (required fields are checked at
    submission, ``catalog.validation.publication_errors``)."""
    label = definition.label
    help_text = definition.help_text
    if definition.required:
        help_text = f"{help_text}（提交审核时必填）" if help_text else "提交审核时必填。"
    common = {"label": label, "help_text": help_text, "required": False}
    kind = definition.kind
    if kind == ExtraFieldKind.BOOLEAN:
        return forms.TypedChoiceField(
            choices=[("", "未填写"), ("yes", YES), ("no", NO)],
            coerce=lambda v: v == "yes",
            empty_value=None,
            **common,
        )
    if kind == ExtraFieldKind.CHOICE:
        return forms.ChoiceField(
            choices=[("", "请选择"), *((c, c) for c in definition.choice_list)],
            error_messages={"invalid_choice": f"“{label}”只能从可选项中选择。"},
            **common,
        )
    if kind == ExtraFieldKind.NUMBER:
        return _ExtraNumberField(definition=definition, max_length=30, **common)
    if kind == ExtraFieldKind.URL:
        return _ExtraURLField(
            max_length=URL_MAX,
            error_messages={"max_length": f"网址不能超过{URL_MAX}个字符。"},
            **common,
        )
    return forms.CharField(
        max_length=TEXT_MAX,
        error_messages={"max_length": f"“{label}”不能超过{TEXT_MAX}个字符。"},
        **common,
    )


def form_initial(definition: ExtraField, value):
    """A stored value as the form field shows it."""
    if value is None:
        return ""
    if definition.kind == ExtraFieldKind.BOOLEAN:
        return "yes" if value else "no"
    if definition.kind == ExtraFieldKind.NUMBER:
        return _show_number(value)
    return value


def is_empty(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def parse_value(definition: ExtraField, text):
    """A typed-in text (a spreadsheet cell) as the stored value; None when empty. Raises
    ``ValidationError`` with a Chinese message when the text is not a value of the field."""
    text = clean_line(str(text)).strip() if text is not None else ""
    if not text:
        return None
    kind = definition.kind
    if kind == ExtraFieldKind.BOOLEAN:
        if text.lower() in YES_SPELLINGS:
            return True
        if text.lower() in NO_SPELLINGS:
            return False
        raise ValidationError(f"“{definition.label}”请填写“是”或“否”。")
    if kind == ExtraFieldKind.NUMBER:
        number = _number(text)
        _range_check(definition, number)
        return _stored_number(number)
    if kind == ExtraFieldKind.URL:
        if len(text) > URL_MAX:
            raise ValidationError(f"网址不能超过{URL_MAX}个字符。")
        _url_validator()(text)
        return text
    if kind == ExtraFieldKind.CHOICE:
        if text not in definition.choice_list:
            options = "、".join(definition.choice_list)
            raise ValidationError(f"“{definition.label}”只能填写以下之一：{options}。")
        return text
    if len(text) > TEXT_MAX:
        raise ValidationError(f"“{definition.label}”不能超过{TEXT_MAX}个字符。")
    return text


def check_value(definition: ExtraField, value) -> None:
    """Raise ``ValidationError`` when a stored ``value`` is not a value of ``definition``."""
    kind = definition.kind
    if kind == ExtraFieldKind.BOOLEAN:
        if not isinstance(value, bool):
            raise ValidationError(f"“{definition.label}”只能是“是”或“否”。")
        return
    if kind == ExtraFieldKind.NUMBER:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValidationError(f"“{definition.label}”请填写数字。")
        _range_check(definition, Decimal(str(value)))
        return
    if not isinstance(value, str):
        raise ValidationError(f"“{definition.label}”的值无效。")
    parse_value(definition, value)


def values_errors(values: dict, defs=None) -> list[str]:
    """Messages for the stored values of active definitions that are not valid values."""
    if not values:
        return []
    messages = []
    for definition in defs if defs is not None else definitions():
        if definition.key in values and not is_empty(values[definition.key]):
            try:
                check_value(definition, values[definition.key])
            except ValidationError as exc:
                messages += exc.messages
    return messages


def display(definition: ExtraField | None, value) -> str:
    """A stored value as a reader sees it."""
    if is_empty(value):
        return ""
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, int | float):
        return _show_number(value)
    return str(value)


@dataclass(frozen=True)
class ExtraValue:
    key: str
    label: str
    kind: str
    text: str
    value: object

    @property
    def is_link(self) -> bool:
        return self.kind == ExtraFieldKind.URL


def labelled(values: dict | None, *, public_only: bool = False, defs=None) -> list[ExtraValue]:
    """The filled values of ``values`` with their labels, in the definitions' order.

    For the public only public, active definitions; otherwise every definition (retired ones
    marked 已停用) and, last, any key without a definition.
    """
    values = values or {}
    if defs is None:
        defs = definitions(active=True if public_only else None)
    shown = []
    known = set()
    for definition in defs:
        known.add(definition.key)
        if public_only and not (definition.public and definition.active):
            continue
        value = values.get(definition.key)
        if is_empty(value):
            continue
        shown.append(
            ExtraValue(
                definition.key, str(definition), definition.kind, display(definition, value), value
            )
        )
    if not public_only:
        for key, value in values.items():
            if key not in known and not is_empty(value):
                shown.append(ExtraValue(key, key, "", display(None, value), value))
    return shown


def required_missing(values: dict | None, defs=None) -> list[ExtraField]:
    """Active required definitions without a value in ``values``."""
    values = values or {}
    if defs is None:
        defs = definitions()
    return [d for d in defs if d.required and is_empty(values.get(d.key))]


def public_search_texts(values: dict | None, defs=None) -> list[str]:
    """The texts of public 文本 and 选项 values, for the public search index."""
    values = values or {}
    if defs is None:
        defs = [d for d in definitions() if d.public]
    kinds = {ExtraFieldKind.TEXT, ExtraFieldKind.CHOICE}
    return [
        values[d.key]
        for d in defs
        if d.public
        and d.active
        and d.kind in kinds
        and isinstance(values.get(d.key), str)
        and values[d.key].strip()
    ]


def filter_definitions():
    """Public 是/否 and 选项 definitions: the public catalog's extra filters."""
    return [
        d
        for d in definitions()
        if d.public and d.kind in (ExtraFieldKind.BOOLEAN, ExtraFieldKind.CHOICE)
    ]
