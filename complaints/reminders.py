"""The daily reminder run: each department's editors get their overdue complaints and those due
within 2 working days; the justice bureau's reviewers get every overdue complaint with its
department. Run daily (cron or a systemd timer): ``manage.py complaint_reminders``."""

from collections import defaultdict

from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail

from permissions.enums import GLOBAL_GROUP_NAMES, Role
from permissions.services import users_in_role

from .enums import OPEN_STATUSES
from .models import Complaint
from .selectors import due_soon_limit


def _line(complaint, today) -> str:
    state = "已逾期" if complaint.due_on < today else "即将到期"
    return (
        f"{complaint.number}  {complaint.get_kind_display()}  {complaint.department.name}  "
        f"办理期限 {complaint.due_on:%Y-%m-%d}  {state}"
    )


def reminder_messages(today) -> list[tuple[str, str, None, list[str]]]:
    """The e-mails of the day: ``(subject, body, from, recipients)``."""
    open_rows = (
        Complaint.objects.filter(status__in=OPEN_STATUSES, due_on__lte=due_soon_limit(today))
        .select_related("department")
        .order_by("due_on", "pk")
    )
    by_department = defaultdict(list)
    for complaint in open_rows:
        by_department[complaint.department].append(complaint)
    messages = []
    for department, rows in by_department.items():
        recipients = [u.email for u in users_in_role(department, Role.EDITOR) if u.email]
        if recipients:
            body = "\n".join(_line(c, today) for c in rows)
            messages.append(
                (
                    f"投诉举报办理提醒：{department.name} {len(rows)} 件",
                    f"以下投诉举报已逾期或将在2个工作日内到期，请及时办理：\n\n{body}\n",
                    None,
                    recipients,
                )
            )
    late = [c for c in open_rows if c.due_on < today]
    reviewers = get_user_model().objects.filter(
        groups__name=GLOBAL_GROUP_NAMES[Role.REVIEWER], is_active=True
    )
    recipients = [u.email for u in reviewers if u.email]
    if late and recipients:
        body = "\n".join(_line(c, today) for c in late)
        messages.append(
            (
                f"逾期未办结的投诉举报：{len(late)} 件",
                f"以下投诉举报已超过5个工作日仍未办结：\n\n{body}\n",
                None,
                recipients,
            )
        )
    return messages


def send_reminders(today) -> int:
    messages = reminder_messages(today)
    if messages:
        send_mass_mail(messages, fail_silently=False)
    return len(messages)
