"""Export the catalog in the 附件4 layout and the liaison table in the 附件2 layout.

Three selections of the catalog: the published catalog (whole banner, a unit level or one
department), one numbered catalog revision (rebuilt from the Wagtail revisions its entries
point at), and a department's current drafts (for its editors). Each is written as .xlsx in the
layout of the seed - "附件4" line, title, unit line, the merged two-row header, ✓ marks,
landscape A4 fitted to the page width with the header repeated on every page - or as .csv
(UTF-8 with BOM, so that Excel shows Chinese) with the same lines. A whole-banner file puts a
row ``实施机关：<单位>`` above each department's rows, which the import reads back.
"""

import csv
import io
import math
from copy import copy
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from wagtail.models import Revision

from catalog.government import government_names
from catalog.legal.registry import Registry
from catalog.models import CertificateItem, Department, ExtraField
from catalog.selectors import UNITS, CatalogFilters, published_items
from catalog.text import clean_text
from permissions.scope import Scope, filter_by_scope, in_scope

from .layout import ANNEX2, ANNEX4, Grid, Layout, build_grid
from .resources import CatalogRowResource, DepartmentResource
from .rows import CatalogRow, row_from_content, rows_from_live, with_registry_texts

XLSX = "xlsx"
CSV = "csv"
FORMATS = {
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    CSV: "text/csv; charset=utf-8",
}
BANNER_UNIT = "旗司法局（汇总）"
# The whole catalog's title and file name start with the government's short name (简称, a site
# setting read through ``catalog.government``).


class ExportRefused(ValueError):
    """The export asked for is not possible (unknown format, no such department ...)."""


@dataclass
class ExportFile:
    filename: str
    content: bytes
    content_type: str


@dataclass
class CatalogSelection:
    """What to write: rows in catalog order and the lines above the table."""

    rows: list[CatalogRow]
    title: str
    unit: str
    phone: str
    date: str
    stem: str  # file name without extension
    sections: bool  # a whole-banner file: a 实施机关 row above each department
    # the public files (published catalog, catalog revisions) carry only the exported extra
    # fields that are also public; a department's own draft file carries every exported one
    public: bool = True


def _date(value=None) -> str:
    value = timezone.localdate(value) if value else timezone.localdate()
    return f"{value.year}年{value.month}月{value.day}日"


def _department_names() -> dict[int, str]:
    return dict(Department.objects.values_list("pk", "name"))


def _sort(rows: list[CatalogRow]) -> list[CatalogRow]:
    """Catalog order: the departments' order (附件1), then the items' ids."""
    order = dict(Department.objects.values_list("pk", "sort_order"))
    return sorted(
        rows, key=lambda r: (order.get(r.department_id, 0), r.department_id or 0, r.item_id or 0)
    )


def _justice_bureau_phone() -> str:
    bureau = Department.objects.filter(name="司法局").only("public_phone").first()
    return bureau.public_phone if bureau else ""


def published_selection(*, filters: CatalogFilters | None = None) -> CatalogSelection:
    """The published catalog: every live item, or those matching the public page's filters."""
    filters = filters or CatalogFilters()
    department = Department.objects.filter(pk=filters.department).first()
    if filters.department and department is None:
        raise ExportRefused("没有这个实施机关。")
    rows = rows_from_live(published_items(filters))
    if department is not None:
        return CatalogSelection(
            rows=rows,
            title=ANNEX4.title,
            unit=department.name,
            phone=department.public_phone,
            date=_date(),
            stem=f"{department.name}{ANNEX4.title}",
            sections=False,
        )
    prefix = UNITS.get(filters.unit) or government_names().short_name
    return CatalogSelection(
        rows=rows,
        title=f"{prefix}{ANNEX4.title}",
        unit=BANNER_UNIT,
        phone=_justice_bureau_phone(),
        date=_date(),
        stem=f"{prefix}{ANNEX4.title}",
        sections=True,
    )


def revision_selection(*, revision, department: Department | None = None) -> CatalogSelection:
    """A numbered catalog revision as it was published: each entry's approved revision."""
    from publishing.enums import RevisionChange

    entries = revision.entries.exclude(change=RevisionChange.WITHDRAWN)
    if department is not None:
        entries = entries.filter(item__department=department)
    revision_ids = list(entries.values_list("item_revision_id", flat=True))
    contents = Revision.objects.filter(pk__in=revision_ids).values_list("content", flat=True)
    names = _department_names()
    rows = _sort([row_from_content(content, names) for content in contents])
    scope = department.name if department else government_names().short_name
    return CatalogSelection(
        rows=rows,
        title=f"{ANNEX4.title}（{revision.label}）",
        unit=department.name if department else BANNER_UNIT,
        phone=department.public_phone if department else _justice_bureau_phone(),
        date=_date(revision.published_at),
        stem=f"{scope}{ANNEX4.title}（{revision.label}）",
        sections=department is None,
    )


def user_may_export_drafts(user, department: Department) -> bool:
    return user.has_perm("catalog.view_certificateitem") and in_scope(
        user, Scope.VIEW, department.pk
    )


def draft_selection(*, user, department: Department) -> CatalogSelection:
    """A department's items as they stand now, drafts included (for its own staff)."""
    if not user_may_export_drafts(user, department):
        raise PermissionDenied(f"您没有权限导出“{department.name}”的草稿。")
    revision_ids = CertificateItem.objects.filter(department=department).order_by("pk")
    revision_ids = [pk for pk in revision_ids.values_list("latest_revision_id", flat=True) if pk]
    contents = dict(Revision.objects.filter(pk__in=revision_ids).values_list("pk", "content"))
    names = _department_names()
    rows = [row_from_content(contents[pk], names) for pk in revision_ids if pk in contents]
    return CatalogSelection(
        rows=rows,
        title=f"{ANNEX4.title}（草稿，未经审核）",
        unit=department.name,
        phone=department.public_phone,
        date=_date(),
        stem=f"{department.name}{ANNEX4.title}（草稿）",
        sections=False,
        public=False,
    )


# --- grids ---------------------------------------------------------------------------------


def catalog_grid(selection: CatalogSelection) -> Grid:
    """The 附件4 grid; a basis without article text shows the registry's text of the article,
    as the public pages do."""
    exported = ExtraField.objects.exported()
    resource = CatalogRowResource(
        extra_definitions=exported.filter(public=True) if selection.public else exported
    )
    layout = resource.layout
    keys = [c.key for c in layout.columns]
    sections: list[tuple[str | None, list[list[str]]]] = []
    if selection.rows:
        with_registry_texts(selection.rows, Registry())
    for serial, row in enumerate(selection.rows, start=1):
        row.serial = str(serial)
        cells = resource.cells(row)
        name = row.department_name if selection.sections else None
        if not sections or sections[-1][0] != name:
            sections.append((name, []))
        sections[-1][1].append([cells[k] for k in keys])
    return build_grid(
        layout,
        title=selection.title,
        unit=selection.unit,
        unit_extras=[("填表人：", ""), ("电话：", selection.phone), ("填表日期：", selection.date)],
        sections=sections,
    )


def departments_grid(user) -> Grid:
    """All departments the user may see (``user=None``: all, for the command line)."""
    departments = Department.objects.all()
    if user is not None:
        if not user.has_perm("catalog.view_department"):
            raise PermissionDenied("您没有权限导出实施机关和联络员信息。")
        departments = filter_by_scope(departments, user, Scope.VIEW, field="pk")
    resource = DepartmentResource()
    keys = [c.key for c in ANNEX2.columns]
    rows = [[resource.cells(d)[k] for k in keys] for d in departments.order_by("sort_order", "pk")]
    return build_grid(
        ANNEX2,
        title=ANNEX2.title,
        unit="",
        unit_extras=[("填表日期：", _date())],
        sections=[(None, rows)],
    )


# --- writers -------------------------------------------------------------------------------


def export_file(grid: Grid, layout: Layout, fmt: str, stem: str) -> ExportFile:
    if fmt not in FORMATS:
        raise ExportRefused(f"不支持的格式“{fmt}”，请选择 xlsx 或 csv。")
    content = write_xlsx(grid, layout, sheet_title=layout.title) if fmt == XLSX else write_csv(grid)
    return ExportFile(f"{stem}.{fmt}", content, FORMATS[fmt])


def catalog_file(selection: CatalogSelection, fmt: str) -> ExportFile:
    grid = catalog_grid(selection)
    return export_file(grid, grid.layout, fmt, selection.stem)


def departments_file(user, fmt: str) -> ExportFile:
    return export_file(departments_grid(user), ANNEX2, fmt, f"{ANNEX2.title}（附件2）")


def write_csv(grid: Grid) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows([clean_text(cell) for cell in row] for row in grid.rows)
    return buffer.getvalue().encode("utf-8-sig")


def _styles() -> list[NamedStyle]:
    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    body = Font(name="宋体", size=10)
    wrap = {"wrap_text": True, "vertical": "center"}
    return [
        NamedStyle("附件号", font=Font(name="黑体", size=12)),
        NamedStyle(
            "标题",
            font=Font(name="宋体", size=18, bold=True),
            alignment=Alignment(horizontal="center", vertical="center"),
        ),
        NamedStyle(
            "单位行", font=Font(name="宋体", size=11), alignment=Alignment(vertical="center")
        ),
        NamedStyle(
            "表头",
            font=Font(name="黑体", size=10, bold=True),
            border=box,
            alignment=Alignment(horizontal="center", **wrap),
        ),
        NamedStyle(
            "单位分组",
            font=Font(name="黑体", size=11, bold=True),
            border=box,
            alignment=Alignment(horizontal="left", vertical="center"),
        ),
        NamedStyle("正文", font=body, border=box, alignment=Alignment(horizontal="left", **wrap)),
        NamedStyle("居中", font=body, border=box, alignment=Alignment(horizontal="center", **wrap)),
    ]


LINE_POINTS = 13.5  # one line of 10 pt 宋体


def _lines(text: str, width: float) -> int:
    """Lines a wrapped cell needs: a Chinese character is about two width units wide."""
    usable = max(width - 1.5, 1.0)
    lines = 0
    for paragraph in text.split("\n"):
        wide = (len(paragraph.encode()) - len(paragraph)) // 2  # 3-byte UTF-8 characters
        units = 2 * wide + 1.1 * (len(paragraph) - wide)
        lines += max(1, math.ceil(units / usable))
    return lines


def _row_height(cells: list[str], widths: list[float]) -> float:
    """Spreadsheets do not size wrapped rows when they open a file, so the export does."""
    lines = max(_lines(text, width) for text, width in zip(cells, widths, strict=True))
    return min(lines * LINE_POINTS + 4, 409)  # 409 pt is Excel's highest row


CENTERED = {"serial", "legal_levels", "matter_type", "level_provincial", "level_city"}
CENTERED |= {"level_county", "level_township"}
ROW_STYLE = {"annex": "附件号", "title": "标题", "unit": "单位行", "header": "表头"}
ROW_STYLE |= {"section": "单位分组"}


class _StyledCells:
    """Writes text cells with a named style, fast enough for 10,000-row catalogs.

    Setting ``cell.value`` and ``cell.style`` costs openpyxl a type check, an illegal-character
    scan and a named-style lookup per cell (about 4 s for 130,000 cells). Here the text is
    cleaned once and the style array of each named style is computed once and copied, which is
    what openpyxl's own worksheet copier does (``openpyxl.worksheet.copier``).
    """

    def __init__(self, sheet):
        self.sheet = sheet
        self.arrays: dict[str, object] = {}

    def write(self, row: int, column: int, text: str, style: str) -> None:
        cell = self.sheet.cell(row=row, column=column)
        if style not in self.arrays:
            cell.style = style
            self.arrays[style] = copy(cell._style)
        cell._style = copy(self.arrays[style])
        if text:
            cell._value = clean_text(text)  # no character that openpyxl or Excel refuses
            cell.data_type = "s"  # text, never a formula


def write_xlsx(grid: Grid, layout: Layout, *, sheet_title: str) -> bytes:
    workbook = Workbook()
    for style in _styles():
        workbook.add_named_style(style)
    sheet = workbook.active
    sheet.title = sheet_title[:31]
    column_styles = ["居中" if c.key in CENTERED else "正文" for c in layout.columns]
    styled = _StyledCells(sheet)
    for r, (cells, kind) in enumerate(zip(grid.rows, grid.kinds, strict=True), start=1):
        for c, text in enumerate(cells, start=1):
            if not text and kind in ("annex", "title", "unit"):
                continue
            style = column_styles[c - 1] if kind == "data" else ROW_STYLE[kind]
            styled.write(r, c, text, style)
    for r1, c1, r2, c2 in grid.merges:
        sheet.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
    for i, column in enumerate(layout.columns, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = column.width
    widths = [c.width for c in layout.columns]
    for r, (cells, kind) in enumerate(zip(grid.rows, grid.kinds, strict=True), start=1):
        if kind == "data":
            sheet.row_dimensions[r].height = _row_height(cells, widths)
    title_row = grid.kinds.index("title") + 1
    sheet.row_dimensions[title_row].height = 36
    sheet.row_dimensions[title_row + 1].height = 22
    first, last = grid.header_rows
    for r in range(first, last + 1):
        sheet.row_dimensions[r].height = 30
    sheet.freeze_panes = f"A{last + 1}"
    # Print like the seed's table: landscape A4, one page wide, the header on every page.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = f"{first}:{last}"
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
