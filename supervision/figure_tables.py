"""The figures laid out for people: rows per unit, the charts' data, the Excel workbook."""

import io

from openpyxl import Workbook
from openpyxl.styles import Font

from vocabularies import reader
from vocabularies.enums import Vocabulary

from .exports import text
from .figures import GROUP_TITLES, GROUPS


def unit_rows(departments, tables):
    """``[(department, [total per figure])]`` in 附件1 order."""
    return [(d, [t.by_unit.get(d.pk, 0) for t in tables]) for d in departments]


def chart_data(period, departments, tables) -> dict:
    """What ``supervision/charts.js`` draws: per group, the banner's trend per month and the
    totals per unit (each series names its group)."""
    return {
        "months": [f"{m:%Y-%m}" for m in period.months],
        "groups": [key for key, _ in GROUPS if any(t.figure.group == key for t in tables)],
        "trend": [
            {
                "name": t.figure.label,
                "group": t.figure.group,
                "data": [t.by_month.get(m, 0) for m in period.months],
            }
            for t in tables
        ],
        "units": [d.name for d in departments],
        "perUnit": [
            {
                "name": t.figure.label,
                "group": t.figure.group,
                "data": [t.by_unit.get(d.pk, 0) for d in departments],
            }
            for t in tables
        ],
    }


def sections(period, departments, tables) -> list[dict]:
    """The figures by group, as the pages show them: a title, the group's tables, the rows of
    the banner per month (with totals) and of each unit."""
    found = []
    for key, title in GROUPS:
        group = [t for t in tables if t.figure.group == key]
        if not group:
            continue
        found.append(
            {
                "key": key,
                "title": title,
                "tables": group,
                "monthly_rows": [
                    (month, [t.by_month.get(month, 0) for t in group]) for month in period.months
                ],
                "totals": [t.total for t in group],
                "unit_rows": unit_rows(departments, group),
            }
        )
    return found


def figures_workbook(period, departments, tables) -> bytes:
    """Four sheets: the banner per month, each unit's totals, each unit per month, and the list
    of figures with their group."""
    workbook = Workbook()
    bold = Font(bold=True)
    labels = [t.figure.label for t in tables]
    groups = [GROUP_TITLES[t.figure.group] for t in tables]
    title = f"统计期间：{period.first:%Y年%m月}至{period.last:%Y年%m月}（根据平台记录自动计算）"

    banner = workbook.active
    banner.title = "全旗按月"
    banner.append([title])
    banner.append(["月份", *labels])
    for month in period.months:
        banner.append([f"{month:%Y-%m}", *[t.by_month.get(month, 0) for t in tables]])
    banner.append(["合计", *[t.total for t in tables]])

    units = workbook.create_sheet("各单位合计")
    units.append([title])
    units.append(["单位", "单位类别", *labels])
    for department, values in unit_rows(departments, tables):
        units.append(
            [
                text(department.name),
                reader.label(Vocabulary.DEPARTMENT_KIND, department.kind),
                *values,
            ]
        )

    monthly = workbook.create_sheet("各单位按月")
    monthly.append([title])
    monthly.append(["单位", "月份", *labels])
    for department in departments:
        for month in period.months:
            values = [t.by_unit_month.get((department.pk, month), 0) for t in tables]
            if any(values):
                monthly.append([text(department.name), f"{month:%Y-%m}", *values])
    listing = workbook.create_sheet("统计项目")
    listing.append([title])
    listing.append(["分类", "统计项目", "公开"])
    for group, table in zip(groups, tables, strict=True):
        listing.append([group, table.figure.label, "是" if table.figure.public else "否"])
    for sheet in workbook.worksheets:
        for cell in sheet[2]:
            cell.font = bold
        sheet.column_dimensions["A"].width = 30
    listing.column_dimensions["B"].width = 30
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
