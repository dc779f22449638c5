"""The figures of supervision, computed from the records (never typed in), per unit and month
and for the whole banner.

Each figure is one function registered with ``@figure``: it receives a ``Context`` (the period
and a memo for queries several figures share) and returns ``{(department_id, month): count}``
with ``month`` the first day of a month in Asia/Shanghai time. Every function aggregates in the
database (``GROUP BY`` unit and month), so the cost does not grow with what a page shows.

Figures are grouped (``GROUPS``: one chart and one pair of tables per group on the pages).
Complaints count for the department handling them now (after a transfer, the one it went to);
an assistance request counts for the department asked to assist.

**Figures of other apps.** An app may contribute figure rows without this app knowing it:

- an app *above* ``supervision`` in the dependency order calls ``register(key, label, compute,
  group=…, public=…)`` (or uses ``@figure``) when its module is imported;
- an app *below* it (e.g. ``credit``), which must not import ``supervision``, registers a Wagtail
  hook ``"supervision_figures"`` (``SUPERVISION_FIGURES_HOOK``) returning an iterable of dicts
  ``{"key", "label", "compute", "group" (optional), "public" (optional, default True)}``.

The contract of ``compute(context)``: ``context.period`` has ``first`` and ``last`` (first days
of months, inclusive), ``months`` and ``bounds()`` (aware local date-times ``[start, end)``);
``context.today`` is the local date; ``context.shared(key, fn)`` memoises a query several
figures share. It returns ``{(department_id, month): count}`` with ``month`` the first day of
the month (local time), only for months of the period, counts ≥ 0 and no personal data
(figures are shown on the public page 工作进展 unless ``public=False``). It should aggregate in
the database (``monthly_counts`` does it for a queryset). A key may be registered once; a
contributed key equal to a built-in one is refused (``ImproperlyConfigured``).
"""

import datetime
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Exists, F, OuterRef
from django.utils import timezone
from wagtail import hooks

from catalog.models import CertificateItem, ServiceGuide
from commitments.cases.enums import ApplicantChoice
from commitments.letters.enums import LetterChannel
from commitments.models import (
    AssistanceReply,
    AssistanceRequest,
    Case,
    ChoiceEntry,
    CommitmentLetter,
    FalseCommitment,
    VerificationResult,
    VerificationTask,
)
from commitments.verification.enums import VerificationFinding
from complaints.enums import CLOSED_STATUSES
from complaints.models import Complaint

from .enums import RuleStatus, SubmissionStatus
from .models import RuleDocument, Submission
from .periods import Period, monthly_counts

Counts = dict[tuple[int, datetime.date], int]


@dataclass
class Context:
    period: Period
    memo: dict = field(default_factory=dict)
    today: datetime.date = field(default_factory=timezone.localdate)

    def shared(self, key: str, compute: Callable[[], object]):
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]


# The groups, in the order of the pages: (key, title).
GROUPS = [
    ("catalog", "证明事项和办事指南"),
    ("choices", "申请人选择和告知承诺书"),
    ("letters", "承诺书登记"),
    ("verification", "核查"),
    ("false", "不实承诺和协助核查"),
    ("complaints", "投诉举报"),
    ("credit", "信用记录"),
    ("plan", "实施方案工作节点"),
    ("other", "其他"),
]
GROUP_TITLES = dict(GROUPS)
SUPERVISION_FIGURES_HOOK = "supervision_figures"


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    public: bool
    compute: Callable[[Context], Counts]
    group: str = "other"


FIGURES: list[Figure] = []


def register(
    key: str,
    label: str,
    compute: Callable[[Context], Counts],
    *,
    group: str = "other",
    public: bool = True,
) -> Figure:
    """Add a figure (see the module's contract). Refuses a key already registered."""
    if any(item.key == key for item in FIGURES):
        raise ImproperlyConfigured(f"统计项“{key}”已登记。")
    item = Figure(key, label, public, compute, group if group in GROUP_TITLES else "other")
    FIGURES.append(item)
    return item


def figure(key: str, label: str, *, group: str = "other", public: bool = True):
    def decorate(function: Callable[[Context], Counts]):
        register(key, label, function, group=group, public=public)
        return function

    return decorate


def all_figures() -> list[Figure]:
    """The built-in figures and those contributed through the ``supervision_figures`` hook,
    in the order of ``GROUPS``."""
    found = list(FIGURES)
    keys = {item.key for item in found}
    for hook in hooks.get_hooks(SUPERVISION_FIGURES_HOOK):
        for spec in hook() or ():
            key = spec["key"]
            if key in keys:
                raise ImproperlyConfigured(f"统计项“{key}”已登记。")
            keys.add(key)
            group = spec.get("group", "other")
            found.append(
                Figure(
                    key,
                    spec["label"],
                    bool(spec.get("public", True)),
                    spec["compute"],
                    group if group in GROUP_TITLES else "other",
                )
            )
    order = {key: index for index, (key, _) in enumerate(GROUPS)}
    return sorted(found, key=lambda item: order[item.group])  # stable within a group


def _clean_counts(item: Figure, counts, period: Period) -> Counts:
    """A figure's rows, kept only when they follow the contract (a unit id, a month of the
    period, a positive whole number)."""
    months = set(period.months)
    clean = {}
    for key, n in dict(counts or {}).items():
        if (
            isinstance(key, tuple)
            and len(key) == 2
            and isinstance(key[0], int)
            and key[1] in months
            and isinstance(n, int)
            and n > 0
        ):
            clean[key] = clean.get(key, 0) + n
    return clean


@figure("items_published", "新公布证明事项", group="catalog")
def items_published(context: Context) -> Counts:
    """Items published for the first time in the month (a later edit is not counted again)."""
    return monthly_counts(CertificateItem.objects.all(), "first_published_at", context.period)


@figure("guides_published", "新公布办事指南", group="catalog")
def guides_published(context: Context) -> Counts:
    return monthly_counts(ServiceGuide.objects.all(), "first_published_at", context.period)


def _choices(context: Context) -> dict:
    """The applicants' choices tallied per item and month (``ChoiceEntry``; a correction is a
    negative entry, so the sum is the corrected count)."""

    def compute():
        return monthly_counts(
            ChoiceEntry.objects.all(),
            "month",
            context.period,
            ("choice",),
            dates=True,
            total="count",
        )

    return context.shared("choices", compute)


def _choice_of(choice: str) -> Callable[[Context], Counts]:
    def compute(context: Context) -> Counts:
        return {
            (department, month): n
            for (department, month, row_choice), n in _choices(context).items()
            if row_choice == choice and n > 0
        }

    compute.__name__ = f"choices_{choice}"
    return compute


for _choice in ApplicantChoice:
    register(
        f"choices_{_choice.value}",
        f"申请人选择{_choice.label}",
        _choice_of(_choice),
        group="choices",
    )


@figure("forms_on_time", "告知承诺书按期送达", group="choices")
def forms_on_time(context: Context) -> Counts:
    """Remote applications whose form was sent in the month by its deadline."""
    on_time = Case.objects.filter(form_due_on__isnull=False, form_given_on__lte=F("form_due_on"))
    return monthly_counts(on_time, "form_given_on", context.period, dates=True)


@figure("forms_late", "告知承诺书逾期送达", group="choices")
def forms_late(context: Context) -> Counts:
    """Remote applications whose form was sent in the month after its deadline."""
    late = Case.objects.filter(form_due_on__isnull=False, form_given_on__gt=F("form_due_on"))
    return monthly_counts(late, "form_given_on", context.period, dates=True)


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
    register(
        f"letters_{_channel.value}",
        f"登记承诺书（{_channel.label}）",
        _letters_of(_channel),
        group="letters",
    )


@figure("verifications_due", "核查到期", group="verification")
def verifications_due(context: Context) -> Counts:
    """Verification tasks whose deadline falls in the month (every task, checked or not)."""
    return monthly_counts(VerificationTask.objects.all(), "due_on", context.period, dates=True)


@figure("verifications_done", "核查完成", group="verification")
def verifications_done(context: Context) -> Counts:
    """Tasks first checked in the month (a correction of a result is not a second check)."""
    # one first result per task: a later result must correct the current one (the service)
    first_results = VerificationResult.objects.filter(corrects__isnull=True)
    return monthly_counts(
        first_results, "checked_on", context.period, unit="task__department_id", dates=True
    )


@figure("verifications_overdue", "核查逾期未完成", group="verification")
def verifications_overdue(context: Context) -> Counts:
    """Tasks still unchecked after their deadline today (a withdrawn commitment is no longer
    checked), by the month of the deadline."""
    # as VerificationTask.objects.overdue(), written with NOT EXISTS: SQLite scans the tasks due
    # in the period by their index instead of joining every result and letter first
    checked = VerificationResult.objects.filter(task=OuterRef("pk"))
    withdrawn = CommitmentLetter.objects.filter(
        pk=OuterRef("letter_id"), withdrawn_on__isnull=False
    )
    overdue = (
        VerificationTask.objects.filter(due_on__lt=context.today)
        .exclude(Exists(checked))
        .exclude(Exists(withdrawn))
    )
    return monthly_counts(overdue, "due_on", context.period, dates=True)


def _results_by_finding(context: Context) -> dict:
    """Current results (not corrected since) by the month checked and the finding."""

    def compute():
        current = VerificationResult.objects.filter(correction__isnull=True)
        return monthly_counts(
            current,
            "checked_on",
            context.period,
            ("finding",),
            unit="task__department_id",
            dates=True,
        )

    return context.shared("results_by_finding", compute)


def _finding_of(finding: str) -> Callable[[Context], Counts]:
    def compute(context: Context) -> Counts:
        return {
            (department, month): n
            for (department, month, row_finding), n in _results_by_finding(context).items()
            if row_finding == finding
        }

    compute.__name__ = f"verification_{finding}"
    return compute


for _finding in VerificationFinding:
    register(
        f"verification_{_finding.value}",
        f"核查结果：{_finding.label}",
        _finding_of(_finding),
        group="verification",
    )


@figure("false_commitments", "查实不实承诺", group="false")
def false_commitments(context: Context) -> Counts:
    return monthly_counts(FalseCommitment.objects.all(), "opened_at", context.period)


@figure("assistance_answered", "协助核查已答复", group="false")
def assistance_answered(context: Context) -> Counts:
    """Requests first answered in the month, for the department asked to assist."""
    first_replies = AssistanceReply.objects.filter(corrects__isnull=True)
    return monthly_counts(
        first_replies,
        "replied_on",
        context.period,
        unit="request__assisting_department_id",
        dates=True,
        count="request_id",
        distinct=True,
    )


@figure("assistance_overdue", "协助核查逾期未答复", group="false")
def assistance_overdue(context: Context) -> Counts:
    """Requests still unanswered after their deadline today, by the month of the deadline."""
    overdue = AssistanceRequest.objects.overdue(context.today)
    return monthly_counts(
        overdue, "due_on", context.period, unit="assisting_department_id", dates=True
    )


@figure("complaints_received", "受理投诉举报", group="complaints")
def complaints_received(context: Context) -> Counts:
    return monthly_counts(Complaint.objects.all(), "received_at", context.period)


@figure("complaints_concluded", "办结投诉举报", group="complaints")
def complaints_concluded(context: Context) -> Counts:
    """Complaints closed in the month: concluded with an answer, or 不予受理 (also answered)."""
    closed = Complaint.objects.filter(status__in=CLOSED_STATUSES)
    return monthly_counts(closed, "closed_at", context.period)


@figure("complaints_on_time", "按期答复投诉举报", group="complaints")
def complaints_on_time(context: Context) -> Counts:
    """Complaints closed in the month whose answer was given by the due date."""
    on_time = Complaint.objects.filter(status__in=CLOSED_STATUSES, answered_on__lte=F("due_on"))
    return monthly_counts(on_time, "closed_at", context.period)


@figure("milestones_delivered", "工作节点材料获确认", group="plan")
def milestones_delivered(context: Context) -> Counts:
    """Document milestones confirmed by the justice bureau in the month (facts the platform
    ticks have no date: they are shown on the overview, not counted here)."""
    confirmed = Submission.objects.filter(status=SubmissionStatus.CONFIRMED)
    return monthly_counts(confirmed, "decided_at", context.period)


@figure("rules_approved", "规章制度获审定", group="plan")
def rules_approved(context: Context) -> Counts:
    """Versions of units' 工作规程 or 风险点与防控措施 approved in the month."""
    approved = RuleDocument.objects.filter(status=RuleStatus.APPROVED)
    return monthly_counts(approved, "decided_at", context.period)


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
    return {item.key: _clean_counts(item, item.compute(context), period) for item in all_figures()}


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
    for item in all_figures():
        if public_only and not item.public:
            continue
        by_month, by_unit, visible = defaultdict(int), defaultdict(int), {}
        for (department, month), n in counts.get(item.key, {}).items():
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
