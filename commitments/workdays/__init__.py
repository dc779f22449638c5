"""Working days on the official Chinese calendar (holidays and make-up working days).

``chinese-calendar`` knows the State Council's arrangements up to the year of its release;
later years are entered by an administrator (``HolidayYear``). A date in a year known to
neither is refused with ``UnknownCalendarYear``, never guessed.
"""

from .calendar import UnknownCalendarYear, add_working_days, is_working_day, known_years

__all__ = ["UnknownCalendarYear", "add_working_days", "is_working_day", "known_years"]
