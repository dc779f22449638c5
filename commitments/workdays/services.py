"""Writes of the working-day calendar: check, act (history is kept by simple-history)."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction

from commitments.models import CalendarDayKind, HolidayDay, HolidayYear


@transaction.atomic
def holiday_year_save(
    *,
    user,
    year: int,
    notice: str,
    holidays: list[tuple[datetime.date, str]],
    makeup_workdays: list[tuple[datetime.date, str]],
) -> HolidayYear:
    """Enter (or replace) the whole holiday arrangement of ``year``."""
    existing = HolidayYear.objects.filter(year=year).first()
    needed = "commitments.change_holidayyear" if existing else "commitments.add_holidayyear"
    if not user.has_perm(needed):
        raise PermissionDenied("只有系统管理员可以录入节假日安排。")
    if existing:
        existing.days.all().delete()
        existing.notice = notice
        existing.entered_by = user
        existing.save()
        entry = existing
    else:
        entry = HolidayYear.objects.create(year=year, notice=notice, entered_by=user)
    for kind, days in (
        (CalendarDayKind.HOLIDAY, holidays),
        (CalendarDayKind.MAKEUP_WORKDAY, makeup_workdays),
    ):
        for day, name in days:
            HolidayDay.objects.create(holiday_year=entry, date=day, kind=kind, name=name)
    return entry
