"""Every opening of a complaint is logged on the complaint; showing the contact is also in the
audit log as a view of personal data. Staff who may not see the contact get neither it nor the
attachments."""

import pytest
from django.urls import reverse

from accounts.enums import AuditAction
from accounts.models import AuditEntry
from complaints.models import ComplaintAccessLog
from permissions.enums import Role
from tests.factories import make_department, make_user

from .helpers import file_complaint


@pytest.fixture
def world(db):
    department = make_department("公安局")
    complaint, _ = file_complaint(department)
    return {
        "complaint": complaint,
        "editor": make_user("gaj", role=Role.EDITOR, departments=[department]),
        "reviewer": make_user("sfj", role=Role.REVIEWER),
    }


def test_handler_view_is_logged_with_the_contact_in_the_audit_log(client, world):
    complaint = world["complaint"]
    client.force_login(world["editor"])
    html = client.get(reverse("complaint_admin_detail", args=[complaint.pk])).content.decode()
    assert "13800001111" in html and "wang@example.com" in html
    log = ComplaintAccessLog.objects.get(complaint=complaint)
    assert (log.user, log.purpose) == (world["editor"], "查看投诉举报及联系方式")
    entry = AuditEntry.objects.get(action=AuditAction.PERSONAL_DATA_VIEWED)
    assert (entry.user, entry.object_label) == (world["editor"], complaint.number)


def test_justice_bureau_view_is_logged_without_contact(client, world):
    complaint = world["complaint"]
    client.force_login(world["reviewer"])
    html = client.get(reverse("complaint_admin_detail", args=[complaint.pk])).content.decode()
    assert "13800001111" not in html and "wang@example.com" not in html and "王女士" not in html
    assert "已留（仅承办单位可见）" in html
    log = ComplaintAccessLog.objects.get(complaint=complaint)
    assert (log.user, log.purpose) == (world["reviewer"], "查看投诉举报")
    assert not AuditEntry.objects.filter(action=AuditAction.PERSONAL_DATA_VIEWED).exists()
