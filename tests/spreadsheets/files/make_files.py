"""Regenerate the committed fixture files of this directory (not run by the tests).

The tests read the files as committed; this script documents how they were made. It needs
LibreOffice (``apt-get install libreoffice-calc``) for the files "saved by LibreOffice", and
msoffcrypto-tool 6 (PyPI) for the password-protected workbook:

    .venv/bin/python tests/spreadsheets/files/make_files.py

- ``clerk.xlsx``: a 附件4 sheet as a clerk fills it, written by openpyxl: "附件4", title, the
  单位（盖章）/填表人/电话/填表日期 line, the merged two-row header, 序号 as text, number and
  full-width digit, a blank line, stray and full-width spaces, full-width digits, two legal bases
  in one cell, ✓ and √ marks, a note below the table.
- ``clerk_libreoffice.xlsx`` and ``clerk_libreoffice.xls``: ``clerk.xlsx`` opened and saved by
  LibreOffice Calc (``soffice --headless --convert-to``).
- ``clerk_gbk.csv`` (GBK, √ marks: ✓ is not in GBK), ``clerk_utf8.csv`` (UTF-8 with BOM, as Excel's
  "CSV UTF-8"), ``clerk_unicode.txt`` (UTF-16 tab-separated, Excel's "Unicode text").
- ``encrypted.xlsx``: ``clerk.xlsx`` with the opening password ``secret``.
- ``other_headers.xlsx``: a workbook whose table is not 附件4.
- ``contacts.xlsx``: a 附件2 liaison table with two departments.
"""

import csv
import io
import shutil
import subprocess
import tempfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment

HERE = Path(__file__).resolve().parent

TOP = [
    "序号",
    "证明名称",
    "证明用途",
    "设定依据",
    None,
    "实施基本情况",
    None,
    "行使层级",
    None,
    None,
    None,
    "事项类型",
    "备注",
]
SUB = [
    None,
    None,
    None,
    "依据名称、文号及条文内容",
    "效力层级",
    "索要单位",
    "开具单位",
    "省部级",
    "市级",
    "县级",
    "乡级及其他",
    None,
    None,
]
ROWS = [
    [
        "1",
        "拟任分所负责人执业经历证明　",
        " 律师事务所申请设立分所",
        "1.《中华人民共和国律师法》（中华人民共和国主席令第七十六号）第十九条：成立三年以上并具有二十名以上执业律师的合伙律师事务所，可以设立分所。\n"
        "2.《律师事务所管理办法》（司法部令第１４２号）第三十五条第五款：律师事务所申请设立分所，应当提交拟任分所负责人的执业经历证明材料。",
        "法律\n部门规章",
        "旗市司法局、律师协会",
        "申请人所在单位",
        None,
        "√",
        "✓",
        None,
        "行政许可",
        "限于该负责人原在区内执业",
    ],
    None,  # a blank line
    [
        2,
        "无犯罪记录证明",
        "申请律师执业",
        "《中华人民共和国律师法》第七条：申请人有下列情形之一的，不予颁发律师执业证书：\n（一）无民事行为能力或者限制民事行为能力的；\n（二）受过刑事处罚的，但过失犯罪的除外。",
        "法 律",
        "盟司法局、自治区司法厅",
        "公安机关",
        "✓",
        "✓",
        None,
        None,
        "行政许可",
        None,
    ],
    [
        "３",
        "法律援助经济困难证明",
        "申请法律援助",
        "《法律援助条例》（国务院令第385号）第十七条：公民申请代理、刑事辩护的法律援助应当提交经济困难的证明。",
        "行政法规",
        "旗法律援助中心",
        "申请人住所地苏木镇人民政府",
        None,
        None,
        "√",
        "√",
        "行政给付",
        "第１次申请时提供",
    ],
]


def clerk_workbook() -> Workbook:
    book = Workbook()
    sheet = book.active
    sheet.title = "司法局"
    sheet.append(["附件4"])
    sheet.append(["实行告知承诺制的证明事项目录（示范）"])
    sheet.merge_cells("A2:M2")
    sheet.append(
        [
            "单位（盖章）：司法局",
            None,
            None,
            None,
            "填表人：李娜",
            None,
            None,
            "电话：0483-6021021",
            None,
            None,
            "填表日期：2021年3月20日",
        ]
    )
    sheet.append(TOP)
    sheet.append(SUB)
    for rng in ("A4:A5", "B4:B5", "C4:C5", "D4:E4", "F4:G4", "H4:K4", "L4:L5", "M4:M5"):
        sheet.merge_cells(rng)
    for row in ROWS:
        sheet.append(row or [])
    sheet.append([])
    sheet.append(["注：行使层级请在对应栏内打“✓”或“√”。"])
    for row in sheet.iter_rows(min_row=6):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="center")
    return book


def grid(mark_yes: str | None = None) -> list[list[str]]:
    rows = [
        ["附件4"],
        ["实行告知承诺制的证明事项目录"],
        ["单位（盖章）：司法局", "", "", "", "填表人：李娜", "", "", "电话：0483-6021021"],
    ]
    rows += [[c or "" for c in TOP], [c or "" for c in SUB]]
    for row in ROWS:
        cells = ["" if c is None else str(c) for c in (row or [])]
        if mark_yes:
            cells = [mark_yes if c in ("✓", "√") else c for c in cells]
        rows.append(cells)
    return rows


def write_csv(path: Path, rows, encoding: str, delimiter: str = ",") -> None:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))


def libreoffice(source: Path, fmt: str, target: Path) -> None:
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(  # noqa: S603 (a fixed command line, run by hand)
            ["soffice", "--headless", "--convert-to", fmt, "--outdir", out, str(source)],  # noqa: S607
            check=True,
            capture_output=True,
        )
        shutil.move(Path(out) / f"{source.stem}.{fmt}", target)


def main() -> None:
    clerk = HERE / "clerk.xlsx"
    clerk_workbook().save(clerk)
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "clerk_libreoffice.xlsx"
        shutil.copy(clerk, copy)
        libreoffice(copy, "xls", HERE / "clerk_libreoffice.xls")
        libreoffice(HERE / "clerk_libreoffice.xls", "xlsx", HERE / "clerk_libreoffice.xlsx")
    write_csv(HERE / "clerk_gbk.csv", grid(mark_yes="√"), "gbk")
    write_csv(HERE / "clerk_utf8.csv", grid(), "utf-8-sig")
    write_csv(HERE / "clerk_unicode.txt", grid(), "utf-16", delimiter="\t")

    from msoffcrypto.format.ooxml import OOXMLFile  # msoffcrypto-tool >= 6

    with open(clerk, "rb") as plain, open(HERE / "encrypted.xlsx", "wb") as encrypted:
        OOXMLFile(plain).encrypt("secret", encrypted)

    other = Workbook()
    other.active.append(["姓名", "身份证号", "联系电话"])
    other.active.append(["张三", "152921199001011234", "19904830000"])
    other.save(HERE / "other_headers.xlsx")

    contacts = Workbook()
    sheet = contacts.active
    sheet.append(["附件2"])
    sheet.append(["联络信息表"])
    sheet.append(["填报单位（盖章）：", None, None, None, "填表日期：2021年3月26日"])
    sheet.append(["单位名称", "分管领导", None, None, "联络员", None, None])
    sheet.append([None, "姓名", "办公号码", "手机号码", "姓名", "办公号码", "手机号码"])
    for rng in ("A4:A5", "B4:D4", "E4:G4"):
        sheet.merge_cells(rng)
    sheet.append(
        ["司法局", "赵静", "0483-6021021", "19904830011", "李娜", "0483-6021022", 19904830061]
    )
    sheet.append(
        [
            "旗档案史志馆",
            "杨秀兰",
            "0483-6021113",
            "19904830003",
            "周鹏飞",
            "0483-6021013",
            "19904830053",
        ]
    )
    contacts.save(HERE / "contacts.xlsx")


if __name__ == "__main__":
    main()
