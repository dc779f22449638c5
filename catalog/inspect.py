"""A record as its edit form lays it out, with every value written out in Chinese.

The read view walks the model's edit handler (the tabs, groups and rows of the edit form, with
the form's labels) and renders each value for a reader: choices by their labels, 是/否 for
check boxes, 未填写 for empty fields, local (Asia/Shanghai) times, and inline child rows (the
legal bases, a guide's materials and steps) as tables.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.html import format_html, linebreaks
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    ObjectList,
    PanelGroup,
    TabbedInterface,
    get_edit_handler,
)

from vocabularies.fields import VocabularyField

EMPTY = "未填写"
DATETIME_FORMAT = "Y年n月j日 H:i"
DATE_FORMAT = "Y年n月j日"


def local_datetime(value) -> str:
    """A stored (UTC) time as the reader's clock shows it, e.g. 2026年12月5日 02:34."""
    if value is None:
        return EMPTY
    return date_format(timezone.localtime(value), DATETIME_FORMAT)


def _is_empty(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def display_value(obj, db_field: models.Field):
    """The value of ``db_field`` on ``obj`` as a reader sees it (text or safe HTML)."""
    if isinstance(db_field, models.ForeignKey):
        try:
            related = getattr(obj, db_field.name)
        except ObjectDoesNotExist:
            return "（已删除）"
        return EMPTY if related is None else str(related)
    value = getattr(obj, db_field.attname)
    if isinstance(db_field, models.BooleanField):
        return "是" if value else "否"
    if isinstance(db_field, VocabularyField):
        shown = db_field.display(value or "")
        return shown or EMPTY
    if db_field.choices:
        labels = {str(key): label for key, label in db_field.flatchoices}
        if str(value if value is not None else "") in labels:
            return str(labels[str(value if value is not None else "")])
        return EMPTY if _is_empty(value) else str(value)
    if _is_empty(value):
        return EMPTY
    if isinstance(db_field, models.DateTimeField):
        return local_datetime(value)
    if isinstance(db_field, models.DateField):
        return date_format(value, DATE_FORMAT)
    if isinstance(db_field, models.URLField):
        return format_html('<a href="{0}" rel="noopener noreferrer">{0}</a>', value)
    if isinstance(db_field, models.TextField):
        return mark_safe(linebreaks(value, autoescape=True))  # noqa: S308 - escaped by linebreaks
    return str(value)


@dataclass
class Entry:
    """One field: its form label and its value."""

    label: str
    value: object
    name: str
    kind: str = "field"


@dataclass
class Table:
    """Inline child rows (e.g. 设定依据): one column per field of the child form."""

    label: str
    columns: list[str]
    rows: list[list[object]]
    empty_text: str
    kind: str = "table"


@dataclass
class Group:
    """A titled group of fields (a panel group with a heading, or one tab of the form)."""

    heading: str
    entries: list = field(default_factory=list)
    kind: str = "group"


def _field_label(panel) -> str:
    return str(panel.heading or capfirst(panel.db_field.verbose_name))


def _field_panels(panel) -> list:
    """The field panels inside ``panel``, in form order (for child rows: table columns)."""
    if isinstance(panel, FieldPanel):
        return [panel]
    if isinstance(panel, PanelGroup):
        return [p for child in panel.children for p in _field_panels(child)]
    return []


def _table(obj, panel: InlinePanel) -> Table:
    columns = _field_panels(panel.child_edit_handler)
    children = getattr(obj, panel.relation_name).all()
    return Table(
        label=str(panel.heading or panel.label),
        columns=[_field_label(column) for column in columns],
        rows=[[display_value(child, column.db_field) for column in columns] for child in children],
        empty_text=f"没有{panel.heading or panel.label}。",
    )


def _entries(obj, panel) -> list:
    if hasattr(panel, "read_entries"):  # a panel of form-only fields (the extra fields)
        entries = [Entry(label, value or EMPTY, "") for label, value in panel.read_entries(obj)]
        return [Group(str(panel.heading), entries)] if entries and panel.heading else entries
    if isinstance(panel, InlinePanel):
        return [_table(obj, panel)]
    if isinstance(panel, FieldPanel):
        return [Entry(_field_label(panel), display_value(obj, panel.db_field), panel.field_name)]
    if isinstance(panel, PanelGroup):
        entries = [entry for child in panel.children for entry in _entries(obj, child)]
        if panel.heading and not isinstance(panel, ObjectList | TabbedInterface):
            return [Group(str(panel.heading), entries)]
        return entries
    return []  # help texts and other panels without a value


def record_sections(obj) -> list[Group]:
    """The record as the edit form shows it: one group per tab (one group if no tabs)."""
    handler = get_edit_handler(type(obj))
    tabs = handler.children if isinstance(handler, TabbedInterface) else [handler]
    return [
        Group(str(tab.heading or obj._meta.verbose_name), _entries(obj, tab))
        for tab in tabs
        if isinstance(tab, PanelGroup)
    ]
