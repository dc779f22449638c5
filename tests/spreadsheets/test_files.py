"""Files as they arrive: each committed form reads the same, bad files are refused whole."""

import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from catalog.enums import LegalLevel, MatterType
from catalog.models import CertificateItem
from catalog.spreadsheets.reading import SpreadsheetRefused
from catalog.spreadsheets.report import RowStatus
from catalog.spreadsheets.services import catalog_import
from tests.factories import make_department

from .sheets import annex4_csv, annex4_xlsx, row, save

FILES = Path(__file__).parent / "files"
CLERK_FILES = [
    "clerk.xlsx",  # openpyxl
    "clerk_libreoffice.xlsx",  # saved by LibreOffice Calc
    "clerk_libreoffice.xls",  # saved by LibreOffice Calc, Excel 97 format
    "clerk_utf8.csv",  # Excel's "CSV UTF-8", with BOM
    "clerk_gbk.csv",  # GBK, as older Excel and WPS save CSV
    "clerk_unicode.txt",  # Excel's "Unicode text": UTF-16, tab-separated
]


@pytest.fixture
def justice_bureau(db):
    return make_department("司法局")


@pytest.fixture
def clerk(justice_bureau):
    from permissions.enums import Role
    from tests.factories import make_user

    return make_user("sfj_clerk", role=Role.EDITOR, departments=[justice_bureau])


def import_file(user, department, name, **kwargs):
    data = (FILES / name).read_bytes()
    return catalog_import(user=user, data=data, filename=name, department=department, **kwargs)


def refusal(user, department, data, filename="上传.xlsx") -> str:
    with pytest.raises(SpreadsheetRefused) as excinfo:
        catalog_import(user=user, data=data, filename=filename, department=department)
    return str(excinfo.value)


@pytest.mark.parametrize("name", CLERK_FILES)
def test_every_form_of_the_clerks_sheet_reads_as_the_same_three_rows(clerk, justice_bureau, name):
    report = import_file(clerk, justice_bureau, name)
    assert [(r.number, r.status, r.name, r.purpose) for r in report.rows] == [
        (6, RowStatus.NEW, "拟任分所负责人执业经历证明", "律师事务所申请设立分所"),
        (8, RowStatus.NEW, "无犯罪记录证明", "申请律师执业"),
        (9, RowStatus.NEW, "法律援助经济困难证明", "申请法律援助"),
    ]
    assert report.warnings == []


def test_the_libreoffice_xls_is_imported_with_its_bases_marks_and_cleaned_text(
    clerk, justice_bureau
):
    report = import_file(clerk, justice_bureau, "clerk_libreoffice.xls", commit=True)
    assert report.committed
    branch, record, aid = CertificateItem.objects.order_by("pk")
    assert [
        (b.name, b.document_number, b.article, b.legal_level) for b in branch.legal_bases.all()
    ] == [
        ("《中华人民共和国律师法》", "中华人民共和国主席令第七十六号", "第十九条", LegalLevel.LAW),
        (
            "《律师事务所管理办法》",
            "司法部令第142号",
            "第三十五条第五款",
            LegalLevel.DEPARTMENTAL_RULE,
        ),
    ]
    assert (branch.level_city, branch.level_county, branch.level_provincial) == (True, True, False)
    assert branch.remarks == "限于该负责人原在区内执业"
    assert record.legal_bases.get().article_text == (
        "申请人有下列情形之一的，不予颁发律师执业证书：\n（一）无民事行为能力或者限制民事行为能力的；"
        "\n（二）受过刑事处罚的，但过失犯罪的除外。"
    )
    assert (record.level_provincial, record.level_city) == (True, True)
    assert aid.matter_type == MatterType.PAYMENT
    assert aid.remarks == "第1次申请时提供"
    assert (aid.level_county, aid.level_township) == (True, True)


def test_a_password_protected_workbook_is_refused(clerk, justice_bureau):
    message = refusal(clerk, justice_bureau, (FILES / "encrypted.xlsx").read_bytes())
    assert message == (
        "工作簿设置了打开密码，无法读取。请在Excel或WPS中取消密码（文件→信息→保护工作簿）后另存，"
        "再重新上传。"
    )
    assert CertificateItem.objects.count() == 0


def test_a_sheet_with_other_headers_is_refused(clerk, justice_bureau):
    message = refusal(clerk, justice_bureau, (FILES / "other_headers.xlsx").read_bytes())
    assert message.startswith("没有找到证明事项目录（附件4）的表头")


def test_the_liaison_table_uploaded_as_a_catalog_is_recognised(clerk, justice_bureau):
    message = refusal(clerk, justice_bureau, (FILES / "contacts.xlsx").read_bytes())
    assert message == (
        "上传的是联络员信息表（附件2），不是证明事项目录（附件4）。请在相应的页面导入，"
        "或上传附件4格式的表格。"
    )


@pytest.mark.parametrize(
    ("data", "filename", "expected"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "目录.pdf", "上传的是PDF，不是表格。"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "目录.xlsx", "上传的是PNG图片，不是表格。"),
        (b"\x01\x02\x03\x04\x05\x06\x07\x08", "目录.dat", "无法识别的文件格式"),
        (b"\x01\x02\x03\x04\x05\x06\x07\x08", "目录.xls", "不是有效的Excel工作簿"),
        (b"", "目录.csv", "上传的文件是空的。"),
    ],
)
def test_files_that_are_not_spreadsheets_are_refused(
    clerk, justice_bureau, data, filename, expected
):
    assert expected in refusal(clerk, justice_bureau, data, filename)


def test_a_word_document_is_not_taken_for_a_workbook(clerk, justice_bureau):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    assert refusal(clerk, justice_bureau, buffer.getvalue(), "目录.docx") == (
        "文件不是Excel工作簿（可能是Word文档、压缩包或其他文件）。请上传 .xlsx、.xls 或 .csv。"
    )


def test_a_zip_bomb_is_refused_before_it_is_expanded(clerk, justice_bureau):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (40 * 1024 * 1024))
    data = buffer.getvalue()
    assert len(data) < 100 * 1024
    assert refusal(clerk, justice_bureau, data) == (
        "工作簿解压后异常巨大（疑似“压缩炸弹”），已拒绝读取。请上传正常保存的表格。"
    )


def test_a_workbook_with_macros_is_refused(clerk, justice_bureau):
    plain = annex4_xlsx([row()], unit="司法局")
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(plain)) as source, zipfile.ZipFile(buffer, "w") as target:
        for entry in source.infolist():
            target.writestr(entry, source.read(entry))
        target.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 Attribute VB_Name")
    assert refusal(clerk, justice_bureau, buffer.getvalue()) == (
        "工作簿包含宏（VBA或宏表），为安全起见不予读取。请删除宏后另存为 .xlsx 再上传。"
    )
    assert "含宏" in refusal(clerk, justice_bureau, plain, "目录.xlsm")


def test_an_xls_with_a_vba_project_is_refused(clerk, justice_bureau):
    xls = (FILES / "clerk_libreoffice.xls").read_bytes()
    with_vba = xls + "_VBA_PROJECT_CUR".encode("utf-16-le")  # the storage Excel writes for VBA
    assert refusal(clerk, justice_bureau, with_vba, "目录.xls") == (
        "工作簿包含宏（VBA），为安全起见不予读取。请删除宏后另存为 .xlsx 再上传。"
    )


def test_xml_with_a_doctype_is_refused(clerk, justice_bureau):
    plain = annex4_xlsx([row()], unit="司法局")
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(plain)) as source, zipfile.ZipFile(buffer, "w") as target:
        for entry in source.infolist():
            content = source.read(entry)
            if entry.filename == "xl/workbook.xml":
                content = b'<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "a">]>' + content
            target.writestr(entry, content)
    assert "DOCTYPE" in refusal(clerk, justice_bureau, buffer.getvalue())


def test_a_file_over_10_mb_is_refused_without_reading_it(clerk, justice_bureau):
    data = b"PK\x03\x04" + b"\0" * (10 * 1024 * 1024)
    assert refusal(clerk, justice_bureau, data) == (
        "文件太大（10.0 MB），最大允许 10 MB。"
        "请删除多余的工作表、图片后重新上传，或按单位分成几个文件。"
    )


def test_more_than_20000_rows_are_refused(clerk, justice_bureau):
    rows = [row(name=f"证明{n}", serial=n) for n in range(20_001)]
    message = refusal(clerk, justice_bureau, annex4_csv(rows, unit="司法局"), "目录.csv")
    assert (
        message
        == "表格有 20,001 行数据，一次最多导入 20,000 行。请按单位拆分成几个文件后分别导入。"
    )
    assert CertificateItem.objects.count() == 0


def test_a_sheet_with_only_the_header_is_refused(clerk, justice_bureau):
    assert refusal(clerk, justice_bureau, annex4_xlsx([], unit="司法局")) == (
        "表头下面没有任何数据行，没有可导入的内容。"
    )


def test_the_first_sheet_with_the_header_is_imported_and_others_are_named(clerk, justice_bureau):
    book = Workbook()
    book.active.title = "说明"
    book.active.append(["本工作簿第二页为目录。"])
    for title in ("目录", "备份"):
        sheet = book.create_sheet(title)
        from openpyxl import load_workbook

        source = load_workbook(io.BytesIO(annex4_xlsx([row()], unit="司法局"))).active
        for cells in source.iter_rows(values_only=True):
            sheet.append(cells)
    report = catalog_import(
        user=clerk, data=save(book), filename="目录.xlsx", department=justice_bureau
    )
    assert report.sheet == "目录"
    assert report.warnings == [
        "工作表“备份”也是附件4格式，没有导入：一次只导入第一个工作表“目录”。"
    ]


def test_a_header_with_missing_columns_is_named_by_its_row_in_the_sheet(clerk, justice_bureau):
    book = Workbook()
    sheet = book.active
    sheet.append(["实行告知承诺制的证明事项目录"])
    sheet.append([])
    sheet.append([])
    sheet.append(["序号", "证明名称", "证明用途", "备注"])
    sheet.append([1, "无犯罪记录证明", "申请律师执业", None])
    message = refusal(clerk, justice_bureau, save(book))
    assert message.startswith("第4行的表头不是证明事项目录（附件4）的格式：缺少“设定依据·依据名称")
