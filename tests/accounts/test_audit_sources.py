"""What the audit log receives from the rest of the platform: exports of department drafts and
of the 附件2 contacts with staff mobiles, and every view of a signed letter's personal data
(also still kept on the letter), including the views logged before the audit log existed."""

import datetime
import importlib

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.urls import reverse
from django.utils import timezone

from accounts.enums import AuditAction
from accounts.models import AuditEntry
from commitments.letters.services import letter_register
from commitments.models import LetterAccessLog

from ..factories import make_item
from ..letters.helpers import TODAY, agent, disclosed_item, person


def test_department_draft_export_is_audited(client, editor_a, dept_a):
    make_item(editor_a, dept_a, name="甲局草稿")
    client.force_login(editor_a)
    response = client.get(
        reverse("catalog_export"),
        {"kind": "draft", "department": dept_a.pk, "format": "xlsx"},
        REMOTE_ADDR="10.8.8.8",
    )
    assert response.status_code == 200
    entry = AuditEntry.objects.get(action=AuditAction.EXPORT)
    assert (entry.user, entry.ip_address) == (editor_a, "10.8.8.8")
    assert (entry.object_type, entry.object_id) == ("catalog.department", str(dept_a.pk))
    assert entry.detail == {"file": "附件4", "kind": "draft", "rows": 1}


def test_refused_export_is_not_logged_as_an_export(client, editor_a, dept_b):
    client.force_login(editor_a)
    client.get(reverse("catalog_export"), {"kind": "draft", "department": dept_b.pk})
    assert not AuditEntry.objects.filter(action=AuditAction.EXPORT).exists()


def test_contacts_export_with_mobiles_is_audited(client, administrator, dept_a):
    client.force_login(administrator)
    response = client.get(reverse("departments_export"), {"format": "csv"})
    assert response.status_code == 200
    entry = AuditEntry.objects.get(action=AuditAction.EXPORT)
    assert entry.user == administrator
    assert entry.detail == {"file": "附件2", "format": "csv"}
    assert "手机号码" in entry.object_label


@pytest.fixture
def letter_a(editor_a, dept_a, reviewer):
    item = disclosed_item(editor_a, dept_a, reviewer)
    return letter_register(
        user=editor_a,
        item=item,
        fields=person(channel="post", received_on=datetime.date(2026, 11, 10), **agent()),
        disclose=True,
        today=TODAY,
    )


def test_each_view_of_personal_data_is_in_the_audit_log_and_on_the_letter(
    client, editor_a, letter_a
):
    client.force_login(editor_a)
    for _ in range(2):
        client.get(reverse("letter_admin_detail", args=[letter_a.pk]), REMOTE_ADDR="10.9.9.9")
    entries = AuditEntry.objects.filter(action=AuditAction.PERSONAL_DATA_VIEWED)
    assert entries.count() == 2 == LetterAccessLog.objects.filter(letter=letter_a).count()
    entry = entries.first()
    assert (entry.user, entry.ip_address) == (editor_a, "10.9.9.9")
    assert (entry.object_type, entry.object_id) == (
        "commitments.commitmentletter",
        str(letter_a.pk),
    )
    assert entry.object_label == f"{letter_a.department.name}{letter_a.number_label}"


def test_masked_views_are_not_personal_data_views(client, reviewer, letter_a):
    client.force_login(reviewer)
    client.get(reverse("letter_admin_detail", args=[letter_a.pk]))
    assert not AuditEntry.objects.filter(action=AuditAction.PERSONAL_DATA_VIEWED).exists()


def test_views_logged_before_the_audit_log_are_copied_into_it(editor_a, letter_a):
    when = timezone.now() - datetime.timedelta(days=30)
    LetterAccessLog.objects.create(
        letter=letter_a,
        user=editor_a,
        purpose="查看承诺书详情",
        ip_address="10.1.2.3",
        accessed_at=when,
    )
    name = ("publishing", "0003_letter_access_logs_into_audit_log")
    migration = importlib.import_module(f"{name[0]}.migrations.{name[1]}")
    # The models as that migration saw them (letters were in ``publishing`` then).
    migration.copy_access_logs(MigrationLoader(connection).project_state(name).apps, None)
    entry = AuditEntry.objects.get(action=AuditAction.PERSONAL_DATA_VIEWED)
    assert (entry.created_at, entry.user, entry.ip_address) == (when, editor_a, "10.1.2.3")
    assert entry.object_label == f"{letter_a.department.name}{letter_a.number_label}"
