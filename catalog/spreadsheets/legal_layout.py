"""The layout of the registry's spreadsheet (法律文件库): its two tables, how their header is
found, and how a date, a level or a status is read from a cell. ``legal_documents`` imports
with it, ``legal_export`` writes it.

- 法律文件: 名称（全称）, 简称和别名 (one per line), 文号, 制定机关, 效力层级, 公布日期, 施行日期,
  修改日期, 废止日期, 时效性, 修改或废止说明, 已确认;
- 条文: 文件名称, 条款, 条文内容.
"""

import datetime
import re
from dataclasses import dataclass

from catalog.enums import DocumentStatus

from .cleaning import clean_line, text_key
from .reading import Sheet

TITLE = "法律文件库"
DOCUMENTS_SHEET, ARTICLES_SHEET = "法律文件", "条文"
DOCUMENT_COLUMNS = {
    "name": "名称（全称）",
    "aliases": "简称和别名",
    "document_number": "文号",
    "issuing_body": "制定机关",
    "legal_level": "效力层级",
    "promulgated_on": "公布日期",
    "effective_on": "施行日期",
    "amended_on": "修改日期",
    "repealed_on": "废止日期",
    "status": "时效性",
    "status_note": "修改或废止说明",
    "verified": "已确认",
}
ARTICLE_COLUMNS = {"document": "文件名称", "article": "条款", "text": "条文内容"}
HEADER_ALIASES = {"名称": "name", "全称": "name", "文件名称": "document", "简称": "aliases"}
DATE_FIELDS = ("promulgated_on", "effective_on", "amended_on", "repealed_on")
TEXT_FIELDS = ("document_number", "issuing_body", "status_note")
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
YES, NO = (
    {"是", "✓", "√", "Y", "YES", "1", "TRUE", "已确认"},
    {"否", "N", "NO", "0", "FALSE", "待确认"},
)


@dataclass
class Table:
    kind: str  # "documents" | "articles"
    sheet: Sheet
    columns: dict[str, int]  # key -> index
    start: int  # index of the first data row


def find_table(sheet: Sheet) -> Table | None:
    for index, cells in enumerate(sheet.rows[:10]):
        labels = {}
        for position, cell in enumerate(cells):
            key = text_key(cell)
            labels[key] = position
        for kind, columns in (("documents", DOCUMENT_COLUMNS), ("articles", ARTICLE_COLUMNS)):
            found = {}
            for key, label in columns.items():
                if text_key(label) in labels:
                    found[key] = labels[text_key(label)]
            for alias, key in HEADER_ALIASES.items():
                if key in columns and key not in found and text_key(alias) in labels:
                    found[key] = labels[text_key(alias)]
            required = {"name"} if kind == "documents" else {"document", "article", "text"}
            if required <= set(found) and (kind == "articles" or "legal_level" in found):
                return Table(kind, sheet, found, index + 1)
    return None


def cell_of(cells: list, table: Table, key: str):
    index = table.columns.get(key)
    return cells[index] if index is not None and index < len(cells) else None


def read_date(value) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = clean_line(value)
    if not text:
        return None
    match = _DATE.match(text)
    if not match:
        raise ValueError(f"“{text}”不是日期，请写成 2021-06-30 或 2021年6月30日。")
    try:
        return datetime.date(*(int(g) for g in match.groups()))
    except ValueError:
        raise ValueError(f"“{text}”不是有效的日期。") from None


STATUSES = {text_key(label): value for value, label in DocumentStatus.choices} | {
    "有效": DocumentStatus.IN_FORCE,
    "现行": DocumentStatus.IN_FORCE,
    "已修正": DocumentStatus.AMENDED,
    "已修订": DocumentStatus.AMENDED,
    "失效": DocumentStatus.REPEALED,
    "已失效": DocumentStatus.REPEALED,
}
