"""Reads of cases for the admin pages: the scoped list, the clerk's queues and the adoption
figures per item and month."""

from django.db.models import Q, Sum
from django.utils import timezone

from commitments.models import Case, ChoiceEntry, CommitmentLetter, ReturnDeadline
from commitments.workdays import add_working_days

from .enums import DEFAULT_RETURN_WORKING_DAYS, ApplicantChoice
from .rules import scoped


def staff_cases(user):
    return scoped(Case.objects.select_related("department", "item", "letter"), user)


def case_return_by(case, today=None):
    """The return deadline the case's letter form states: the recorded one once the form was
    given, else the deadline if it is given today (N working days on the official calendar).
    Raises ``UnknownCalendarYear`` when the calendar lacks the year."""
    if case.return_due_on:
        return case.return_due_on
    return add_working_days(today or timezone.localdate(), case.return_working_days)


def linkable_letters(case):
    """Letters of the case's department and item that no case holds yet and are in force."""
    return CommitmentLetter.objects.filter(
        department_id=case.department_id,
        item_id=case.item_id,
        withdrawn_on__isnull=True,
        case__isnull=True,
    ).order_by("-year", "-number")


def choice_figures(user, year: int):
    """{(item name, department name, month): {choice: count}} for the departments the user
    may view, for one year; corrections are counted in."""
    rows = (
        scoped(ChoiceEntry.objects.all(), user)
        .filter(month__year=year)
        .values("department__name", "item__name", "month", "choice")
        .annotate(total=Sum("count"))
        .order_by("department__sort_order", "item__name", "month")
    )
    figures: dict[tuple, dict[str, int]] = {}
    for row in rows:
        key = (row["department__name"], row["item__name"], row["month"])
        figures.setdefault(key, dict.fromkeys(ApplicantChoice.values, 0))[row["choice"]] = row[
            "total"
        ]
    return [
        {
            "department": d,
            "item": i,
            "month": m,
            "commitment": c[ApplicantChoice.COMMITMENT],
            "certificate": c[ApplicantChoice.CERTIFICATE],
            "rate": round(
                100 * c[ApplicantChoice.COMMITMENT] / max(1, sum(c.values())),
            ),
        }
        for (d, i, m), c in figures.items()
    ]


def recent_choice_entries(user, limit=30):
    return scoped(
        ChoiceEntry.objects.select_related("item", "recorded_by", "corrects"), user
    ).filter(case__isnull=True)[:limit]


def return_deadlines(department):
    """The department default and every item's own number."""
    rows = ReturnDeadline.objects.filter(department=department).select_related("item")
    default = next((r.working_days for r in rows if r.item_id is None), None)
    return default or DEFAULT_RETURN_WORKING_DAYS, {r.item_id: r for r in rows if r.item_id}


def clerk_queues(department_ids, today=None):
    """The counts of a clerk's queues in ``department_ids``."""
    today = today or timezone.localdate()
    cases = Case.objects.filter(department_id__in=department_ids)
    forms = cases.forms_to_send().exclude(channel="in_person")
    return {
        "forms_due_today": forms.filter(form_due_on=today).count(),
        "forms_overdue": forms.filter(form_due_on__lt=today).count(),
        "awaiting_return": cases.awaiting_return().filter(return_due_on__gte=today).count(),
        "return_overdue": cases.return_overdue(today).count(),
        "awaiting_conclusion": cases.awaiting_conclusion().count(),
    }


def overdue_q(today):
    return Q(form_given_on__isnull=True, form_due_on__lt=today) | Q(
        letter__isnull=True, return_due_on__lt=today
    )
