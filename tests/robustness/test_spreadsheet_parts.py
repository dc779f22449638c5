"""Broken workbooks are refused whole with a Chinese message naming the part, never a 500
(issue 10, point 11): truncated or corrupt XML parts, broken compression, values openpyxl cannot
read, and a DOCTYPE anywhere in a part's prolog, however far from the start."""

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from catalog.spreadsheets.reading import SpreadsheetRefused, read_workbook

from ..factories import make_department, make_user
from ..spreadsheets.sheets import annex4_xlsx, row

SHEET = "xl/worksheets/sheet1.xml"
FILES = Path(__file__).parent.parent / "spreadsheets" / "files"


def rebuilt(change, *, plain: bytes | None = None) -> bytes:
    """The clerk's workbook with ``change(name, content)`` applied to every part."""
    plain = plain or annex4_xlsx([row(), row(name="第二个证明")], unit="司法局")
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(plain)) as source, zipfile.ZipFile(buffer, "w") as target:
        for entry in source.infolist():
            content = change(entry.filename, source.read(entry))
            target.writestr(entry.filename, content, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def body(content: bytes) -> bytes:
    """A part without its XML declaration, if it has one."""
    return content.split(b"?>", 1)[1] if content.startswith(b"<?xml") else content


def refusal(data: bytes) -> str:
    with pytest.raises(SpreadsheetRefused) as excinfo:
        read_workbook(data, "目录.xlsx")
    return str(excinfo.value)


def test_a_truncated_sheet_is_refused_naming_the_part_and_where_it_ends():
    data = rebuilt(lambda name, content: content[: len(content) // 2] if name == SHEET else content)
    message = refusal(data)
    assert f"工作簿部件“{SHEET}”不是完整有效的XML" in message
    assert "文件可能不完整或已损坏" in message


def test_a_truncated_shared_strings_part_is_refused_naming_it():
    strings = "xl/sharedStrings.xml"

    def cut(name, content):
        return content[:-20] if name == strings else content

    data = rebuilt(cut, plain=(FILES / "clerk_libreoffice.xlsx").read_bytes())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert strings in archive.namelist()
    assert f"工作簿部件“{strings}”不是完整有效的XML" in refusal(data)


def test_a_doctype_after_8_kb_of_comments_in_the_prolog_is_refused():
    padding = b"<!--" + b"x" * 8192 + b"-->"

    def doctype(name, content):
        if name != "xl/workbook.xml":
            return content
        declaration = b'<?xml version="1.0" encoding="UTF-8"?>'
        return declaration + padding + b'<!DOCTYPE w [<!ENTITY a "a">]>' + body(content)

    message = refusal(rebuilt(doctype))
    assert (
        message
        == "工作簿部件“xl/workbook.xml”含有不允许的XML声明（DOCTYPE），为安全起见已拒绝读取。"
    )


def test_a_doctype_in_a_utf16_part_is_refused():
    def utf16(name, content):
        if name != "xl/styles.xml":
            return content
        text = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE s [<!ENTITY a "a">]>'
        return (text + body(content).decode("utf-8")).encode("utf-16")

    assert "DOCTYPE" in refusal(rebuilt(utf16))


def test_broken_compression_is_refused_naming_the_part():
    data = bytearray(rebuilt(lambda name, content: content))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo(SHEET)
    # The sheet's compressed bytes start after its local header (30 bytes + name + extra).
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for offset in range(start + 10, start + 40):
        data[offset] ^= 0x5A
    message = refusal(bytes(data))
    assert SHEET in message
    assert "损坏" in message


def test_a_value_openpyxl_cannot_read_is_refused_naming_the_worksheet():
    def bad_number(name, content):
        if name != SHEET:
            return content
        return content.replace(
            b"</sheetData>", b'<row r="40"><c r="A40"><v>abc</v></c></row></sheetData>'
        )

    message = refusal(rebuilt(bad_number))
    assert "工作表“" in message and SHEET in message and "无法读取" in message


@pytest.mark.django_db
def test_the_upload_page_shows_the_refusal_instead_of_a_server_error(client):
    department = make_department("司法局")
    from permissions.enums import Role

    clerk = make_user("parts_clerk", role=Role.EDITOR, departments=[department])
    client.force_login(clerk)
    data = rebuilt(lambda name, content: content[:200] if name == SHEET else content)
    response = client.post(
        reverse("catalog_import"),
        {"department": department.pk, "file": SimpleUploadedFile("目录.xlsx", data)},
    )
    assert response.status_code == 200
    assert f"工作簿部件“{SHEET}”不是完整有效的XML" in response.content.decode()
