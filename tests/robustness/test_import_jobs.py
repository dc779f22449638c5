"""Pending uploads wait in the database with a per-user quota, and large confirmations run as a
background job with a progress page, all rows or none (issue 10, point 7)."""

from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from catalog.models import CertificateItem, ImportStatus, PendingImport
from catalog.models.imports import MAX_PENDING_PER_USER
from catalog.services import item_update
from catalog.spreadsheets import sessions
from permissions.enums import Role

from ..factories import make_item, make_user
from ..spreadsheets.sheets import annex4_xlsx, row

pytestmark = pytest.mark.django_db


def upload(client, department, rows, name="目录.xlsx"):
    data = annex4_xlsx(rows, unit=department.name)
    response = client.post(
        reverse("catalog_import"),
        {"department": department.pk, "file": SimpleUploadedFile(name, data)},
    )
    assert response.status_code == 200
    return response.context["token"]


def three_rows():
    return [row(name=f"后台导入证明{n}", purpose=f"后台导入事项{n}", serial=n) for n in (1, 2, 3)]


def confirm(client, token, **kwargs):
    return client.post(reverse("catalog_import_confirm"), {"token": token}, **kwargs)


def test_the_waiting_upload_is_kept_in_the_database_not_in_a_process(client, editor_a, dept_a):
    client.force_login(editor_a)
    token = upload(client, dept_a, three_rows())
    pending = PendingImport.objects.get(token=token)
    assert pending.user == editor_a and pending.status == ImportStatus.PREVIEW
    assert pending.size == len(bytes(pending.data)) > 0 and pending.rows == 3
    cache.clear()  # another process, a restarted server: the upload is still there
    response = confirm(client, token)
    assert response.status_code == 302
    assert CertificateItem.objects.filter(department=dept_a).count() == 3
    assert not PendingImport.objects.filter(token=token).exists()


def test_a_user_keeps_at_most_three_waiting_uploads_and_is_told_when_one_was_replaced(
    client, editor_a, dept_a
):
    client.force_login(editor_a)
    tokens = [upload(client, dept_a, [row(name=f"证明{n}")]) for n in range(4)]
    waiting = PendingImport.objects.filter(user=editor_a, status=ImportStatus.PREVIEW)
    assert waiting.count() == MAX_PENDING_PER_USER
    assert bytes(PendingImport.objects.get(token=tokens[0]).data) == b""
    response = confirm(client, tokens[0], follow=True)
    assert "已被您之后上传的表格取代" in response.content.decode()
    assert not CertificateItem.objects.filter(department=dept_a).exists()
    assert confirm(client, tokens[3]).status_code == 302


def test_another_users_token_confirms_nothing(client, editor_a, dept_a, reviewer):
    client.force_login(editor_a)
    token = upload(client, dept_a, three_rows())
    client.force_login(reviewer)
    response = confirm(client, token, follow=True)
    assert "预览已过期或不存在" in response.content.decode()
    assert not CertificateItem.objects.exists()


@pytest.fixture
def background(settings, django_capture_on_commit_callbacks):
    """Confirmations of more than two rows run as jobs; the job is queued when the request's
    transaction commits (which the test's own transaction would otherwise never do)."""
    settings.SPREADSHEET_BACKGROUND_ROWS = 2

    def confirm_in_background(client, token):
        with django_capture_on_commit_callbacks(execute=True):
            return confirm(client, token)

    return confirm_in_background


def test_a_large_confirmation_runs_as_a_job_and_shows_its_outcome(
    client, editor_a, dept_a, background
):
    client.force_login(editor_a)
    token = upload(client, dept_a, three_rows())
    response = background(client, token)
    job_url = reverse("catalog_import_job", args=[token])
    assert response.status_code == 302 and response["Location"] == job_url
    # The immediate backend (tests, development) has run the job already.
    pending = PendingImport.objects.get(token=token)
    assert pending.status == ImportStatus.DONE and bytes(pending.data) == b""
    assert pending.outcome["counts"]["new"] == 3
    assert CertificateItem.objects.filter(department=dept_a).count() == 3
    page = client.get(job_url).content.decode()
    assert "新增 3 个草稿" in page and 'http-equiv="refresh"' not in page


def test_the_progress_page_refreshes_and_counts_rows_while_the_job_runs(
    client, editor_a, dept_a, background, monkeypatch
):
    # A worker that has not picked the job up yet.
    idle = SimpleNamespace(enqueue=lambda pk: None)
    monkeypatch.setattr("catalog.spreadsheets.job_views.run_catalog_import", idle)
    client.force_login(editor_a)
    token = upload(client, dept_a, three_rows())
    background(client, token)
    pending = PendingImport.objects.get(token=token)
    assert pending.status == ImportStatus.QUEUED
    page = client.get(reverse("catalog_import_job", args=[token])).content.decode()
    assert "排队等待导入" in page and 'http-equiv="refresh"' in page
    pending.status = ImportStatus.RUNNING
    pending.save()
    cache.set(f"spreadsheet-import-progress:{token}", {"done": 2, "total": 3, "stage": "checking"})
    page = client.get(reverse("catalog_import_job", args=[token])).content.decode()
    assert "正在检查：第 2 行，共 3 行" in page
    client.force_login(make_user("other_clerk", role=Role.EDITOR, departments=[dept_a]))
    assert client.get(reverse("catalog_import_job", args=[token])).status_code == 404


def test_a_job_that_fails_while_writing_writes_nothing(
    client, editor_a, dept_a, background, monkeypatch
):
    real = sessions.items_create

    def write_then_fail(**kwargs):
        real(**kwargs)
        assert CertificateItem.objects.filter(department=dept_a).count() == 3
        raise RuntimeError("disk full")

    monkeypatch.setattr(sessions, "items_create", write_then_fail)
    client.force_login(editor_a)
    token = upload(client, dept_a, three_rows())
    background(client, token)
    pending = PendingImport.objects.get(token=token)
    assert pending.status == ImportStatus.FAILED
    assert "没有导入任何内容" in pending.outcome["message"]
    assert not CertificateItem.objects.filter(department=dept_a).exists()
    page = client.get(reverse("catalog_import_job", args=[token])).content.decode()
    assert "没有导入任何内容" in page and "重新上传表格" in page


def test_a_job_refused_because_the_data_changed_writes_nothing_and_offers_a_new_preview(
    client, editor_a, dept_a, background
):
    item = make_item(editor_a, dept_a, name="后台导入证明1", purpose="后台导入事项1")
    client.force_login(editor_a)
    token = upload(client, dept_a, three_rows())
    item_update(user=editor_a, item=item, fields={"remarks": "预览之后别人改过"})
    background(client, token)
    pending = PendingImport.objects.get(token=token)
    assert pending.status == ImportStatus.FAILED and pending.outcome["stale"]
    assert CertificateItem.objects.filter(department=dept_a).count() == 1
    page = client.get(reverse("catalog_import_job", args=[token])).content.decode()
    assert "自预览以来系统中的数据有了变化" in page and "查看最新预览" in page
    review = client.post(reverse("catalog_import_review"), {"token": token})
    assert review.status_code == 200 and review.context["token"] == token
    assert PendingImport.objects.get(token=token).status == ImportStatus.PREVIEW
    assert background(client, token).status_code == 302
    assert PendingImport.objects.get(token=token).status == ImportStatus.DONE
    assert CertificateItem.objects.filter(department=dept_a).count() == 3
