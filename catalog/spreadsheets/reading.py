"""Uploaded files to rows of cells, refusing anything that is not a plain spreadsheet.

The file type is decided by its content, not its name: an .xlsx is a zip with a workbook part,
an .xls an OLE2 compound file, anything else must decode as CSV text (UTF-8, GBK/GB18030 or
UTF-16 as Excel's "Unicode text"). Before a parser sees the bytes the file is checked for the
things that can hurt: more than ``MAX_BYTES``, a zip that expands far beyond its size (zip bomb),
XML with a DOCTYPE anywhere in a part's prolog (entity expansion) or any XML part that does not
parse (truncated, corrupt compression), macros (VBA, Excel 4 macro sheets), a password
(encrypted OOXML is an OLE2 file with an ``EncryptedPackage`` stream; encrypted .xls is
reported by xlrd). Reading stops at ``MAX_SHEET_ROWS`` rows, so no file can make the server
read without end; the caller refuses sheets with more than ``MAX_DATA_ROWS`` rows of data.

Every refusal is a ``SpreadsheetRefused`` with a message in Chinese that says what is wrong.
"""

import csv
import io
import xml.parsers.expat
import zipfile
import zlib
from dataclasses import dataclass, field
from xml.parsers.expat import errors as expat_errors

MAX_BYTES = 10 * 1024 * 1024
MAX_DATA_ROWS = 20_000
MAX_SHEET_ROWS = 60_000  # physical rows read at most, blank and heading rows included
MAX_COLUMNS = 40
MAX_UNCOMPRESSED = 250 * 1024 * 1024
MAX_RATIO = 150  # uncompressed / compressed, for parts larger than RATIO_FLOOR
RATIO_FLOOR = 5 * 1024 * 1024
MAX_ZIP_ENTRIES = 2_000
MAX_CELL_CHARS = 32_767  # Excel's own limit
XML_CHUNK = 64 * 1024

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
MB = 1024 * 1024
# Formats people upload by mistake; GB18030 would "decode" them as text otherwise.
OTHER_FORMATS = {
    b"%PDF": "PDF",
    b"\x89PNG": "PNG图片",
    b"\xff\xd8\xff": "JPEG图片",
    b"GIF8": "GIF图片",
    b"Rar!": "RAR压缩包",
    b"7z\xbc\xaf": "7z压缩包",
    b"\x1f\x8b": "gzip压缩包",
    b"{\\rtf": "RTF文档",
    b"MZ": "可执行程序",
}


class SpreadsheetRefused(ValueError):
    """The file is refused as a whole; nothing was read from it."""


@dataclass
class Sheet:
    """The rows of one worksheet: ``rows[i]`` is physical row ``numbers[i]`` (1-based)."""

    name: str
    rows: list[list] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)


@dataclass
class Workbook:
    kind: str  # xlsx | xls | csv
    sheets: list[Sheet]


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def read_workbook(data: bytes, filename: str = "") -> Workbook:
    """Check and read an uploaded file; raise ``SpreadsheetRefused`` with the reason."""
    if len(data) > MAX_BYTES:
        raise SpreadsheetRefused(
            f"文件太大（{len(data) / MB:.1f} MB），最大允许 {MAX_BYTES // MB} MB。"
            "请删除多余的工作表、图片后重新上传，或按单位分成几个文件。"
        )
    if not data.strip():
        raise SpreadsheetRefused("上传的文件是空的。")
    lower = filename.lower()
    if lower.endswith((".xlsm", ".xltm", ".xlsb", ".xlam")):
        raise SpreadsheetRefused(
            "不接受含宏或二进制格式的工作簿（.xlsm、.xlsb 等）。请另存为 .xlsx 后重新上传。"
        )
    for magic, kind in OTHER_FORMATS.items():
        if data.startswith(magic):
            raise SpreadsheetRefused(f"上传的是{kind}，不是表格。请上传 .xlsx、.xls 或 .csv 文件。")
    if data.startswith(ZIP_MAGIC):
        return Workbook("xlsx", _read_xlsx(data))
    if data.startswith(OLE2_MAGIC):
        return Workbook("xls", _read_xls(data))
    if lower.endswith((".xlsx", ".xls", ".et", ".ods")):
        raise SpreadsheetRefused(
            f"“{filename}”不是有效的Excel工作簿（文件内容已损坏或并非表格）。"
            "请用Excel或WPS打开后另存为 .xlsx 再上传。"
        )
    return Workbook("csv", [_read_csv(data)])


# --- .xlsx -----------------------------------------------------------------------------------


def _check_zip(data: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise SpreadsheetRefused("文件不是有效的Excel工作簿（压缩包已损坏）。") from exc
    names = {e.filename for e in entries}
    if "xl/workbook.xml" not in names:
        raise SpreadsheetRefused(
            "文件不是Excel工作簿（可能是Word文档、压缩包或其他文件）。请上传 .xlsx、.xls 或 .csv。"
        )
    if len(entries) > MAX_ZIP_ENTRIES:
        raise SpreadsheetRefused("工作簿内部的部件过多，可能是恶意构造的文件，已拒绝。")
    if any(n.endswith("vbaProject.bin") or n.startswith("xl/macrosheets/") for n in names):
        raise SpreadsheetRefused(
            "工作簿包含宏（VBA或宏表），为安全起见不予读取。请删除宏后另存为 .xlsx 再上传。"
        )
    total = 0
    for entry in entries:
        total += entry.file_size
        ratio = entry.file_size / max(entry.compress_size, 1)
        if total > MAX_UNCOMPRESSED or (entry.file_size > RATIO_FLOOR and ratio > MAX_RATIO):
            raise SpreadsheetRefused(
                "工作簿解压后异常巨大（疑似“压缩炸弹”），已拒绝读取。请上传正常保存的表格。"
            )
    content_types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
    if b"macroEnabled" in content_types:
        raise SpreadsheetRefused(
            "工作簿是启用宏的格式，为安全起见不予读取。请另存为普通的 .xlsx 后再上传。"
        )
    for entry in entries:
        if entry.filename.endswith((".xml", ".rels")):
            _check_xml_part(archive, entry)


def _check_xml_part(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> None:
    """Parse one XML part as a stream (expat), refusing a DOCTYPE anywhere in its prolog and
    any malformed XML (a truncated part, broken compression) with the part's name.

    The prolog, up to the root element, is read however long it is (comments and processing
    instructions can push a DOCTYPE far beyond the first kilobytes); the rest of the part is
    parsed too, so that a broken sheet is refused here with its line and column rather than
    halfway through reading its rows. No DTD means no entity can be declared or expanded.
    """
    name = entry.filename
    parser = xml.parsers.expat.ParserCreate()

    def refuse_doctype(*_args):
        raise SpreadsheetRefused(
            f"工作簿部件“{name}”含有不允许的XML声明（DOCTYPE），为安全起见已拒绝读取。"
        )

    parser.StartDoctypeDeclHandler = refuse_doctype
    parser.EntityDeclHandler = refuse_doctype
    try:
        with archive.open(entry) as part:
            while chunk := part.read(XML_CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except xml.parsers.expat.ExpatError as exc:
        raise SpreadsheetRefused(
            f"工作簿部件“{name}”不是完整有效的XML（第{exc.lineno}行第{exc.offset + 1}列："
            f"{_EXPAT_REASONS.get(exc.code, '格式错误')}），文件可能不完整或已损坏。"
            "请用Excel或WPS打开后另存为 .xlsx 再上传。"
        ) from exc
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as exc:
        raise SpreadsheetRefused(
            f"工作簿部件“{name}”的压缩数据已损坏，无法解压。请重新保存后再上传。"
        ) from exc


# expat's error codes (xml.parsers.expat.errors) in the words a clerk can act on.
_EXPAT_REASONS = {
    expat_errors.codes[message]: reason
    for message, reason in (
        (expat_errors.XML_ERROR_NO_ELEMENTS, "内容不完整或为空"),
        (expat_errors.XML_ERROR_UNCLOSED_TOKEN, "内容被截断"),
        (expat_errors.XML_ERROR_TAG_MISMATCH, "标签不匹配"),
        (expat_errors.XML_ERROR_INVALID_TOKEN, "含有非法字符"),
        (expat_errors.XML_ERROR_UNKNOWN_ENCODING, "不支持的编码"),
        (expat_errors.XML_ERROR_PARTIAL_CHAR, "字符不完整"),
        (expat_errors.XML_ERROR_SYNTAX, "语法错误"),
    )
}


def _read_xlsx(data: bytes) -> list[Sheet]:
    import openpyxl

    _check_zip(data)
    try:
        book = openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=True, keep_links=False
        )
    except Exception as exc:  # openpyxl raises many types for broken parts
        raise SpreadsheetRefused(
            "无法读取该工作簿：工作簿的结构已损坏或不完整（例如缺少工作表或共享字符串部件）。"
            "请用Excel或WPS打开后另存为 .xlsx 再上传。"
        ) from exc
    sheets = []
    try:
        for ws in book.worksheets:
            sheets.append(_read_worksheet(ws))
    finally:
        book.close()
    return sheets


def _read_worksheet(ws) -> Sheet:
    sheet = Sheet(ws.title)
    try:
        for number, cells in enumerate(ws.iter_rows(max_col=MAX_COLUMNS, values_only=True), 1):
            if number > MAX_SHEET_ROWS:
                raise _too_many_rows()
            if any(c is not None and c != "" for c in cells):
                sheet.rows.append(list(cells))
                sheet.numbers.append(number)
    except SpreadsheetRefused:
        raise
    except Exception as exc:  # any parse or value error of a sheet openpyxl reads lazily
        part = getattr(ws, "_worksheet_path", "")
        where = f"（部件“{part}”）" if part else ""
        raise SpreadsheetRefused(
            f"工作表“{ws.title}”{where}的内容无法读取（{type(exc).__name__}），文件可能不完整或"
            "已损坏。请用Excel或WPS打开后另存为 .xlsx 再上传。"
        ) from exc
    return sheet


# --- .xls ------------------------------------------------------------------------------------


def _read_xls(data: bytes) -> list[Sheet]:
    import xlrd

    if _utf16("EncryptedPackage") in data or _utf16("EncryptionInfo") in data:
        raise _password_protected()
    if _utf16("_VBA_PROJECT") in data:
        raise SpreadsheetRefused(
            "工作簿包含宏（VBA），为安全起见不予读取。请删除宏后另存为 .xlsx 再上传。"
        )
    try:
        book = xlrd.open_workbook(file_contents=data, on_demand=True, formatting_info=False)
    except xlrd.XLRDError as exc:
        if "encrypted" in str(exc).lower():
            raise _password_protected() from exc
        raise SpreadsheetRefused(
            "无法读取该 .xls 工作簿（文件可能已损坏或不是Excel文件）。"
            "请用Excel或WPS打开后另存为 .xlsx 再上传。"
        ) from exc
    except Exception as exc:  # xlrd raises assertion and struct errors on broken files
        raise SpreadsheetRefused(
            "无法读取该 .xls 工作簿（文件已损坏）。请用Excel或WPS打开后另存为 .xlsx 再上传。"
        ) from exc
    sheets = []
    try:
        for index in range(book.nsheets):
            ws = book.get_sheet(index)
            sheet = Sheet(ws.name)
            if ws.nrows > MAX_SHEET_ROWS:
                raise _too_many_rows()
            for r in range(ws.nrows):
                cells = [_xls_value(book, ws.cell(r, c)) for c in range(min(ws.ncols, MAX_COLUMNS))]
                if any(c not in (None, "") for c in cells):
                    sheet.rows.append(cells)
                    sheet.numbers.append(r + 1)
            sheets.append(sheet)
    finally:
        book.release_resources()
    return sheets


def _xls_value(book, cell):
    import xlrd

    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return None
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)
        except (ValueError, OverflowError):
            return cell.value
    return cell.value


# --- .csv ------------------------------------------------------------------------------------


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    elif b"\x00" not in data:
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _plain_text(text):
                return text
    raise SpreadsheetRefused(
        "无法识别的文件格式：不是Excel工作簿，也不是UTF-8或GBK编码的CSV文本。"
        "请上传 .xlsx、.xls 或 .csv 文件。"
    )


def _plain_text(text: str) -> bool:
    """Text files hold no control characters besides tab and line breaks."""
    sample = text[:65536]
    controls = sum(1 for c in sample if (c < " " and c not in "\t\r\n") or "\x7f" <= c < "\xa0")
    return controls <= len(sample) // 1000


def _read_csv(data: bytes) -> Sheet:
    text = _decode(data)
    sample = text[:8192]
    delimiter = "\t" if sample.count("\t") > sample.count(",") else ","
    sheet = Sheet("CSV")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for number, cells in enumerate(reader, start=1):
            if number > MAX_SHEET_ROWS:
                raise _too_many_rows()
            if any(len(c) > MAX_CELL_CHARS for c in cells):
                raise SpreadsheetRefused(
                    f"第{number}行有单元格超过 {MAX_CELL_CHARS} 个字符，不是正常的目录表格。"
                )
            if any(c.strip() for c in cells):
                sheet.rows.append(cells[:MAX_COLUMNS])
                sheet.numbers.append(number)
    except csv.Error as exc:
        raise SpreadsheetRefused(
            f"CSV文件第{reader.line_num}行格式有误（引号不成对或单元格过长）。"
            "请用Excel打开后重新另存为CSV。"
        ) from exc
    return sheet


def _password_protected() -> SpreadsheetRefused:
    return SpreadsheetRefused(
        "工作簿设置了打开密码，无法读取。请在Excel或WPS中取消密码（文件→信息→保护工作簿）"
        "后另存，再重新上传。"
    )


def _too_many_rows() -> SpreadsheetRefused:
    return SpreadsheetRefused(
        f"表格行数过多：一次最多导入 {MAX_DATA_ROWS:,} 行。请按单位拆分成几个文件后分别导入。"
    )
