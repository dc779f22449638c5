"""Is a day a working day, and which day is N working days after another."""

import datetime

import chinese_calendar
from chinese_calendar.constants import holidays as BUILT_IN_HOLIDAYS

from commitments.models import CalendarDayKind, HolidayYear


class UnknownCalendarYear(Exception):
    def __init__(self, year: int):
        self.year = year
        super().__init__(
            f"系统还没有{year}年的法定节假日和调休安排，无法按工作日计算期限。"
            f"请系统管理员在“设置 › 节假日安排”中录入{year}年的安排后再办理。"
        )


def built_in_years() -> range:
    years = [day.year for day in BUILT_IN_HOLIDAYS]
    return range(min(years), max(years) + 1)


def _entered_days(year: int) -> dict[datetime.date, str] | None:
    """The administrator's entries for ``year`` ({date: kind}), or None if it has none."""
    entry = HolidayYear.objects.filter(year=year).first()
    if entry is None:
        return None
    return dict(entry.days.values_list("date", "kind"))


def known_years() -> list[int]:
    return sorted(set(built_in_years()) | set(HolidayYear.objects.values_list("year", flat=True)))


class _Calendar:
    """Answers for a run of days, reading each year's entries once."""

    def __init__(self):
        self._years: dict[int, dict[datetime.date, str] | None] = {}

    def is_working_day(self, day: datetime.date) -> bool:
        if day.year not in self._years:
            self._years[day.year] = _entered_days(day.year)
        entered = self._years[day.year]
        if entered is not None:
            kind = entered.get(day)
            if kind == CalendarDayKind.HOLIDAY:
                return False
            if kind == CalendarDayKind.MAKEUP_WORKDAY:
                return True
            return day.weekday() < 5
        if day.year in built_in_years():
            return chinese_calendar.is_workday(day)
        raise UnknownCalendarYear(day.year)


def is_working_day(day: datetime.date) -> bool:
    return _Calendar().is_working_day(day)


def add_working_days(start: datetime.date, days: int) -> datetime.date:
    """The ``days``-th working day after ``start`` (``start`` itself does not count).

    Received on Friday 2026-09-25, 3 working days → Wednesday 2026-09-30; received on
    2026-09-30, the National Day holiday is skipped and 10-10 (a make-up working day) counts.
    """
    calendar = _Calendar()
    day, counted = start, 0
    while counted < days:
        day += datetime.timedelta(days=1)
        if calendar.is_working_day(day):
            counted += 1
    return day
