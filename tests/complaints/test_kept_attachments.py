"""Attachments accepted in a submission refused for another field's error are kept: stashed
server-side under a token bound to the session, shown as “已上传：文件名（可移除）”, attached
on the successful submission. Nothing is stored as a complaint while the form is refused."""

import datetime
import io
import re

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from complaints import stash
from complaints.enums import ComplaintKind
from complaints.models import Complaint, ComplaintAttachment
from tests.factories import make_department

from .helpers import pdf_bytes, png_bytes

FORM = reverse("public:complaint")
TOKEN = re.compile(r'name="kept_attachments" value="([^"]+)"')


@pytest.fixture
def department(db):
    return make_department("公安局")


def data(dept, **overrides):
    values = {
        "kind": ComplaintKind.OUTSIDE_CATALOG,
        "department": dept.pk,
        "item": "",
        "letter_number": "",
        "description": "窗口要求提供目录以外的居住证明。",
        "contact_name": "",
        "contact_phone": "",
        "contact_email": "",
        "website": "",
    }
    values.update(overrides)
    return values


def _files():
    return [
        SimpleUploadedFile("窗口告示.png", png_bytes(), "image/png"),
        SimpleUploadedFile("扫描件.pdf", pdf_bytes(metadata=True), "application/pdf"),
    ]


def _refused(client, department):
    response = client.post(FORM, {**data(department, description=""), "attachments": _files()})
    assert response.status_code == 400
    return response, response.content.decode()


def test_a_refused_submission_keeps_its_accepted_files_and_stores_no_complaint(client, department):
    _response, html = _refused(client, department)
    assert "请写明具体情况。" in html
    assert "已上传：窗口告示.png（可移除）" in html and "已上传：扫描件.pdf（可移除）" in html
    assert Complaint.objects.count() == 0 and ComplaintAttachment.objects.count() == 0
    tokens = TOKEN.findall(html)
    assert len(tokens) == 2
    # the stashed PDF is already the cleaned one (no metadata)
    path = client.session[stash.SESSION_KEY][tokens[1]]["path"]
    assert path.startswith("complaints/stash/")
    assert PdfReader(io.BytesIO(default_storage.open(path).read())).metadata is None

    done = client.post(FORM, {**data(department), "kept_attachments": tokens})
    assert done.status_code == 302
    complaint = Complaint.objects.get()
    assert list(complaint.attachments.values_list("content_type", flat=True)) == [
        "image/png",
        "application/pdf",
    ]
    assert not default_storage.exists(path)  # the stash copy went with the submission
    assert client.session[stash.SESSION_KEY] == {}


def test_a_kept_file_unticked_is_removed_and_new_files_are_added(client, department):
    _, html = _refused(client, department)
    png_token, _pdf_token = TOKEN.findall(html)
    more = SimpleUploadedFile("补充.png", png_bytes(), "image/png")
    response = client.post(
        FORM, {**data(department), "kept_attachments": [png_token], "attachments": [more]}
    )
    assert response.status_code == 302
    assert Complaint.objects.get().attachments.count() == 2


def test_kept_files_count_towards_the_limit_of_three(client, department):
    _, html = _refused(client, department)
    tokens = TOKEN.findall(html)
    extra = [SimpleUploadedFile(f"{i}.png", png_bytes(), "image/png") for i in range(2)]
    response = client.post(
        FORM, {**data(department), "kept_attachments": tokens, "attachments": extra}
    )
    assert response.status_code == 400
    assert "最多上传3个附件（含已上传的附件）。" in response.content.decode()
    assert Complaint.objects.count() == 0
    # the two kept files are still offered
    assert len(TOKEN.findall(response.content.decode())) == 2


def test_a_token_of_another_session_is_ignored(client, department):
    _, html = _refused(client, department)
    tokens = TOKEN.findall(html)
    stranger = Client()
    response = stranger.post(FORM, {**data(department), "kept_attachments": tokens})
    assert response.status_code == 302
    assert Complaint.objects.get().attachments.count() == 0
    assert len(client.session[stash.SESSION_KEY]) == 2  # the owner's files are untouched


def test_an_expired_token_is_ignored_and_its_file_deleted(client, department):
    _, html = _refused(client, department)
    tokens = TOKEN.findall(html)
    session = client.session
    entries = session[stash.SESSION_KEY]
    paths = [entry["path"] for entry in entries.values()]
    for entry in entries.values():
        entry["expires"] = (timezone.now() - datetime.timedelta(seconds=1)).timestamp()
    session[stash.SESSION_KEY] = entries
    session.save()
    response = client.post(FORM, {**data(department), "kept_attachments": tokens})
    assert response.status_code == 302
    assert Complaint.objects.get().attachments.count() == 0
    assert not any(default_storage.exists(path) for path in paths)


def test_a_file_refused_for_its_content_is_not_kept(client, department):
    bad = SimpleUploadedFile("病毒.jpg", b"MZ\x90\x00 exe", "image/jpeg")
    response = client.post(FORM, {**data(department, description=""), "attachments": [bad]})
    html = response.content.decode()
    assert response.status_code == 400 and "不是完好的JPEG、PNG图片或PDF文件" in html
    assert not TOKEN.findall(html) and "已上传：" not in html


def test_a_rate_limited_submission_keeps_the_files_too(client, department, settings):
    from cms import complaint_views
    from complaints.ratelimit import Limit

    limit = Limit("attempt-test", 1, 600)
    original = complaint_views.ATTEMPTS
    complaint_views.ATTEMPTS = limit
    try:
        client.post(FORM, data(department, description=""))
        response = client.post(FORM, {**data(department), "attachments": _files()})
    finally:
        complaint_views.ATTEMPTS = original
    html = response.content.decode()
    assert response.status_code == 429
    assert "已通过检查的附件已保留" in html and "已上传：扫描件.pdf（可移除）" in html
    assert Complaint.objects.count() == 0


def test_stashed_files_older_than_the_expiry_are_purged(client, department):
    _refused(client, department)
    paths = [entry["path"] for entry in client.session[stash.SESSION_KEY].values()]
    assert stash.purge_expired() == 0 or all(default_storage.exists(p) for p in paths)
    assert all(default_storage.exists(path) for path in paths)  # young files stay
    later = timezone.now() + stash.KEEP_FOR + datetime.timedelta(minutes=1)
    assert stash.purge_expired(now=later) >= 2
    assert not any(default_storage.exists(path) for path in paths)
