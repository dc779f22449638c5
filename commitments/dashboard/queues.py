"""What falls due and what is overdue in the casework: the clerk's queues, the justice
bureau's overdue counts per department, and the reminders the daily command sends."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q
from django.urls import reverse

from catalog.models import Department
from commitments.models import AssistanceRequest, Case, ReminderKind, VerificationTask
from commitments.workdays import UnknownCalendarYear, add_working_days

from ..letters.enums import LetterChannel

SOON_WORKING_DAYS = 2


def soon(today: datetime.date) -> datetime.date:
    """The last day that counts as "due soon": 2 working days ahead (2 calendar days if the
    calendar does not know the year yet)."""
    try:
        return add_working_days(today, SOON_WORKING_DAYS)
    except UnknownCalendarYear:
        return today + datetime.timedelta(days=SOON_WORKING_DAYS)


def _remote_forms(cases):
    return cases.forms_to_send().exclude(channel=LetterChannel.IN_PERSON)


@dataclass(frozen=True)
class Queue:
    key: str
    label: str
    rows: list
    url: str
    overdue: bool = False

    @property
    def count(self):
        return len(self.rows)


def clerk_queues(department_ids, today: datetime.date, limit: int = 50) -> list[Queue]:
    cases = Case.objects.filter(department_id__in=department_ids).select_related("department")
    tasks = VerificationTask.objects.filter(department_id__in=department_ids).select_related(
        "letter", "department"
    )
    forms = _remote_forms(cases).order_by("form_due_on")
    cases_url, tasks_url = reverse("cases_admin"), reverse("verification_list")
    return [
        Queue(
            "forms_due_today",
            "今日应送达的告知承诺书",
            list(forms.filter(form_due_on=today)[:limit]),
            f"{cases_url}?status=form_to_send",
        ),
        Queue(
            "forms_overdue",
            "逾期未送达的告知承诺书",
            list(forms.filter(form_due_on__lt=today)[:limit]),
            f"{cases_url}?status=form_to_send",
            overdue=True,
        ),
        Queue(
            "awaiting_return",
            "待申请人递交的承诺书",
            list(cases.awaiting_return().filter(return_due_on__gte=today)[:limit]),
            f"{cases_url}?status=awaiting_return",
        ),
        Queue(
            "return_overdue",
            "逾期未递交的承诺书",
            list(cases.return_overdue(today).order_by("return_due_on")[:limit]),
            f"{cases_url}?status=return_overdue",
            overdue=True,
        ),
        Queue(
            "verification_due",
            "2个工作日内到期的核查",
            list(tasks.open().filter(due_on__gte=today, due_on__lte=soon(today))[:limit]),
            f"{tasks_url}?state=open",
        ),
        Queue(
            "verification_overdue",
            "逾期未核查",
            list(tasks.overdue(today)[:limit]),
            f"{tasks_url}?state=overdue",
            overdue=True,
        ),
        Queue(
            "assistance_received",
            "收到的协助核查请求（待答复）",
            list(
                AssistanceRequest.objects.unanswered()
                .filter(assisting_department_id__in=department_ids)
                .order_by("due_on")[:limit]
            ),
            reverse("assistance_list"),
        ),
        Queue(
            "assistance_sent",
            "发出的协助核查请求（待答复）",
            list(
                AssistanceRequest.objects.unanswered()
                .filter(requesting_department_id__in=department_ids)
                .order_by("due_on")[:limit]
            ),
            reverse("assistance_list"),
        ),
        Queue(
            "awaiting_conclusion",
            "待办结的办件",
            list(cases.awaiting_conclusion()[:limit]),
            f"{cases_url}?status=letter_received",
        ),
    ]


def overdue_by_department(today: datetime.date) -> list[dict]:
    """Per department with anything overdue: forms not sent, letters not returned,
    verifications not done, assistance requests it has not answered (the justice bureau's
    supervision)."""
    forms = Count(
        "pk",
        filter=Q(
            form_given_on__isnull=True,
            form_due_on__lt=today,
            concluded_on__isnull=True,
            withdrawn_on__isnull=True,
        ),
    )
    returns = Count(
        "pk",
        filter=Q(
            form_given_on__isnull=False,
            letter__isnull=True,
            withdrawn_on__isnull=True,
            concluded_on__isnull=True,
            return_due_on__lt=today,
        ),
    )
    case_counts = {
        row["department_id"]: row
        for row in Case.objects.values("department_id").annotate(forms=forms, returns=returns)
    }
    task_counts = dict(
        VerificationTask.objects.overdue(today)
        .values("department_id")
        .annotate(n=Count("pk"))
        .values_list("department_id", "n")
    )
    assistance_counts = dict(
        AssistanceRequest.objects.overdue(today)
        .values("assisting_department_id")
        .annotate(n=Count("pk"))
        .values_list("assisting_department_id", "n")
    )
    rows = []
    for department in Department.objects.filter(
        pk__in=set(case_counts) | set(task_counts) | set(assistance_counts)
    ).order_by("sort_order", "pk"):
        counts = case_counts.get(department.pk, {})
        row = {
            "department": department,
            "forms": counts.get("forms", 0),
            "returns": counts.get("returns", 0),
            "verifications": task_counts.get(department.pk, 0),
            "assistance": assistance_counts.get(department.pk, 0),
        }
        if any(row[k] for k in ("forms", "returns", "verifications", "assistance")):
            rows.append(row)
    return rows


def reminder_items(department_id: int, today: datetime.date):
    """(kind, object id, line of text, assignee or None) for everything to remind the
    department of today."""
    cases = Case.objects.filter(department_id=department_id)
    tasks = VerificationTask.objects.filter(department_id=department_id).select_related("letter")
    forms = _remote_forms(cases)
    for case in forms.filter(form_due_on=today):
        yield (
            ReminderKind.FORM_DUE,
            case.pk,
            f"{case.label}（{case.item_name}）告知承诺书今日应送达",
            None,
        )
    for case in forms.filter(form_due_on__lt=today):
        yield (
            ReminderKind.FORM_OVERDUE,
            case.pk,
            f"{case.label}（{case.item_name}）告知承诺书应于{case.form_due_on:%Y-%m-%d}前送达，已逾期",
            None,
        )
    for case in cases.return_overdue(today):
        yield (
            ReminderKind.RETURN_OVERDUE,
            case.pk,
            f"{case.label}（{case.item_name}）承诺书应于{case.return_due_on:%Y-%m-%d}前递交，逾期未递交",
            None,
        )
    for task in tasks.open().filter(due_on__gte=today, due_on__lte=soon(today)):
        yield (
            ReminderKind.VERIFICATION_DUE,
            task.pk,
            f"承诺书{task.letter.number_label}（{task.letter.item_name}）应于{task.due_on:%Y-%m-%d}前完成核查",
            task.assigned_to,
        )
    for task in tasks.overdue(today):
        yield (
            ReminderKind.VERIFICATION_OVERDUE,
            task.pk,
            f"承诺书{task.letter.number_label}（{task.letter.item_name}）核查期限{task.due_on:%Y-%m-%d}已过，尚未登记核查结果",
            task.assigned_to,
        )
    for request in AssistanceRequest.objects.overdue(today).filter(
        assisting_department_id=department_id
    ):
        yield (
            ReminderKind.ASSISTANCE_OVERDUE,
            request.pk,
            f"协助核查请求{request.pk}（{request.requesting_department.name}请求）"
            f"应于{request.due_on:%Y-%m-%d}前答复，逾期未答复",
            None,
        )
