"""Reminders of milestones: what each unit still owes that is due soon or overdue, e-mailed
to the unit's clerks (editors with an e-mail address) and its liaison's address when the unit
has one, by ``manage.py supervision_reminders`` in the daily reminder run.

Each reminder (unit × milestone × kind × address) is sent once: it is claimed by inserting its
``MilestoneReminder`` row in the transaction that sends the e-mail, so a second run — or a
concurrent one, which waits on the unique index — sends nothing again; if sending fails, the
transaction rolls back and the next run retries. A milestone is reminded once before its date
(within ``days_ahead`` days) and once when it is overdue.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction

from catalog.models import Department
from permissions.enums import Role
from permissions.services import users_in_role

from . import states
from .enums import MilestoneState
from .models import MilestoneReminder, Plan

OPEN_STATES = (MilestoneState.NOT_SUBMITTED, MilestoneState.RETURNED, MilestoneState.OVERDUE)


@dataclass(frozen=True)
class Reminder:
    department: Department
    milestone_name: str
    due_on: datetime.date
    state: MilestoneState
    overdue: bool
    milestone_id: int = 0

    @property
    def text(self) -> str:
        if self.overdue:
            days = f"已逾期（截止 {self.due_on:%Y-%m-%d}）"
        else:
            days = f"将于 {self.due_on:%Y-%m-%d} 截止"
        return (
            f"{self.department.name}：“{self.milestone_name}”{days}，当前状态：{self.state.label}"
        )


def reminders(today: datetime.date, days_ahead: int = 7) -> list[Reminder]:
    """Open milestones of every unit due within ``days_ahead`` days or already overdue, in the
    plans whose milestones reach ``today`` or later (past plans are the record, not a to-do)."""
    horizon = today + datetime.timedelta(days=days_ahead)
    found = []
    departments = Department.objects.order_by("sort_order", "pk")
    for plan in Plan.objects.filter(year__gte=today.year - 1).order_by("year"):
        matrix = states.matrix(plan, departments, today=today)
        for department, cells in matrix.rows:
            for cell in cells:
                if cell.state not in OPEN_STATES or cell.milestone.due_on > horizon:
                    continue
                overdue = cell.milestone.due_on < today
                found.append(
                    Reminder(
                        department,
                        cell.milestone.name,
                        cell.milestone.due_on,
                        cell.state,
                        overdue,
                        cell.milestone.pk,
                    )
                )
    return found


def recipients(department) -> list[str]:
    """The unit's clerks' addresses, and its liaison's when the unit records one
    (``liaison_email``; the 附件2 fields on this branch hold phone numbers only)."""
    addresses = [u.email for u in users_in_role(department, Role.EDITOR) if u.email]
    liaison = (getattr(department, "liaison_email", "") or "").strip()
    if liaison:
        addresses.append(liaison)
    return sorted(set(addresses), key=addresses.index)


def _claim(reminder: Reminder, email: str) -> bool:
    kind = MilestoneReminder.Kind.OVERDUE if reminder.overdue else MilestoneReminder.Kind.DUE_SOON
    try:
        with transaction.atomic():
            MilestoneReminder.objects.create(
                milestone_id=reminder.milestone_id,
                department=reminder.department,
                kind=kind,
                email=email,
            )
    except IntegrityError:
        return False
    return True


def _message(department, lines, today) -> tuple[str, str]:
    subject = f"【告知承诺制】{department.name}实施方案工作节点提醒（{today:%Y-%m-%d}）"
    body = "\n".join(
        [
            "您好：",
            "",
            f"{department.name}有以下实施方案工作节点即将到期或已逾期：",
            "",
            *[f"· {line}" for line in lines],
            "",
            "请登录系统报送材料（工作督查 → 工作进度总览）："
            f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/admin/supervision/",
            "（本邮件由系统每日自动发送，同一节点到期前和逾期后各提醒一次。）",
        ]
    )
    return subject, body


def send_reminders(*, today: datetime.date, days_ahead: int = 7) -> int:
    """E-mail today's reminders; the number of e-mails sent."""
    by_department: dict[int, list[Reminder]] = {}
    for reminder in reminders(today, days_ahead):
        by_department.setdefault(reminder.department.pk, []).append(reminder)
    sent = 0
    for found in by_department.values():
        department = found[0].department
        for email in recipients(department):
            with transaction.atomic():
                lines = [r.text for r in found if _claim(r, email)]
                if not lines:
                    continue
                subject, body = _message(department, lines, today)
                send_mail(subject, body, None, [email])
                sent += 1
    return sent
