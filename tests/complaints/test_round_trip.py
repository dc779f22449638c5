"""The whole round trip: filed on the public site → investigated and answered by the department
→ the answer e-mailed and shown on the lookup; 不予受理 and transfer; the queues."""

import datetime
import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from complaints.enums import AnswerChannel, ComplaintStatus
from complaints.models import Complaint
from complaints.selectors import due_soon, monthly_figures, overdue
from complaints.services import (
    complaint_conclude,
    complaint_record_investigation,
    complaint_reject,
    complaint_transfer,
)
from permissions.enums import Role
from tests.factories import make_department, make_user

from .helpers import RECEIVED, file_complaint
from .test_public_form import post_data

D = datetime.date


@pytest.fixture
def dept(db):
    return make_department("公安局")


@pytest.fixture
def editor(dept):
    return make_user("gaj_editor", role=Role.EDITOR, departments=[dept])


def test_submit_handle_answer_lookup(client, dept, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("public:complaint"),
            post_data(dept, contact_email="li@example.com", contact_name="李先生"),
        )
    page = client.get(reverse("public:complaint_done")).content.decode()
    number = re.search(r"TS\d{4}-\d{6}", page).group(0)
    code = page.split("查询码</dt><dd><strong>")[1].split("<")[0]
    assert code in mail.outbox[0].body

    staff = client.__class__()
    staff.force_login(editor)
    complaint = Complaint.objects.get(number=number)
    staff.post(
        reverse("complaint_admin_investigate", args=[complaint.pk]),
        {
            "investigation": "调阅窗口记录，询问当班人员。",
            "finding": "窗口确实索要了目录外证明。",
            "measures": "责令改正，通报批评。",
        },
    )
    complaint.refresh_from_db()
    assert complaint.status == ComplaintStatus.INVESTIGATING
    today = timezone.localdate().isoformat()
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(
            reverse("complaint_admin_conclude", args=[complaint.pk]),
            {
                "answer": "经核实，已责令窗口改正并向您致歉。",
                "answered_on": today,
                "channel": AnswerChannel.EMAIL,
            },
        )
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert complaint.status == ComplaintStatus.CONCLUDED
    assert complaint.answer_email_sent_at is not None
    assert "经核实，已责令窗口改正并向您致歉。" in mail.outbox[-1].body
    assert mail.outbox[-1].to == ["li@example.com"]

    lookup = client.post(reverse("public:complaint_lookup"), {"number": number, "code": code})
    html = lookup.content.decode()
    assert "已办结" in html and "经核实，已责令窗口改正并向您致歉。" in html
    for private in ("李先生", "li@example.com", "调阅窗口记录", "通报批评", "窗口确实索要"):
        assert private not in html


def test_answer_is_hidden_until_the_complaint_is_closed(client, dept, editor):
    complaint, code = file_complaint(dept)
    complaint_record_investigation(
        user=editor, complaint=complaint, investigation="正在核实。", finding="初步属实。"
    )
    html = client.post(
        reverse("public:complaint_lookup"), {"number": complaint.number, "code": code}
    ).content.decode()
    assert "调查中" in html and "初步属实" not in html and "答复" not in html.split("办理期限")[1]


def test_conclusion_needs_investigation_finding_and_a_possible_channel(dept, editor):
    complaint, _ = file_complaint(dept, contact_email="", contact_phone="", contact_name="")
    with pytest.raises(ValidationError) as error:
        complaint_conclude(
            user=editor,
            complaint=complaint,
            answer="已处理。",
            answered_on=D(2026, 9, 30),
            channel=AnswerChannel.EMAIL,
            today=D(2026, 10, 1),
        )
    messages = error.value.message_dict
    assert messages["channel"] == ["投诉举报人没有留下电子邮箱，不能通过邮件答复。"]
    assert "请先登记调查情况。" in messages["__all__"]
    assert "请先登记调查结论。" in messages["__all__"]


def test_rejection_tells_the_reason_on_lookup_and_counts_as_closed(client, dept, editor):
    complaint, code = file_complaint(dept)
    complaint_reject(
        user=editor,
        complaint=complaint,
        reason="反映的是行政许可收费问题，不属于证明事项。",
        answered_on=D(2026, 9, 30),
        channel=AnswerChannel.PHONE,
        today=D(2026, 10, 1),
    )
    complaint.refresh_from_db()
    assert complaint.status == ComplaintStatus.REJECTED
    assert complaint.answer_working_days == 1
    html = client.post(
        reverse("public:complaint_lookup"), {"number": complaint.number, "code": code}
    ).content.decode()
    assert "不予受理" in html and "不属于证明事项" in html
    with pytest.raises(ValidationError):
        complaint_record_investigation(user=editor, complaint=complaint, investigation="补充。")


def test_transfer_moves_the_complaint_keeps_the_due_date_and_is_recorded(dept, editor):
    other = make_department("市场监督管理局")
    other_editor = make_user("scj_editor", role=Role.EDITOR, departments=[other])
    complaint, _ = file_complaint(dept)
    transfer = complaint_transfer(
        user=editor, complaint=complaint, to_department=other, reason="属市场监管职责。"
    )
    complaint.refresh_from_db()
    assert (complaint.department, complaint.filed_department) == (other, dept)
    assert complaint.due_on == D(2026, 10, 12)
    assert (transfer.from_department, transfer.to_department, transfer.transferred_by) == (
        dept,
        other,
        editor,
    )
    # the new department handles it now; the first one no longer may
    complaint_record_investigation(user=other_editor, complaint=complaint, investigation="核实中。")
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        complaint_record_investigation(user=editor, complaint=complaint, investigation="核实。")


def test_overdue_and_due_soon_queues_and_dashboard(client, dept, editor, monkeypatch):
    late, _ = file_complaint(dept)  # due 2026-10-12
    fresh, _ = file_complaint(dept, now=RECEIVED + datetime.timedelta(days=16))  # 10-15, due 10-22
    reviewer = make_user("sfj_reviewer", role=Role.REVIEWER)
    today = D(2026, 10, 20)
    assert list(overdue(editor, today)) == [late]
    assert list(due_soon(editor, today)) == [fresh]
    assert list(overdue(reviewer, today)) == [late]
    monkeypatch.setattr("complaints.panels.timezone.localdate", lambda: today)
    client.force_login(reviewer)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "投诉举报：已逾期 1 件，即将到期 1 件" in dashboard
    assert late.number in dashboard and "公安局" in dashboard


def test_monthly_figures_count_on_time_and_average_working_days(dept, editor):
    on_time, _ = file_complaint(dept)
    late, _ = file_complaint(dept)
    file_complaint(dept)
    for complaint, answered in ((on_time, D(2026, 10, 9)), (late, D(2026, 10, 13))):
        complaint_record_investigation(
            user=editor, complaint=complaint, investigation="核实。", finding="属实。"
        )
        complaint_conclude(
            user=editor,
            complaint=complaint,
            answer="已改正。",
            answered_on=answered,
            channel=AnswerChannel.PHONE,
            today=D(2026, 10, 14),
        )
    [row] = monthly_figures(2026)
    assert (row.department, row.month, row.received, row.closed, row.on_time) == (
        "公安局",
        9,
        3,
        2,
        1,
    )
    # 09-29 → 10-09: 9-30, 10-08, 10-09 = 3; → 10-13: + 10-10 (make-up), 10-12, 10-13 = 6
    assert row.average_working_days == 4.5


def test_daily_reminders_go_to_the_department_and_overdue_to_the_justice_bureau(dept, editor):
    from django.core.management import call_command

    editor.email = "editor@gaj.example"
    editor.save()
    reviewer = make_user("sfj_reviewer", role=Role.REVIEWER)
    reviewer.email = "review@sfj.example"
    reviewer.save()
    late, _ = file_complaint(dept)
    fresh, _ = file_complaint(dept, now=RECEIVED + datetime.timedelta(days=16))
    mail.outbox.clear()
    call_command("complaint_reminders", "--date", "2026-10-20")
    by_to = {tuple(m.to): m for m in mail.outbox}
    department_mail = by_to[("editor@gaj.example",)]
    assert late.number in department_mail.body and fresh.number in department_mail.body
    bureau_mail = by_to[("review@sfj.example",)]
    assert late.number in bureau_mail.body and "公安局" in bureau_mail.body
    assert fresh.number not in bureau_mail.body
