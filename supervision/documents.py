"""Checks on an uploaded deliverable: PDF, Word or Excel only (by extension *and* content), at
most ``MAX_BYTES``. Messages are written for the field of the upload form."""

import zipfile

MAX_BYTES = 20 * 1024 * 1024
MAX_FILES = 10
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc / .xls (Office 97-2003)
ZIP = b"PK\x03\x04"
# extension -> (kind, what the content must be, the folder an Office Open XML zip must hold)
ALLOWED = {
    "pdf": ("PDF", "pdf", ""),
    "doc": ("Word", "ole2", ""),
    "docx": ("Word", "zip", "word/"),
    "xls": ("Excel", "ole2", ""),
    "xlsx": ("Excel", "zip", "xl/"),
}
ALLOWED_LABEL = "PDF、Word（.doc、.docx）或 Excel（.xls、.xlsx）"


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _content_matches(upload, shape: str, folder: str) -> bool:
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if shape == "pdf":
        return head.startswith(b"%PDF-")
    if shape == "ole2":
        return head == OLE2
    if not head.startswith(ZIP):
        return False
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False
    finally:
        upload.seek(0)
    return "[Content_Types].xml" in names and any(n.startswith(folder) for n in names)


def upload_error(upload) -> str:
    """The reason ``upload`` is refused, or "" when it is acceptable."""
    name = upload.name or ""
    extension = _extension(name)
    if extension not in ALLOWED:
        return f"“{name}”不是可接受的文件类型：请上传{ALLOWED_LABEL}文件。"
    kind, shape, folder = ALLOWED[extension]
    if upload.size == 0:
        return f"“{name}”是空文件，请重新选择。"
    if upload.size > MAX_BYTES:
        size_mb = upload.size / 1024 / 1024
        return f"“{name}”大小为 {size_mb:.1f} MB，超过 {MAX_BYTES // 1024 // 1024} MB 的上限。"
    if not _content_matches(upload, shape, folder):
        return f"“{name}”的内容不是 {kind} 文件（扩展名与内容不符或文件已损坏），请检查后重新上传。"
    return ""
