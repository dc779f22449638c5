import datetime
import io
from zoneinfo import ZoneInfo

from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, NameObject

from complaints.enums import ComplaintKind
from complaints.services import complaint_submit

SHANGHAI = ZoneInfo("Asia/Shanghai")
# Tuesday before the 2026 National Day holiday (10-01 to 10-07, Saturday 10-10 a make-up day).
RECEIVED = datetime.datetime(2026, 9, 29, 10, 0, tzinfo=SHANGHAI)


def fields(department, **overrides):
    values = {
        "kind": ComplaintKind.STILL_DEMANDED,
        "department": department,
        "item": None,
        "letter_number": "",
        "description": "窗口仍要求我提供已经取消的无犯罪记录证明，说不交就不受理。",
        "contact_name": "王女士",
        "contact_phone": "13800001111",
        "contact_email": "wang@example.com",
    }
    values.update(overrides)
    return values


def file_complaint(department, now=RECEIVED, attachments=(), **overrides):
    return complaint_submit(
        fields=fields(department, **overrides), attachments=attachments, now=now
    )


def jpeg_with_exif() -> bytes:
    image = Image.new("RGB", (40, 30), (200, 10, 10))
    exif = Image.Exif()
    exif[0x010F] = "SecretCamera"  # Make
    exif[0x8825] = {2: (41.0, 24.0, 0.0)}  # GPS latitude
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (10, 10), (0, 0, 255)).save(out, "PNG")
    return out.getvalue()


def pdf_bytes(metadata: bool = False, pages: int = 1) -> bytes:
    """A PDF of blank A4 pages; with ``metadata``, an /Info dictionary (author, creator,
    producer) and an XMP metadata stream naming the author."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    if metadata:
        writer.add_metadata(
            {"/Author": "张三丰", "/Creator": "Microsoft Word", "/Producer": "Acrobat Distiller"}
        )
        xmp = DecodedStreamObject()
        xmp.set_data(XMP)
        xmp.update(
            {
                NameObject("/Type"): NameObject("/Metadata"),
                NameObject("/Subtype"): NameObject("/XML"),
            }
        )
        writer._root_object[NameObject("/Metadata")] = writer._add_object(xmp)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
    b'xmlns:dc="http://purl.org/dc/elements/1.1/"><rdf:Description rdf:about="">'
    b"<dc:creator><rdf:Seq><rdf:li>XMPAUTHOR</rdf:li></rdf:Seq></dc:creator>"
    b"</rdf:Description></rdf:RDF></x:xmpmeta>"
)
PDF = pdf_bytes()
