"""Reads for pages: the public lookup (status, due date, answer; nothing else), the public
monthly figures (no contents), and the staff queues."""

import datetime
from dataclasses import dataclass

from django.db.models import Avg, Count, F, Q
from django.db.models.functions import ExtractMonth, ExtractYear

from commitments.workdays import UnknownCalendarYear, add_working_days

from . import access
from .codes import code_matches, normalise_number
from .enums import CLOSED_STATUSES, DUE_SOON_WORKING_DAYS, OPEN_STATUSES
from .models import Complaint


@dataclass(frozen=True)
class PublicStatus:
    """What the lookup shows: the complaint's number, status, due date and answer."""

    number: str
    status: str
    due_on: datetime.date
    due_on_estimated: bool
    answer: str
    answered_on: datetime.date | None


def lookup(number: str, code: str) -> PublicStatus | None:
    """The status of the complaint numbered ``number`` if ``code`` is its query code; None
    for a wrong code and for an unknown number alike, after the same work."""
    complaint = Complaint.objects.filter(number=normalise_number(number)).first()
    encoded = complaint.query_code_hash if complaint else None
    if not code_matches(code, encoded):
        return None
    closed = complaint.status in CLOSED_STATUSES
    return PublicStatus(
        number=complaint.number,
        status=complaint.get_status_display(),
        due_on=complaint.due_on,
        due_on_estimated=complaint.due_on_estimated,
        answer=complaint.answer if closed else "",
        answered_on=complaint.answered_on if closed else None,
    )


@dataclass(frozen=True)
class MonthFigures:
    department: str
    year: int
    month: int
    received: int
    closed: int
    on_time: int
    average_working_days: float | None


def monthly_figures(year: int | None = None, queryset=None) -> list[MonthFigures]:
    """Per department and month of receipt: received, closed (办结 or 不予受理), answered within
    the time limit, and the average working days to answer. Counts only, no contents."""
    rows = Complaint.objects.all() if queryset is None else queryset
    if year:
        rows = rows.filter(year=year)
    rows = (
        rows.annotate(y=ExtractYear("received_on"), m=ExtractMonth("received_on"))
        .values("department__name", "y", "m")
        .annotate(
            received=Count("pk"),
            closed=Count("pk", filter=Q(status__in=CLOSED_STATUSES)),
            on_time=Count(
                "pk",
                filter=Q(status__in=CLOSED_STATUSES, answered_on__lte=F("due_on")),
            ),
            average=Avg("answer_working_days", filter=Q(status__in=CLOSED_STATUSES)),
        )
        .order_by("-y", "-m", "department__name")
    )
    return [
        MonthFigures(
            department=row["department__name"],
            year=row["y"],
            month=row["m"],
            received=row["received"],
            closed=row["closed"],
            on_time=row["on_time"],
            average_working_days=(round(row["average"], 1) if row["average"] is not None else None),
        )
        for row in rows
    ]


def staff_complaints(user):
    return access.visible_complaints(
        user, Complaint.objects.select_related("department", "item", "filed_department")
    )


def due_soon_limit(today: datetime.date) -> datetime.date:
    try:
        return add_working_days(today, DUE_SOON_WORKING_DAYS)
    except UnknownCalendarYear:
        return today + datetime.timedelta(days=DUE_SOON_WORKING_DAYS)


def overdue(user, today: datetime.date):
    return (
        staff_complaints(user)
        .filter(status__in=OPEN_STATUSES, due_on__lt=today)
        .order_by("due_on", "pk")
    )


def due_soon(user, today: datetime.date):
    """Open complaints due today or within the next 2 working days."""
    return (
        staff_complaints(user)
        .filter(status__in=OPEN_STATUSES, due_on__gte=today, due_on__lte=due_soon_limit(today))
        .order_by("due_on", "pk")
    )
