"""The publicity period of a record: when repair may be asked for and when it expires.

A record is published from ``publicity_start``; the subject may apply for repair from the day
the grade's minimum period has passed (``repair_from`` = start + min months) and the record
expires the day the maximum period has passed (``publicity_end`` = start + max months − 1 day
is its last day). Months are calendar months (the 31st becomes the month's last day).
"""

import calendar
import datetime

from .models import GradePeriod


def add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def period_for(grade: str, start: datetime.date) -> tuple[datetime.date, datetime.date]:
    """(repair_from, publicity_end) of a record of ``grade`` published from ``start``."""
    period = GradePeriod.objects.get(grade=grade)
    return (
        add_months(start, period.min_months),
        add_months(start, period.max_months) - datetime.timedelta(days=1),
    )


def may_apply_for_repair(record, day: datetime.date) -> bool:
    return record.repair_from <= day


def has_expired(record, day: datetime.date) -> bool:
    return day > record.publicity_end
