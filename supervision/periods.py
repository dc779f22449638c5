"""Whole months in local time: the period a figure page asks for (``period_from``: the
parameters ``start``/``end``, at most ``MAX_MONTHS``), and ``monthly_counts``, which counts a
queryset's rows per unit and month of a period in one ``GROUP BY``."""

import datetime
import re
from dataclasses import dataclass

from django.db.models import Count, Q, Sum
from django.utils import timezone


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def add_month(day: datetime.date, months: int = 1) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


@dataclass
class Period:
    """Whole months, ``first`` to ``last`` inclusive (both first days of months)."""

    first: datetime.date
    last: datetime.date

    @classmethod
    def last_months(cls, count: int = 12, today: datetime.date | None = None) -> "Period":
        last = month_start(today or timezone.localdate())
        return cls(add_month(last, -(count - 1)), last)

    @property
    def months(self) -> list[datetime.date]:
        months, month = [], self.first
        while month <= self.last:
            months.append(month)
            month = add_month(month)
        return months

    def bounds(self) -> tuple[datetime.datetime, datetime.datetime]:
        """The period as aware date-times in local time: [start, end)."""
        zone = timezone.get_current_timezone()
        start = datetime.datetime.combine(self.first, datetime.time(), zone)
        end = datetime.datetime.combine(add_month(self.last), datetime.time(), zone)
        return start, end


MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
MAX_MONTHS = 120


def _month(value: str) -> datetime.date | None:
    match = MONTH.match((value or "").strip())
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if not (2000 <= year <= 2100 and 1 <= month <= 12):
        return None
    return datetime.date(year, month, 1)


def period_from(params) -> tuple[Period, dict[str, str]]:
    """The period asked for (default: the last 12 months) and any error, by field. The
    parameters are ``start`` and ``end``: WeChat appends ``from=singlemessage`` to links."""
    default = Period.last_months(12)
    errors = {}
    first, last = default.first, default.last
    if params.get("start"):
        first = _month(params["start"]) or first
        if _month(params["start"]) is None:
            errors["start"] = "起始月份格式应为“2026-01”。"
    if params.get("end"):
        last = _month(params["end"]) or last
        if _month(params["end"]) is None:
            errors["end"] = "截止月份格式应为“2026-12”。"
    if first > last:
        errors["end"] = "截止月份不能早于起始月份。"
        first, last = default.first, default.last
    elif len(Period(first, last).months) > MAX_MONTHS:
        errors["end"] = f"一次最多统计 {MAX_MONTHS} 个月。"
        first = add_month(last, -(MAX_MONTHS - 1))
    return Period(first, last), errors


def _month_start(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(), timezone.get_current_timezone())


def monthly_counts(
    queryset,
    moment: str,
    period: Period,
    extra: tuple[str, ...] = (),
    *,
    unit: str = "department_id",
    dates: bool = False,
    count: str = "pk",
    distinct: bool = False,
    total: str = "",
) -> dict:
    """``{(department_id, month, *extra): n}`` for rows whose ``moment`` is in ``period``.

    One ``GROUP BY`` unit with one filtered ``COUNT`` per month, the months' bounds computed
    here in local time: plain comparisons on an indexed column, no date function per row
    (SQLite would call Python once per row for ``TruncMonth``). ``unit`` is the column naming
    the department (e.g. ``task__department_id``); ``dates`` when ``moment`` is a date, not a
    date-time; ``count``/``distinct`` what is counted; ``total`` a column to add up instead
    (e.g. the tallies of applicants' choices).
    """
    months = period.months

    def bound(day):
        return day if dates else _month_start(day)

    def aggregate(condition):
        if total:
            return Sum(total, filter=condition)
        return Count(count, filter=condition, distinct=distinct)

    aggregates = {
        f"m{index}": aggregate(
            Q(
                **{
                    f"{moment}__gte": bound(month),
                    f"{moment}__lt": bound(add_month(month)),
                }
            )
        )
        for index, month in enumerate(months)
    }
    rows = (
        queryset.filter(
            **{
                f"{moment}__gte": bound(period.first),
                f"{moment}__lt": bound(add_month(period.last)),
            }
        )
        .values(unit, *extra)
        .order_by()
        .annotate(**aggregates)
    )
    result = {}
    for row in rows:
        for index, month in enumerate(months):
            if row[f"m{index}"]:
                key = (row[unit], month, *(row[name] for name in extra))
                result[key] = result.get(key, 0) + row[f"m{index}"]
    return result
