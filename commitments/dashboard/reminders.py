"""The daily reminder e-mails (``manage.py send_casework_reminders``).

Each reminder (kind × object × recipient) is sent once: it is claimed by inserting its
``ReminderSent`` row in the transaction that sends the e-mail, so a second run the same day or
later — or a concurrent one, which waits on the unique index — finds it claimed and sends
nothing again; if sending fails, the transaction rolls back and the next run retries.
A verification assigned to someone goes to that person; everything else to the department's
editors (the clerks) with an e-mail address.
"""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction

from catalog.models import Department
from commitments.models import ReminderSent
from permissions.enums import Role
from permissions.services import users_in_role

from .queues import reminder_items


def _claim(recipient, kind, object_id) -> bool:
    try:
        with transaction.atomic():
            ReminderSent.objects.create(recipient=recipient, kind=kind, object_id=object_id)
    except IntegrityError:
        return False
    return True


def _message(department, lines, today) -> tuple[str, str]:
    subject = f"【告知承诺制】{department.name}办件提醒（{today:%Y-%m-%d}）"
    body = "\n".join(
        [
            "您好：",
            "",
            f"{department.name}有以下告知承诺办件需要办理：",
            "",
            *[f"· {line}" for line in lines],
            "",
            f"请登录系统办理：{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/admin/",
            "（本邮件由系统每日自动发送，同一事项只提醒一次。）",
        ]
    )
    return subject, body


def send_reminders(*, today: datetime.date) -> int:
    """Send today's reminders; the number of e-mails sent."""
    sent = 0
    for department in Department.objects.order_by("sort_order", "pk"):
        items = list(reminder_items(department.pk, today))
        if not items:
            continue
        clerks = [u for u in users_in_role(department, Role.EDITOR) if u.email]
        by_recipient: dict[int, tuple] = {}
        for kind, object_id, line, assignee in items:
            recipients = [assignee] if assignee is not None and assignee.email else clerks
            for recipient in recipients:
                by_recipient.setdefault(recipient.pk, (recipient, []))[1].append(
                    (kind, object_id, line)
                )
        for recipient, entries in by_recipient.values():
            with transaction.atomic():
                lines = [line for kind, oid, line in entries if _claim(recipient, kind, oid)]
                if not lines:
                    continue
                subject, body = _message(department, lines, today)
                send_mail(subject, body, None, [recipient.email])
                sent += 1
    return sent
