"""Reminders list open milestones due soon or overdue, not those delivered or far away."""

import datetime
import io

from django.core import mail
from django.core.management import call_command

from catalog.models import Department
from permissions.enums import Role
from supervision.enums import Deliverable
from supervision.reminders import reminders, send_reminders
from supervision.services import submission_deliver

from ..factories import make_user
from .helpers import make_plan, milestone, pdf

DUE = datetime.date(2030, 4, 2)


def test_due_soon_and_overdue_are_reminded_delivered_and_far_ones_are_not(dept_a, dept_b, editor_a):
    plan = make_plan(due=DUE)
    submission_deliver(user=editor_a, milestone=milestone(plan), department=dept_a, files=[pdf()])
    soon = reminders(DUE - datetime.timedelta(days=3), days_ahead=7)
    document = [r for r in soon if r.milestone_name == milestone(plan).name]
    assert [r.department for r in document] == [dept_b]  # dept_a has submitted
    assert not document[0].overdue and "将于 2030-04-02 截止" in document[0].text
    assert reminders(DUE - datetime.timedelta(days=30), days_ahead=7) == []
    late = reminders(DUE + datetime.timedelta(days=1))
    catalog = [
        r for r in late if r.milestone_name == milestone(plan, Deliverable.CATALOG_PUBLISHED).name
    ]
    assert {r.department for r in catalog} == {dept_a, dept_b}
    assert all(r.overdue and "已逾期" in r.text for r in catalog)


def test_command_prints_the_reminders_and_their_count(dept_a):
    out = io.StringIO()
    call_command("supervision_reminders", "--days", "3", stdout=out)
    assert "共 0 条提醒。" in out.getvalue()


def set_email(user, address):
    user.email = address
    user.save(update_fields=["email"])


def test_reminders_are_mailed_to_the_units_clerks_once_before_and_once_after_the_date(
    dept_a, dept_b, editor_a, editor_b, leader_a
):
    set_email(editor_a, "clerk-a@example.cn")
    set_email(leader_a, "leader-a@example.cn")  # a leader is not a clerk: not mailed
    plan = make_plan(due=DUE)
    before = DUE - datetime.timedelta(days=3)
    assert send_reminders(today=before) == 1  # dept_b's clerk has no address
    message = mail.outbox[0]
    assert message.to == ["clerk-a@example.cn"]
    assert dept_a.name in message.subject and "将于 2030-04-02 截止" in message.body
    assert milestone(plan).name in message.body and "/admin/supervision/" in message.body
    # the same day again, or the next day: nothing is sent twice
    assert send_reminders(today=before) == 0
    assert send_reminders(today=before + datetime.timedelta(days=1)) == 0
    assert len(mail.outbox) == 1
    # overdue: one more reminder, then nothing
    after = DUE + datetime.timedelta(days=1)
    assert send_reminders(today=after) == 1
    assert "已逾期（截止 2030-04-02）" in mail.outbox[1].body
    assert send_reminders(today=after + datetime.timedelta(days=5)) == 0
    assert len(mail.outbox) == 2


def test_a_delivered_milestone_is_not_reminded_and_a_new_clerk_gets_what_is_still_open(
    dept_a, editor_a
):
    set_email(editor_a, "clerk-a@example.cn")
    plan = make_plan(due=DUE)
    submission_deliver(user=editor_a, milestone=milestone(plan), department=dept_a, files=[pdf()])
    send_reminders(today=DUE - datetime.timedelta(days=2))
    assert milestone(plan).name + "”" not in mail.outbox[0].body  # submitted: not open

    second = make_user("clerk2", role=Role.EDITOR, departments=[dept_a])
    set_email(second, "clerk2@example.cn")
    assert send_reminders(today=DUE - datetime.timedelta(days=1)) == 1
    assert mail.outbox[-1].to == ["clerk2@example.cn"]


def test_the_liaisons_address_is_mailed_when_the_unit_has_one(monkeypatch, dept_a, editor_a):
    set_email(editor_a, "clerk-a@example.cn")
    monkeypatch.setattr(Department, "liaison_email", "liaison@example.cn", raising=False)
    make_plan(due=DUE)
    send_reminders(today=DUE + datetime.timedelta(days=1))
    assert sorted(m.to[0] for m in mail.outbox if dept_a.name in m.subject) == [
        "clerk-a@example.cn",
        "liaison@example.cn",
    ]


def test_the_command_sends_and_a_dry_run_only_prints(dept_a, editor_a):
    set_email(editor_a, "clerk-a@example.cn")
    make_plan(due=DUE)
    out = io.StringIO()
    call_command("supervision_reminders", "--date", "2030-04-03", "--dry-run", stdout=out)
    assert "已逾期" in out.getvalue() and mail.outbox == []
    call_command("supervision_reminders", "--date", "2030-04-03", stdout=out)
    call_command("supervision_reminders", "--date", "2030-04-03", stdout=out)
    assert len(mail.outbox) == 1 and out.getvalue().strip().endswith("已发送 0 封提醒邮件。")
