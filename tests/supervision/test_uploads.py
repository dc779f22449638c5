"""A deliverable accepts PDF, Word and Excel only, checked by extension and content, within
the size limit; a refusal names the file at the upload field and saves nothing."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from supervision import documents
from supervision.models import Submission, SubmissionDocument
from supervision.services import submission_deliver

from .helpers import doc, docx, make_plan, milestone, pdf, xlsx


@pytest.mark.parametrize("make", [pdf, docx, xlsx, doc])
def test_each_accepted_kind_passes(make):
    assert documents.upload_error(make()) == ""


def test_extension_outside_the_list_is_refused_with_the_accepted_kinds():
    error = documents.upload_error(SimpleUploadedFile("规程.txt", b"hello"))
    assert "规程.txt" in error and "PDF" in error and "Excel" in error


def test_content_that_does_not_match_the_extension_is_refused():
    error = documents.upload_error(SimpleUploadedFile("规程.pdf", b"MZ\x90\x00 not a pdf"))
    assert "内容不是 PDF" in error


def test_a_zip_without_word_parts_is_not_a_docx():
    error = documents.upload_error(xlsx(name="伪装.docx"))
    assert "内容不是 Word" in error


def test_too_large_file_is_refused_with_its_size(monkeypatch):
    monkeypatch.setattr(documents, "MAX_BYTES", 10)
    error = documents.upload_error(pdf())
    assert "超过" in error and "上限" in error


def test_empty_file_is_refused():
    assert "空文件" in documents.upload_error(SimpleUploadedFile("a.pdf", b""))


def test_one_bad_file_saves_nothing(editor_a, dept_a):
    plan = make_plan()
    with pytest.raises(ValidationError) as caught:
        submission_deliver(
            user=editor_a,
            milestone=milestone(plan),
            department=dept_a,
            files=[pdf(), SimpleUploadedFile("病毒.exe", b"MZ")],
        )
    assert "病毒.exe" in caught.value.message_dict["files"][0]
    assert not Submission.objects.exists() and not SubmissionDocument.objects.exists()


def test_the_upload_form_shows_the_refusal_at_the_field(client, editor_a, dept_a):
    plan = make_plan()
    client.force_login(editor_a)
    url = reverse("supervision_cell", args=[milestone(plan).pk, dept_a.pk])
    response = client.post(
        url, {"action": "deliver", "files": [SimpleUploadedFile("规程.txt", b"x")], "note": ""}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "“规程.txt”不是可接受的文件类型" in html
    assert 'class="w-field w-field--error"' in html
    assert not Submission.objects.exists()


def test_stored_under_a_random_name_not_the_clerks(editor_a, dept_a):
    plan = make_plan()
    submission = submission_deliver(
        user=editor_a, milestone=milestone(plan), department=dept_a, files=[pdf("张三的方案.pdf")]
    )
    document = submission.documents.get()
    assert document.original_name == "张三的方案.pdf"
    assert document.file.name.startswith("supervision/") and "张三" not in document.file.name
    assert document.file.name.endswith(".pdf")


def test_a_deliverable_is_never_served_from_media_only_through_its_scoped_view(
    client, editor_a, editor_b, dept_a
):
    plan = make_plan()
    submission = submission_deliver(
        user=editor_a, milestone=milestone(plan), department=dept_a, files=[pdf()]
    )
    document = submission.documents.get()
    client.force_login(editor_b)  # another unit's clerk who knows the stored name
    assert client.get(f"/media/{document.file.name}").status_code == 404
    assert client.get(reverse("supervision_document", args=[document.pk])).status_code == 404
    client.force_login(editor_a)
    assert client.get(f"/media/{document.file.name}").status_code == 404
    response = client.get(reverse("supervision_document", args=[document.pk]))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
