"""The figures of supervision, computed from the records (never typed in), per unit and month
and for the whole banner.

Each figure is one function registered with ``@figure``: it receives a ``Context`` (the period
and a memo for queries several figures share) and returns ``{(department_id, month): count}``
with ``month`` the first day of a month in Asia/Shanghai time. Every function aggregates in the
database (``GROUP BY`` unit and month), so the cost does not grow with what a page shows.

Figures of the casework after the letter (verifications, false commitments) and credit records
are added here the same way when their models exist on this branch (ADR 015). Complaints count
for the department handling them now (after a transfer, the one it went to).
"""

import datetime
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count, F, Q
from django.utils import timezone

from catalog.models import CertificateItem, ServiceGuide
from commitments.letters.enums import LetterChannel
from commitments.models import CommitmentLetter
from complaints.enums import CLOSED_STATUSES
from complaints.models import Complaint

from .enums import SubmissionStatus
from .models import Submission

Counts = dict[tuple[int, datetime.date], int]


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


@dataclass
class Context:
    period: Period
    memo: dict = field(default_factory=dict)

    def shared(self, key: str, compute: Callable[[], object]):
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    public: bool
    compute: Callable[[Context], Counts]


FIGURES: list[Figure] = []


def figure(key: str, label: str, *, public: bool = True):
    def register(function: Callable[[Context], Counts]):
        FIGURES.append(Figure(key, label, public, function))
        return function

    return register


def _month_start(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(), timezone.get_current_timezone())


def monthly_counts(queryset, moment: str, period: Period, extra: tuple[str, ...] = ()) -> dict:
    """``{(department_id, month, *extra): n}`` for rows whose ``moment`` is in ``period``.

    One ``GROUP BY`` unit with one filtered ``COUNT`` per month, the months' bounds computed
    here in local time: plain comparisons on an indexed column, no date function per row
    (SQLite would call Python once per row for ``TruncMonth``).
    """
    months = period.months
    start, end = period.bounds()
    aggregates = {
        f"m{index}": Count(
            "pk",
            filter=Q(
                **{
                    f"{moment}__gte": _month_start(month),
                    f"{moment}__lt": _month_start(add_month(month)),
                }
            ),
        )
        for index, month in enumerate(months)
    }
    rows = (
        queryset.filter(**{f"{moment}__gte": start, f"{moment}__lt": end})
        .values("department_id", *extra)
        .order_by()
        .annotate(**aggregates)
    )
    result = {}
    for row in rows:
        for index, month in enumerate(months):
            if row[f"m{index}"]:
                key = (row["department_id"], month, *(row[name] for name in extra))
                result[key] = row[f"m{index}"]
    return result


@figure("items_published", "新公布证明事项")
def items_published(context: Context) -> Counts:
    """Items published for the first time in the month (a later edit is not counted again)."""
    return monthly_counts(CertificateItem.objects.all(), "first_published_at", context.period)


@figure("guides_published", "新公布办事指南")
def guides_published(context: Context) -> Counts:
    return monthly_counts(ServiceGuide.objects.all(), "first_published_at", context.period)


def _letters_by_channel(context: Context) -> dict:
    def compute():
        letters = CommitmentLetter.objects.all()
        return monthly_counts(letters, "registered_at", context.period, ("channel",))

    return context.shared("letters_by_channel", compute)


def _letters_of(channel: str) -> Callable[[Context], Counts]:
    def compute(context: Context) -> Counts:
        return {
            (department, month): n
            for (department, month, row_channel), n in _letters_by_channel(context).items()
            if row_channel == channel
        }

    compute.__name__ = f"letters_{channel}"
    return compute


for _channel in LetterChannel:
    figure(f"letters_{_channel.value}", f"登记承诺书（{_channel.label}）")(_letters_of(_channel))


@figure("milestones_delivered", "工作节点材料获确认")
def milestones_delivered(context: Context) -> Counts:
    """Document milestones confirmed by the justice bureau in the month (facts the platform
    ticks have no date: they are shown on the overview, not counted here)."""
    confirmed = Submission.objects.filter(status=SubmissionStatus.CONFIRMED)
    return monthly_counts(confirmed, "decided_at", context.period)


@figure("complaints_received", "受理投诉举报")
def complaints_received(context: Context) -> Counts:
    return monthly_counts(Complaint.objects.all(), "received_at", context.period)


@figure("complaints_concluded", "办结投诉举报")
def complaints_concluded(context: Context) -> Counts:
    """Complaints closed in the month: concluded with an answer, or 不予受理 (also answered)."""
    closed = Complaint.objects.filter(status__in=CLOSED_STATUSES)
    return monthly_counts(closed, "closed_at", context.period)


@figure("complaints_on_time", "按期答复投诉举报")
def complaints_on_time(context: Context) -> Counts:
    """Complaints closed in the month whose answer was given by the due date."""
    on_time = Complaint.objects.filter(status__in=CLOSED_STATUSES, answered_on__lte=F("due_on"))
    return monthly_counts(on_time, "closed_at", context.period)


@dataclass
class FigureTable:
    figure: Figure
    months: list[datetime.date]
    by_unit_month: Counts
    by_month: dict[datetime.date, int]
    by_unit: dict[int, int]
    total: int


CACHE_SECONDS = 300


def raw_counts(period: Period) -> dict[str, Counts]:
    """Every figure's counts over ``period`` for every unit: ``{figure key: counts}``."""
    context = Context(period)
    return {item.key: item.compute(context) for item in FIGURES}


def cache_key(period: Period) -> str:
    return f"supervision:figures:{period.first:%Y%m}:{period.last:%Y%m}"


def cached_counts(period: Period) -> dict[str, Counts]:
    """``raw_counts`` kept ``CACHE_SECONDS`` in the cache (one entry per period, for every
    user: scope is applied afterwards). The pages read this; the Excel exports count afresh."""
    return cache.get_or_set(cache_key(period), lambda: raw_counts(period), CACHE_SECONDS)


def compute(period: Period, *, department_ids=None, public_only: bool = False, counts=None):
    """Every figure over ``period`` as tables; per-unit values only for ``department_ids``
    (all when None), banner-wide values always over every unit. ``counts`` (from
    ``cached_counts``) spares the queries."""
    counts = raw_counts(period) if counts is None else counts
    tables = []
    for item in FIGURES:
        if public_only and not item.public:
            continue
        by_month, by_unit, visible = defaultdict(int), defaultdict(int), {}
        for (department, month), n in counts[item.key].items():
            by_month[month] += n
            if department_ids is None or department in department_ids:
                by_unit[department] += n
                visible[(department, month)] = n
        tables.append(
            FigureTable(
                item, period.months, visible, dict(by_month), dict(by_unit), sum(by_month.values())
            )
        )
    return tables
