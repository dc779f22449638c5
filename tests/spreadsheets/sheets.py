"""Sheets made in the tests, the way clerks make them: openpyxl workbooks and CSV text."""

import csv
import io

from openpyxl import Workbook, load_workbook

TOP = ["序号", "证明名称", "证明用途", "设定依据", None, "实施基本情况", None]
TOP += ["行使层级", None, None, None, "事项类型", "备注"]
SUB = [None, None, None, "依据名称、文号及条文内容", "效力层级", "索要单位", "开具单位"]
SUB += ["省部级", "市级", "县级", "乡级及其他", None, None]
MERGES = ("A4:A5", "B4:B5", "C4:C5", "D4:E4", "F4:G4", "H4:K4", "L4:L5", "M4:M5")
FIRST_DATA_ROW = 6  # after 附件4, title, unit line and the two header rows

LAW_19 = (
    "《中华人民共和国律师法》第十九条："
    "成立三年以上并具有二十名以上执业律师的合伙律师事务所，可以设立分所。"
)


def row(
    name="拟任分所负责人执业经历证明",
    purpose="律师事务所申请设立分所",
    bases=LAW_19,
    levels="法律",
    requesting="旗司法局",
    issuing="申请人所在单位",
    marks=(None, None, "✓", None),
    matter="行政许可",
    remarks=None,
    serial=1,
):
    return [serial, name, purpose, bases, levels, requesting, issuing, *marks, matter, remarks]


def annex4_xlsx(rows, *, unit="甲局", sections=None) -> bytes:
    """附件4 as a clerk fills it: 附件4, title, unit line, merged two-row header, rows.

    ``rows`` may hold ``None`` for a blank line; ``sections`` maps a row index to a department
    name written as a ``实施机关：…`` row before that row.
    """
    book = Workbook()
    sheet = book.active
    sheet.append(["附件4"])
    sheet.append(["实行告知承诺制的证明事项目录"])
    sheet.merge_cells("A2:M2")
    sheet.append([f"单位（盖章）：{unit}", None, None, None, "填表人：", None, None, "电话："])
    sheet.append(TOP)
    sheet.append(SUB)
    for merged in MERGES:
        sheet.merge_cells(merged)
    for index, cells in enumerate(rows):
        if sections and index in sections:
            sheet.append([f"实施机关：{sections[index]}"])
        sheet.append(cells or [])
    return save(book)


def save(book) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def annex4_csv(rows, *, unit="甲局", encoding="utf-8-sig") -> bytes:
    lines = [["附件4"], ["实行告知承诺制的证明事项目录"], [f"单位（盖章）：{unit}"]]
    lines += [[c or "" for c in TOP], [c or "" for c in SUB]]
    lines += [["" if c is None else str(c) for c in (cells or [])] for cells in rows]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(lines)
    return buffer.getvalue().encode(encoding)


def open_xlsx(content: bytes):
    return load_workbook(io.BytesIO(content)).active


def csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
