"""The public complaint form, the confirmation shown once, attachments checked by content and
stripped of metadata, the honeypot, CSRF and the size cap."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image
from pypdf import PdfReader, PdfWriter

from complaints.enums import ComplaintKind
from complaints.models import Complaint
from permissions.enums import Role
from tests.factories import make_department, make_item, make_user, publish

from .helpers import PDF, jpeg_with_exif, pdf_bytes, png_bytes

FORM = reverse("public:complaint")


@pytest.fixture
def department(db):
    return make_department("公安局")


def post_data(dept, **overrides):
    data = {
        "kind": ComplaintKind.OUTSIDE_CATALOG,
        "department": dept.pk,
        "item": "",
        "letter_number": "",
        "description": "窗口要求提供目录以外的居住证明，说没有就不能办。",
        "contact_name": "",
        "contact_phone": "",
        "contact_email": "",
        "website": "",
    }
    data.update(overrides)
    return data


def test_item_page_prefills_item_and_department(client, department):
    editor = make_user("ed", role=Role.EDITOR, departments=[department])
    item = publish(
        make_item(editor, department, name="居住证明"), editor, make_user("rv", role=Role.REVIEWER)
    )
    item_page = client.get(reverse("public:item", args=[item.pk])).content.decode()
    assert f'href="{FORM}?item={item.pk}"' in item_page
    page = client.get(FORM, {"item": item.pk}).content.decode()
    assert f'<option value="{item.pk}" selected>' in page
    assert f'<option value="{department.pk}" selected>' in page


def test_footer_links_complaint_pages_on_every_public_page(client, department):
    for url in (reverse("public:home"), reverse("public:catalog"), reverse("public:departments")):
        page = client.get(url).content.decode()
        assert f'href="{FORM}"' in page
        assert f'href="{reverse("public:complaint_report")}"' in page
        assert f'href="{reverse("public:complaint_lookup")}"' in page


def test_filing_shows_number_and_code_once(client, department):
    response = client.post(FORM, post_data(department))
    assert response.status_code == 302
    assert response["Location"] == reverse("public:complaint_done")
    complaint = Complaint.objects.get()
    page = client.get(response["Location"]).content.decode()
    assert complaint.number in page
    code = page.split("查询码</dt><dd><strong>")[1].split("<")[0]
    assert len(code) == 11 and code not in complaint.query_code_hash
    # shown once: a second visit no longer has it
    again = client.get(reverse("public:complaint_done")).content.decode()
    assert code not in again and complaint.number not in again
    assert "只在提交后显示一次" in again


def test_report_form_files_a_false_commitment_report(client, department):
    response = client.post(
        reverse("public:complaint_report"),
        post_data(department, kind=ComplaintKind.FALSE_COMMITMENT, letter_number="（2026年）第3号"),
    )
    assert response.status_code == 302
    complaint = Complaint.objects.get()
    assert complaint.kind == ComplaintKind.FALSE_COMMITMENT
    assert complaint.letter_number == "（2026年）第3号"


def test_report_form_offers_only_the_false_commitment_kind(client, department):
    response = client.post(
        reverse("public:complaint_report"), post_data(department, kind=ComplaintKind.OTHER)
    )
    assert response.status_code == 400
    assert Complaint.objects.count() == 0


def test_missing_fields_are_named_in_chinese_and_typed_text_is_kept(client, department):
    response = client.post(FORM, post_data(department, kind="", department=""))
    page = response.content.decode()
    assert response.status_code == 400
    assert "请选择投诉举报的类型。" in page
    assert "请选择被投诉的单位。" in page
    assert "窗口要求提供目录以外的居住证明" in page
    assert Complaint.objects.count() == 0


def test_what_the_complainant_types_is_escaped(client, department):
    response = client.post(
        FORM,
        post_data(department, department="", description="<script>alert(1)</script>很长的内容"),
    )
    page = response.content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_honeypot_filled_is_not_filed_and_says_why(client, department):
    response = client.post(FORM, post_data(department, website="http://spam.example"))
    assert response.status_code == 400
    assert "“网址”一栏无需填写" in response.content.decode()
    assert Complaint.objects.count() == 0


def test_form_without_csrf_token_is_refused(department):
    client = Client(enforce_csrf_checks=True)
    response = client.post(FORM, post_data(department))
    assert response.status_code == 403
    assert Complaint.objects.count() == 0


def test_request_larger_than_the_cap_is_refused_before_reading(client, department):
    response = client.post(FORM, post_data(department), CONTENT_LENGTH=str(50 * 1024 * 1024))
    assert response.status_code == 413
    assert "提交的内容过大" in response.content.decode()
    assert Complaint.objects.count() == 0


def _upload(name, data, content_type):
    return SimpleUploadedFile(name, data, content_type=content_type)


def test_image_is_stored_without_its_metadata_under_a_random_name(client, department):
    upload = _upload("我的照片.jpg", jpeg_with_exif(), "image/jpeg")
    assert client.post(FORM, {**post_data(department), "attachments": [upload]}).status_code == 302
    attachment = Complaint.objects.get().attachments.get()
    assert attachment.content_type == "image/jpeg"
    assert "我的照片" not in attachment.file.name
    assert attachment.file.name.startswith("complaints/")
    data = default_storage.open(attachment.file.name).read()
    assert b"SecretCamera" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert not image.getexif()
        assert image.size == (40, 30)


def test_png_and_pdf_are_accepted(client, department):
    files = [_upload("a.png", png_bytes(), "image/png"), _upload("b.pdf", PDF, "application/pdf")]
    assert client.post(FORM, {**post_data(department), "attachments": files}).status_code == 302
    kinds = list(Complaint.objects.get().attachments.values_list("content_type", flat=True))
    assert kinds == ["image/png", "application/pdf"]


def _encrypted_pdf() -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(PDF))
    writer.encrypt("secret", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_pdf_is_stored_without_document_information_or_xmp_and_keeps_its_pages(
    client, department
):
    original = pdf_bytes(metadata=True, pages=2)
    assert PdfReader(io.BytesIO(original)).metadata["/Author"] == "张三丰"
    assert b"XMPAUTHOR" in original
    files = [_upload("scan.pdf", original, "application/pdf")]
    assert client.post(FORM, {**post_data(department), "attachments": files}).status_code == 302
    attachment = Complaint.objects.get().attachments.get()
    stored = default_storage.open(attachment.file.name).read()
    reader = PdfReader(io.BytesIO(stored))
    assert reader.metadata is None
    assert "/Metadata" not in reader.trailer["/Root"]
    assert len(reader.pages) == 2
    for marker in (b"XMPAUTHOR", b"/Author", b"/Creator", b"/Producer", b"Acrobat", b"Word"):
        assert marker not in stored, marker
    assert attachment.size == len(stored)


@pytest.mark.parametrize(
    ("name", "data", "content_type", "message"),
    [
        (
            "photo.jpg",
            b"MZ\x90\x00 this is an exe",
            "image/jpeg",
            "不是完好的JPEG、PNG图片或PDF文件",
        ),
        ("scan.pdf", b"%PDF-1.4 no end marker", "application/pdf", "不是完好的PDF文件"),
        (
            "evil.pdf",
            PDF.replace(b"/Catalog", b"/Catalog/OpenAction<</S/JavaScript/JS(x)>>"),
            "application/pdf",
            "含有脚本",
        ),
        ("locked.pdf", _encrypted_pdf(), "application/pdf", "加密（有密码保护）的PDF文件"),
        (
            "broken.pdf",
            b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 9 0 R>>endobj\n"
            b"trailer<</Root 1 0 R>>\n%%EOF\n",
            "application/pdf",
            "不是完好的PDF文件，无法读取",
        ),
        ("anim.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "image/gif", "不是"),
        ("big.jpg", b"\xff\xd8" + b"0" * (5 * 1024 * 1024), "image/jpeg", "超过5MB"),
    ],
)
def test_attachment_that_is_not_what_it_claims_is_refused(
    client, department, name, data, content_type, message
):
    response = client.post(
        FORM, {**post_data(department), "attachments": [_upload(name, data, content_type)]}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Complaint.objects.count() == 0


def test_more_than_three_attachments_are_refused(client, department):
    files = [_upload(f"{i}.png", png_bytes(), "image/png") for i in range(4)]
    response = client.post(FORM, {**post_data(department), "attachments": files})
    assert response.status_code == 400
    assert "最多上传3个附件" in response.content.decode()
    assert Complaint.objects.count() == 0


def test_attachments_are_not_served_by_the_public_media_url(client, department):
    upload = _upload("a.png", png_bytes(), "image/png")
    client.post(FORM, {**post_data(department), "attachments": [upload]})
    name = Complaint.objects.get().attachments.get().file.name
    assert client.get(f"/media/{name}").status_code == 404


def test_attachments_together_above_10mb_are_refused():
    from complaints.attachments import AttachmentError, clean_attachments

    files = [_upload(f"{i}.png", b"\x89PNG" + b"0" * (3_600_000), "image/png") for i in range(3)]
    with pytest.raises(AttachmentError, match="附件合计不能超过10MB"):
        clean_attachments(files)


def test_oversized_request_is_refused_before_the_csrf_check_reads_it(department):
    client = Client(enforce_csrf_checks=True)
    response = client.post(FORM, post_data(department), CONTENT_LENGTH=str(11 * 1024 * 1024))
    assert response.status_code == 413
