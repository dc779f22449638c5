"""The stale-edit guard: a form is refused only when someone else saved after it was loaded.

A clerk's own autosaves never count (they hold what the clerk typed), the check is repeated
inside the save transaction with the row locked, and the time in the message is local.
"""

import datetime as dt
import re
import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision

from catalog.services import item_update
from permissions.enums import Role

from .factories import make_department, make_item, make_user
from .test_admin_forms import NS, form_data

JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def colleague_a(dept_a):
    return make_user("colleague_a", role=Role.EDITOR, departments=[dept_a])


def edit_url(item):
    return reverse(f"{NS}:edit", args=[item.pk])


def loaded_inputs(html: str) -> dict:
    """The hidden inputs the edit page carries, as the browser would send them back."""
    return {
        name: re.search(rf'name="{name}" value="([^"]*)"', html).group(1)
        for name in ("loaded_revision_id", "loaded_revision_created_at")
    }


def test_own_autosave_after_a_validation_error_does_not_block_the_corrected_save(
    client, editor_a, dept_a
):
    """The clerk's path: submit with an error, autosave runs in the background, fix, submit."""
    item = make_item(editor_a, dept_a, name="原户籍地户籍证明")
    client.force_login(editor_a)
    page = client.get(edit_url(item)).content.decode()
    loaded = loaded_inputs(page)

    wrong = form_data(item, certificate_content="户口簿及其他材料。", **loaded)
    wrong["action-submit"] = "1"
    response = client.post(edit_url(item), wrong)
    assert response.status_code == 200
    assert "兜底表述" in str(response.context["form"].errors)
    loaded = loaded_inputs(response.content.decode())

    # Wagtail's autosave stores the form (as a draft) while the clerk corrects the field.
    autosave = client.post(edit_url(item), form_data(item, purpose="户口迁移", **loaded), **JSON)
    assert autosave.status_code == 200, autosave.content
    autosaved_id = autosave.json()["revision_id"]

    corrected = form_data(item, purpose="高校毕业生户口迁回原籍", **loaded)
    corrected["action-submit"] = "1"
    response = client.post(edit_url(item), corrected, follow=True)
    assert "在您编辑期间" not in response.content.decode()
    item.refresh_from_db()
    assert item.get_latest_revision_as_object().purpose == "高校毕业生户口迁回原籍"
    assert item.current_workflow_state is not None
    assert item.latest_revision_id != autosaved_id or item.latest_revision.user == editor_a


def test_a_colleagues_save_after_the_form_was_loaded_is_never_overwritten(
    client, editor_a, colleague_a, dept_a
):
    item = make_item(editor_a, dept_a, name="原始名称")
    stale = form_data(item, name="旧表单里的名称")
    item_update(user=colleague_a, item=item, fields={"name": "同事先保存的名称"})
    client.force_login(editor_a)
    before = Revision.objects.filter(object_id=str(item.pk)).count()

    response = client.post(edit_url(item), stale)

    assert response.status_code == 200
    assert "在您编辑期间，colleague_a于" in response.content.decode()
    assert Revision.objects.filter(object_id=str(item.pk)).count() == before
    item.refresh_from_db()
    assert item.get_latest_revision_as_object().name == "同事先保存的名称"


def test_a_colleagues_autosave_over_the_loaded_revision_counts_as_a_conflict(
    client, editor_a, colleague_a, dept_a
):
    item = make_item(colleague_a, dept_a, name="同事的草稿")
    stale = form_data(item, name="我的修改")
    # The colleague's autosave rewrites their own latest revision in place, later.
    revision = item.latest_revision
    revision.created_at = revision.created_at + dt.timedelta(seconds=30)
    revision.save(update_fields=["created_at"])
    client.force_login(editor_a)

    response = client.post(edit_url(item), stale)

    assert "在您编辑期间，colleague_a于" in response.content.decode()
    item.refresh_from_db()
    assert item.get_latest_revision_as_object().name == "同事的草稿"


def test_own_save_in_another_tab_is_not_a_conflict(client, editor_a, dept_a):
    item = make_item(editor_a, dept_a, name="原始名称")
    form = form_data(item, name="这个标签页的名称")
    item_update(user=editor_a, item=item, fields={"name": "另一个标签页的名称"})
    client.force_login(editor_a)

    assert client.post(edit_url(item), form).status_code == 302
    item.refresh_from_db()
    assert item.get_latest_revision_as_object().name == "这个标签页的名称"


def test_the_conflict_message_gives_the_local_time(client, editor_a, colleague_a, dept_a):
    item = make_item(editor_a, dept_a)
    stale = form_data(item)
    item_update(user=colleague_a, item=item, fields={"name": "同事的名称"})
    newer = item.revisions.order_by("-pk").first()
    newer.created_at = dt.datetime(2026, 3, 26, 9, 32, tzinfo=dt.UTC)
    newer.save(update_fields=["created_at"])
    client.force_login(editor_a)

    response = client.post(edit_url(item), stale)

    message = str(response.context["form"].non_field_errors()[0])
    assert "于03月26日 17:32保存了新的版本" in message  # Asia/Shanghai, UTC+8


def test_autosave_is_refused_after_a_colleagues_save(client, editor_a, colleague_a, dept_a):
    item = make_item(editor_a, dept_a, name="原始名称")
    stale = form_data(item, name="自动保存的旧内容")
    item_update(user=colleague_a, item=item, fields={"name": "同事先保存的名称"})
    client.force_login(editor_a)

    response = client.post(edit_url(item), stale, **JSON)

    assert response.status_code == 400
    assert response.json()["error_code"] == "invalid_revision"
    item.refresh_from_db()
    assert item.get_latest_revision_as_object().name == "同事先保存的名称"


def test_the_check_is_repeated_inside_the_save(client, editor_a, colleague_a, dept_a, monkeypatch):
    """A colleague's save that lands between the form check and the write is not overwritten."""
    from catalog import viewsets

    item = make_item(editor_a, dept_a, name="原始名称")
    form = form_data(item, name="较慢的保存")
    original_is_valid = viewsets.ItemEditView.is_valid

    def is_valid_then_colleague_saves(view, form):
        result = original_is_valid(view, form)
        item_update(user=colleague_a, item=item, fields={"name": "同事抢先保存"})
        return result

    monkeypatch.setattr(viewsets.ItemEditView, "is_valid", is_valid_then_colleague_saves)
    client.force_login(editor_a)

    response = client.post(edit_url(item), form)

    assert response.status_code == 200
    assert "在您编辑期间，colleague_a于" in response.content.decode()
    item.refresh_from_db()
    assert item.get_latest_revision_as_object().name == "同事抢先保存"
    assert timezone.is_aware(item.latest_revision.created_at)


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL for concurrent transactions: "
    "DATABASE_URL=postgres://postgres@127.0.0.1:5432/test (make test-postgres)",
)
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_saves_never_lose_one_of_them(monkeypatch):
    """Two clerks save the same loaded form at the same moment: one is written, the other is
    told about it; never both written with one silently replacing the other."""
    from catalog import viewsets

    department = make_department("并发保存局")
    first = make_user("save_first", role=Role.EDITOR, departments=[department])
    second = make_user("save_second", role=Role.EDITOR, departments=[department])
    item = make_item(first, department, name="并发保存的证明")
    before = item.revisions.count()
    barrier = threading.Barrier(2)
    original_is_valid = viewsets.ItemEditView.is_valid

    def is_valid_together(view, form):
        result = original_is_valid(view, form)
        barrier.wait(timeout=10)  # both requests have passed the check before either saves
        return result

    monkeypatch.setattr(viewsets.ItemEditView, "is_valid", is_valid_together)
    responses = {}

    def save(user, name):
        try:
            client = Client()
            client.force_login(user)
            responses[user.username] = client.post(edit_url(item), form_data(item, name=name))
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=save, args=(first, "第一位的名称")),
        threading.Thread(target=save, args=(second, "第二位的名称")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    statuses = sorted(response.status_code for response in responses.values())
    assert statuses == [200, 302]
    loser = next(r for r in responses.values() if r.status_code == 200)
    assert "在您编辑期间" in loser.content.decode()
    item.refresh_from_db()
    assert item.revisions.count() == before + 1
    winner = next(u for u, r in responses.items() if r.status_code == 302)
    expected = "第一位的名称" if winner == "save_first" else "第二位的名称"
    assert item.get_latest_revision_as_object().name == expected
