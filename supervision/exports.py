"""The overview as an Excel workbook: one sheet of units × milestones (state as text, coloured
like the admin page), one of the units with nothing published yet."""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from catalog.spreadsheets.cleaning import neutralise
from catalog.text import clean_text
from vocabularies import reader
from vocabularies.enums import Vocabulary

from .enums import MilestoneState


def text(value: str) -> str:
    """A cell's text: no control characters, never read as a formula."""
    return neutralise(clean_text(value or ""))


FILLS = {
    MilestoneState.NOT_SUBMITTED: "FFFFFF",
    MilestoneState.SUBMITTED: "DCEBFA",
    MilestoneState.CONFIRMED: "D9F2D9",
    MilestoneState.RETURNED: "FDEBC8",
    MilestoneState.OVERDUE: "F8D0D0",
    None: "EEEEEE",
}


def _cell_text(cell) -> str:
    if cell.state == MilestoneState.RETURNED and cell.submission and cell.submission.comment:
        return f"{cell.label}：{cell.submission.comment}"
    return cell.label


def overview_workbook(plan, matrix, unpublished) -> bytes:
    workbook = Workbook(write_only=False)
    sheet = workbook.active
    sheet.title = "工作进度"
    header = ["序号", "单位", "单位类别"] + [
        text(f"{m.name}（{m.due_on:%Y-%m-%d}）") for m in matrix.milestones
    ]
    sheet.append([text(f"{plan.name} 工作进度（各单位 × 工作节点）")])
    sheet.append(header)
    bold = Font(bold=True)
    for cell in sheet[2]:
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    fills = {state: PatternFill("solid", fgColor=color) for state, color in FILLS.items()}
    for index, (department, cells) in enumerate(matrix.rows, start=1):
        row = [
            index,
            text(department.name),
            reader.label(Vocabulary.DEPARTMENT_KIND, department.kind),
        ]
        row += [text(_cell_text(c)) for c in cells]
        sheet.append(row)
        for offset, c in enumerate(cells):
            sheet.cell(row=index + 2, column=4 + offset).fill = fills[c.state]
    sheet.append([])
    sheet.append(["合计"])
    for state in MilestoneState:
        sheet.append(
            ["", state.label, ""] + [matrix.totals[m.pk][state.value] for m in matrix.milestones]
        )
    sheet.column_dimensions["B"].width = 34
    sheet.column_dimensions["C"].width = 14
    for offset in range(len(matrix.milestones)):
        sheet.column_dimensions[get_column_letter(4 + offset)].width = 18
    sheet.freeze_panes = "D3"

    second = workbook.create_sheet("尚无公布事项的单位")
    second.append(["序号", "单位", "单位类别"])
    for cell in second[1]:
        cell.font = bold
    for index, department in enumerate(unpublished, start=1):
        second.append(
            [
                index,
                text(department.name),
                reader.label(Vocabulary.DEPARTMENT_KIND, department.kind),
            ]
        )
    second.column_dimensions["B"].width = 34
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
