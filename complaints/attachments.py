"""Attachments sent with a complaint: JPEG or PNG images and PDF files, checked by their
content (not their name or the browser's word), limited in size and number.

Images are decoded with Pillow and written again, upright, without EXIF (camera, GPS position,
time), XMP, ICC comments or text chunks. A PDF must start with a PDF header and end with its
end-of-file marker and may not carry scripts or launch actions; it is read with pypdf and
written again page by page, without the document information dictionary (author, creator,
producer, dates…) and without XMP metadata; an encrypted or unreadable PDF is refused.
"""

import io
import re
import secrets
from dataclasses import dataclass

from django.core.files.base import ContentFile
from PIL import Image, ImageOps, UnidentifiedImageError
from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError
from pypdf.generic import NameObject

from .enums import AttachmentKind

MAX_FILES = 3
MAX_FILE_BYTES = 5 * 1024 * 1024
# All files together; with the text, below nginx's client_max_body_size (12m, deploy/nginx.conf).
MAX_TOTAL_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
PDF_FORBIDDEN = re.compile(rb"/(JavaScript|JS|Launch|EmbeddedFile|RichMedia)\b")
FORMATS = {"JPEG": AttachmentKind.JPEG, "PNG": AttachmentKind.PNG}
EXTENSIONS = {AttachmentKind.JPEG: "jpg", AttachmentKind.PNG: "png", AttachmentKind.PDF: "pdf"}


class AttachmentError(ValueError):
    pass


@dataclass
class CleanAttachment:
    content: ContentFile
    content_type: str
    size: int


def _image(data: bytes, label: str) -> CleanAttachment:
    try:
        with Image.open(io.BytesIO(data)) as probe:
            kind = FORMATS.get(probe.format)
            if kind is None:
                raise AttachmentError(f"“{label}”不是JPEG、PNG图片或PDF文件。")
            if probe.width * probe.height > MAX_PIXELS:
                raise AttachmentError(f"“{label}”的像素过多（不超过4000万像素）。")
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            image = ImageOps.exif_transpose(image)
            out = io.BytesIO()
            if kind == AttachmentKind.JPEG:
                image.convert("RGB").save(out, "JPEG", quality=90)
            else:
                if image.mode not in ("1", "L", "LA", "P", "RGB", "RGBA"):
                    image = image.convert("RGBA")
                image.save(out, "PNG", optimize=True)
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as exc:
        raise AttachmentError(f"“{label}”不是完好的JPEG、PNG图片或PDF文件。") from exc
    data = out.getvalue()
    name = f"{secrets.token_hex(16)}.{EXTENSIONS[kind]}"
    return CleanAttachment(ContentFile(data, name=name), kind, len(data))


# Per-page entries that carry metadata or application data rather than what the page shows.
PAGE_METADATA = ("/Metadata", "/PieceInfo", "/LastModified")


def _without_metadata(data: bytes, label: str) -> bytes:
    """The PDF written again from its pages only: no document information, no XMP."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise AttachmentError(f"“{label}”是加密（有密码保护）的PDF文件，请解除保护后上传。")
        writer = PdfWriter()
        for page in reader.pages:
            added = writer.add_page(page)
            for key in PAGE_METADATA:
                added.pop(NameObject(key), None)
        if not writer.pages:
            raise AttachmentError(f"“{label}”没有任何页面。")
        writer.metadata = None  # no /Info dictionary (pypdf would add its own /Producer)
        out = io.BytesIO()
        writer.write(out)
    except AttachmentError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise AttachmentError(f"“{label}”不是完好的PDF文件，无法读取。") from exc
    return out.getvalue()


def _pdf(data: bytes, label: str) -> CleanAttachment:
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-2048:]:
        raise AttachmentError(f"“{label}”不是完好的PDF文件。")
    if PDF_FORBIDDEN.search(data):
        raise AttachmentError(f"“{label}”含有脚本或嵌入文件，请另存为普通PDF或图片后上传。")
    data = _without_metadata(data, label)
    if PDF_FORBIDDEN.search(data):
        raise AttachmentError(f"“{label}”含有脚本或嵌入文件，请另存为普通PDF或图片后上传。")
    name = f"{secrets.token_hex(16)}.pdf"
    return CleanAttachment(ContentFile(data, name=name), AttachmentKind.PDF, len(data))


def clean_attachment(upload) -> CleanAttachment:
    """One uploaded file as it will be stored, or ``AttachmentError`` with a Chinese message."""
    label = (getattr(upload, "name", "") or "附件")[-60:]
    if upload.size > MAX_FILE_BYTES:
        raise AttachmentError(f"“{label}”超过5MB，请压缩后上传。")
    data = upload.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise AttachmentError(f"“{label}”超过5MB，请压缩后上传。")
    if not data:
        raise AttachmentError(f"“{label}”是空文件。")
    if data.startswith(b"%PDF-"):
        return _pdf(data, label)
    return _image(data, label)


def clean_attachments(uploads) -> list[CleanAttachment]:
    uploads = list(uploads)
    if len(uploads) > MAX_FILES:
        raise AttachmentError(f"最多上传{MAX_FILES}个附件。")
    if sum(upload.size for upload in uploads) > MAX_TOTAL_BYTES:
        raise AttachmentError("附件合计不能超过10MB，请压缩后上传。")
    return [clean_attachment(upload) for upload in uploads]
