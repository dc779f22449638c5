"""The table layouts of the seed: 附件4 (the catalog) and 附件2 (the liaison table).

A layout knows its columns (label, the merged group above it, the spellings clerks use), finds
its two-row header in a sheet whatever is written above it, and lays out a grid for export:
the "附件N" line, the title, the unit line, the merged two-row header, then the rows.
"""

import re
from dataclasses import dataclass, field

from .cleaning import clean_line, neutralise, text_key

HEADER_SEARCH_ROWS = 30
DEPARTMENT_SECTION = re.compile(r"^实施机关[:：]\s*(?P<name>.+?)(?:[（(]共?\d+项[）)])?$")
DEPARTMENT_SECTION_FORMAT = "实施机关：{name}"


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    group: str = ""
    aliases: tuple[str, ...] = ()
    width: float = 10
    required: bool = True
    mark: bool = False  # a ✓ column

    def spellings(self) -> set[str]:
        return {text_key(s) for s in (self.label, *self.aliases)}


@dataclass(frozen=True)
class Layout:
    annex: str
    title: str
    columns: tuple[Column, ...]
    unit_label: str
    signature: tuple[str, ...]  # header labels that identify the layout
    name: str

    @property
    def labels(self) -> list[str]:
        return [c.label for c in self.columns]

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


ANNEX4 = Layout(
    annex="附件4",
    title="实行告知承诺制的证明事项目录",
    name="证明事项目录（附件4）",
    unit_label="单位（盖章）：",
    signature=("证明名称", "证明用途"),
    columns=(
        Column("serial", "序号", aliases=("编号",), width=5, required=False),
        Column("name", "证明名称", aliases=("证明事项名称",), width=16),
        Column("purpose", "证明用途", width=18),
        Column(
            "legal_bases",
            "依据名称、文号及条文内容",
            "设定依据",
            aliases=("依据名称、文号及条款内容", "依据名称文号及条文内容", "设定依据"),
            width=46,
        ),
        Column("legal_levels", "效力层级", "设定依据", aliases=("效力级别",), width=10),
        Column("requesting_unit", "索要单位", "实施基本情况", width=13),
        Column("issuing_unit", "开具单位", "实施基本情况", width=13),
        Column("level_provincial", "省部级", "行使层级", aliases=("省级",), width=5.5, mark=True),
        Column("level_city", "市级", "行使层级", aliases=("盟市级", "盟级"), width=5.5, mark=True),
        Column(
            "level_county",
            "县级",
            "行使层级",
            aliases=("旗县级", "旗级", "县（旗）级"),
            width=5.5,
            mark=True,
        ),
        Column(
            "level_township",
            "乡级及其他",
            "行使层级",
            aliases=("乡级", "乡级及以下", "苏木镇级"),
            width=7,
            mark=True,
        ),
        Column("matter_type", "事项类型", aliases=("事项类别",), width=10),
        Column("remarks", "备注", width=14, required=False),
    ),
)

EXTRA_COLUMN = "extra:{key}"


def annex4_layout(definitions=()) -> Layout:
    """附件4 with one column per exported extra field after 备注 (ADR 020), by its label."""
    if not definitions:
        return ANNEX4
    extra = tuple(
        Column(EXTRA_COLUMN.format(key=d.key), d.label, width=12, required=False)
        for d in definitions
    )
    return Layout(
        annex=ANNEX4.annex,
        title=ANNEX4.title,
        name=ANNEX4.name,
        unit_label=ANNEX4.unit_label,
        signature=ANNEX4.signature,
        columns=ANNEX4.columns + extra,
    )


ANNEX2 = Layout(
    annex="附件2",
    title="联络信息表",
    name="联络员信息表（附件2）",
    unit_label="填报单位（盖章）：",
    signature=("单位名称", "分管领导"),
    columns=(
        Column("name", "单位名称", aliases=("单位", "部门名称"), width=26),
        Column("leader_name", "姓名", "分管领导", width=10),
        Column("leader_office_phone", "办公号码", "分管领导", aliases=("办公电话",), width=15),
        Column("leader_mobile", "手机号码", "分管领导", aliases=("手机",), width=15),
        Column("liaison_name", "姓名", "联络员", width=10),
        Column("liaison_office_phone", "办公号码", "联络员", aliases=("办公电话",), width=15),
        Column("liaison_mobile", "手机号码", "联络员", aliases=("手机",), width=15),
    ),
)


class LayoutError(ValueError):
    """The sheet does not have the expected header; the message says what is missing."""


@dataclass
class HeaderMatch:
    columns: dict[str, int]  # column key -> 0-based column index
    data_start: int  # index into the sheet's rows of the first row below the header
    unit: str  # what was written after 单位（盖章）, if anything
    unknown: list[str] = field(default_factory=list)  # header labels that were not understood


def _row_keys(cells) -> list[str]:
    return [text_key(c) for c in cells]


def _match_columns(layout: Layout, top: list[str], sub: list[str]) -> tuple[dict, list[str]]:
    """Columns by label: the lower header row first, then the upper one; a group decides
    between columns of the same label (附件2 has 姓名 under both 分管领导 and 联络员)."""
    found: dict[str, int] = {}
    groups = []  # the merged group label in force at each column
    current = ""
    for i in range(max(len(top), len(sub))):
        label = top[i] if i < len(top) else ""
        if label and not any(label in c.spellings() for c in layout.columns if not c.group):
            current = label
        elif label:
            current = ""
        groups.append(current)
    unknown = []
    for row in (sub, top):
        for i, label in enumerate(row):
            if not label:
                continue
            candidates = [
                c for c in layout.columns if label in c.spellings() and c.key not in found
            ]
            if len(candidates) > 1:
                candidates = [c for c in candidates if text_key(c.group) == groups[i]]
            if candidates and i not in found.values():
                found[candidates[0].key] = i
            elif not candidates and row is sub and i not in found.values():
                unknown.append(label)
    return found, unknown


def _unit_line(layout: Layout, rows) -> str:
    label = text_key(layout.unit_label).rstrip("：")
    for cells in rows:
        texts = [clean_line(c) for c in cells]
        for i, text in enumerate(texts):
            key = text_key(text)
            if not key.startswith(label):
                continue
            value = (
                re.split(r"[:：]", text, maxsplit=1)[1].strip() if re.search("[:：]", text) else ""
            )
            if not value:
                value = next((t for t in texts[i + 1 :] if t), "")
                if re.match(r"^(填表人|电话|填表日期)", value):
                    value = ""
            return value
    return ""


def find_header(layout: Layout, rows: list[list], numbers: list[int] | None = None) -> HeaderMatch:
    """Locate the header among the first rows; raise ``LayoutError`` saying what is missing.

    ``numbers`` are the sheet's row numbers of ``rows`` (blank rows are not in ``rows``).
    """
    signature = [text_key(s) for s in layout.signature]
    for index, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
        top = _row_keys(cells)
        if not all(s in top for s in signature):
            continue
        sub = _row_keys(rows[index + 1]) if index + 1 < len(rows) else []
        grouped = [c for c in layout.columns if c.group]
        two_rows = any(k in c.spellings() for c in grouped for k in sub if k)
        columns, unknown = _match_columns(layout, top, sub if two_rows else [])
        missing = [c for c in layout.columns if c.required and c.key not in columns]
        if missing:
            names = "、".join(f"“{c.group + '·' if c.group else ''}{c.label}”" for c in missing)
            raise LayoutError(
                f"第{numbers[index] if numbers else index + 1}行的表头不是{layout.name}的格式："
                f"缺少{names}列。"
                f"请使用{layout.annex}的表头（可先导出一份作为模板）。"
            )
        return HeaderMatch(
            columns=columns,
            data_start=index + (2 if two_rows else 1),
            unit=_unit_line(layout, rows[:index]),
            unknown=unknown,
        )
    expected = "、".join(c.label for c in layout.columns[:6])
    raise LayoutError(
        f"没有找到{layout.name}的表头（前{HEADER_SEARCH_ROWS}行中应有“{expected}……”等列）。"
        f"请确认上传的是{layout.annex}格式的表格。"
    )


def section_department(cells: list) -> str | None:
    """The department named by a section row ``实施机关：司法局`` (whole-banner files)."""
    texts = [clean_line(c) for c in cells]
    filled = [t for t in texts if t]
    if len(filled) != 1:
        return None
    match = DEPARTMENT_SECTION.match(filled[0])
    return match.group("name").strip() if match else None


# --- export grids ---------------------------------------------------------------------------


@dataclass
class Grid:
    """Rows of cell texts with the merged ranges, as both the .xlsx and the .csv are written."""

    width: int
    rows: list[list[str]] = field(default_factory=list)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # 1-based r1,c1,r2,c2
    kinds: list[str] = field(default_factory=list)  # annex|title|unit|header|section|data
    layout: Layout | None = None  # the layout it was built for (its columns' widths and styles)

    def add(self, cells: list[str], kind: str) -> int:
        self.rows.append(list(cells) + [""] * (self.width - len(cells)))
        self.kinds.append(kind)
        return len(self.rows)

    def merge(self, row: int, first: int, last: int, to_row: int | None = None) -> None:
        self.merges.append((row, first, to_row or row, last))

    @property
    def header_rows(self) -> tuple[int, int]:
        rows = [i + 1 for i, k in enumerate(self.kinds) if k == "header"]
        return rows[0], rows[-1]


def _unit_cells(layout: Layout, unit: str, extras: list[tuple[str, str]]):
    """The line under the title: 单位（盖章）：…  填表人：…  电话：…  填表日期：…"""
    parts = [(layout.unit_label, unit), *extras]
    spans = _spread([c.width for c in layout.columns], len(parts))
    cells = [""] * len(layout.columns)
    for (label, value), (first, _last) in zip(parts, spans, strict=True):
        cells[first - 1] = f"{label}{value}"
    return cells, spans


def _spread(widths: list[float], parts: int) -> list[tuple[int, int]]:
    """Split the columns into ``parts`` runs of about equal printed width (1-based spans)."""
    total, spans, start, running = sum(widths), [], 1, 0.0
    for column, width in enumerate(widths, start=1):
        running += width
        remaining_parts = parts - len(spans) - 1
        remaining_columns = len(widths) - column
        due = running >= total * (len(spans) + 1) / parts - width / 2
        if remaining_parts and (due or remaining_columns == remaining_parts):
            spans.append((start, column))
            start = column + 1
    spans.append((start, len(widths)))
    return spans


def build_grid(
    layout: Layout,
    *,
    title: str,
    unit: str,
    unit_extras: list[tuple[str, str]],
    sections: list[tuple[str | None, list[list[str]]]],
) -> Grid:
    """附件N line, title, unit line, the two header rows (merged), then each section's rows.

    A section with a name gets a merged row ``实施机关：<name>`` above its rows; data cells are
    neutralised against formula evaluation.
    """
    columns = layout.columns
    width = len(columns)
    grid = Grid(width=width, layout=layout)
    grid.add([layout.annex], "annex")
    row = grid.add([title], "title")
    grid.merge(row, 1, width)
    cells, spans = _unit_cells(layout, unit, unit_extras)
    row = grid.add(cells, "unit")
    for first, last in spans:
        if last > first:
            grid.merge(row, first, last)
    top = grid.add([c.group or c.label for c in columns], "header")
    sub = grid.add([c.label if c.group else "" for c in columns], "header")
    i = 0
    while i < width:
        group = columns[i].group
        if not group:
            grid.rows[sub - 1][i] = ""
            grid.merge(top, i + 1, i + 1, to_row=sub)
            i += 1
            continue
        j = i
        while j + 1 < width and columns[j + 1].group == group:
            j += 1
        for k in range(i + 1, j + 1):
            grid.rows[top - 1][k] = ""
        grid.merge(top, i + 1, j + 1)
        i = j + 1
    for name, data_rows in sections:
        if name:
            row = grid.add([DEPARTMENT_SECTION_FORMAT.format(name=name)], "section")
            grid.merge(row, 1, width)
        for cells in data_rows:
            grid.add([neutralise(c) for c in cells], "data")
    return grid
