"""The credit register's figures for supervision (ADR 018), contributed through the Wagtail
hook ``"supervision_figures"`` (registered in ``wagtail_hooks``): ``credit`` sits below
``supervision`` and never imports it, so this module only follows the hook's contract
(``supervision/figures.py``): each ``compute(context)`` returns
``{(department_id, month): count}`` for the months of ``context.period``.

A record counts for its recording department in the month of its 认定日期 (``decided_on``),
by its grade and by its state as they are now (a corrected record under its corrected grade).
One grouped query per period serves every figure (``context.shared``); the figures are counts
only, without names or identity numbers, and are shown on the public page 工作进展.
"""

import datetime

from django.db.models import Count, Q

from .enums import Grade, RecordState
from .models import CreditRecord

GROUP = "credit"
SHARED_KEY = "credit:records_by_grade_and_state"


def _next_month(day: datetime.date) -> datetime.date:
    return datetime.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def records_by_grade_and_state(period) -> dict[tuple[int, datetime.date, str, str], int]:
    """``{(department_id, month, grade, state): n}`` for records decided in ``period``: one
    ``GROUP BY`` department, grade and state with one filtered count per month."""
    months = list(period.months)
    counts = {
        f"m{index}": Count("pk", filter=Q(decided_on__gte=month, decided_on__lt=_next_month(month)))
        for index, month in enumerate(months)
    }
    rows = (
        CreditRecord.objects.filter(
            decided_on__gte=period.first, decided_on__lt=_next_month(period.last)
        )
        .values("department_id", "grade", "state")
        .order_by()
        .annotate(**counts)
    )
    result = {}
    for row in rows:
        for index, month in enumerate(months):
            if row[f"m{index}"]:
                key = (row["department_id"], month, row["grade"], row["state"])
                result[key] = result.get(key, 0) + row[f"m{index}"]
    return result


def _counts(context, *, grade: str = "", state: str = "") -> dict[tuple[int, datetime.date], int]:
    rows = context.shared(SHARED_KEY, lambda: records_by_grade_and_state(context.period))
    result = {}
    for (department, month, row_grade, row_state), n in rows.items():
        if (grade and row_grade != grade) or (state and row_state != state):
            continue
        result[(department, month)] = result.get((department, month), 0) + n
    return result


def _by_grade(grade: str):
    def compute(context):
        return _counts(context, grade=grade)

    return compute


def _by_state(state: str):
    def compute(context):
        return _counts(context, state=state)

    return compute


def supervision_figures() -> list[dict]:
    """The rows of the ``supervision_figures`` contract: records by grade, then by state."""
    specs = [
        {
            "key": f"credit_grade_{grade.value}",
            "label": f"认定失信记录（{grade.label}）",
            "compute": _by_grade(grade.value),
            "group": GROUP,
        }
        for grade in Grade
    ]
    specs += [
        {
            "key": f"credit_state_{state.value}",
            "label": f"失信记录现为{state.label}",
            "compute": _by_state(state.value),
            "group": GROUP,
        }
        for state in RecordState
    ]
    return specs
