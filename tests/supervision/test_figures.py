"""Each figure computed from seeded records equals a count done independently here, per unit
and month and for the whole banner; periods are read from the query string with errors."""

import datetime
from collections import Counter

import pytest
from django.utils import timezone

from catalog.models import CertificateItem, ServiceGuide
from commitments.letters.services import letter_register
from commitments.models import CommitmentLetter
from complaints.models import Complaint
from supervision import figures, periods
from supervision.models import Submission
from supervision.services import submission_decide, submission_deliver

from ..credit.test_figures import EXPECTED_KEYS as CREDIT_KEYS
from ..guides.helpers import make_guide
from ..letters.helpers import TODAY, disclosed_item, person
from .helpers import make_plan, milestone, pdf, seed_complaints
from .test_casework_figures import EXPECTED_KEYS as CASEWORK_KEYS


def month_of(moment) -> datetime.date:
    return timezone.localtime(moment).date().replace(day=1)


def moved(model, pk, months_back: int, field: str):
    """Date a row's moment ``months_back`` months earlier (the records of past months)."""
    value = getattr(model.objects.get(pk=pk), field)
    model.objects.filter(pk=pk).update(**{field: value - datetime.timedelta(days=31 * months_back)})


@pytest.fixture
def records(dept_a, dept_b, editor_a, editor_b, reviewer):
    items = [disclosed_item(editor_a, dept_a, reviewer, name=f"甲证明{n}") for n in range(3)]
    items.append(disclosed_item(editor_b, dept_b, reviewer, name="乙证明"))
    moved(CertificateItem, items[0].pk, 2, "first_published_at")
    channels = ["in_person", "in_person", "post", "email", "fax"]
    for n, channel in enumerate(channels):
        fields = person(channel=channel)
        if channel != "in_person":
            fields["form_sent_on"] = fields["received_on"]
        letter = letter_register(
            user=editor_a if n % 2 == 0 else editor_b,
            item=items[0] if n % 2 == 0 else items[3],
            fields=fields,
            disclose=True,
            today=TODAY,
        )
        if n < 2:
            moved(CommitmentLetter, letter.pk, 1, "registered_at")
    for n, (editor, department) in enumerate(((editor_a, dept_a), (editor_b, dept_b))):
        guide = make_guide(editor, department, name=f"指南{n}")
        ServiceGuide.objects.filter(pk=guide.pk).update(
            live=True, first_published_at=timezone.now() - datetime.timedelta(days=40 * n)
        )
    plan = make_plan()
    submission = submission_deliver(
        user=editor_a, milestone=milestone(plan), department=dept_a, files=[pdf()]
    )
    submission_decide(user=reviewer, submission=submission, action="confirm")
    submission_deliver(  # submitted, not confirmed: not counted
        user=editor_b, milestone=milestone(plan), department=dept_b, files=[pdf()]
    )
    seed_complaints(editor_a, dept_a, editor_b, dept_b)
    return {"a": dept_a, "b": dept_b}


def independent_counts() -> dict[str, Counter]:
    counts = {
        "items_published": Counter(
            (i.department_id, month_of(i.first_published_at))
            for i in CertificateItem.objects.exclude(first_published_at=None)
        ),
        "guides_published": Counter(
            (g.department_id, month_of(g.first_published_at))
            for g in ServiceGuide.objects.exclude(first_published_at=None)
        ),
        "milestones_delivered": Counter(
            (s.department_id, month_of(s.decided_at))
            for s in Submission.objects.all()
            if s.status == "confirmed"
        ),
        "complaints_received": Counter(
            (c.department_id, month_of(c.received_at)) for c in Complaint.objects.all()
        ),
        "complaints_concluded": Counter(
            (c.department_id, month_of(c.closed_at))
            for c in Complaint.objects.all()
            if c.status in ("concluded", "rejected")
        ),
        "complaints_on_time": Counter(
            (c.department_id, month_of(c.closed_at))
            for c in Complaint.objects.all()
            if c.status in ("concluded", "rejected") and c.answered_on <= c.due_on
        ),
    }
    for channel in ("in_person", "post", "fax", "email"):
        counts[f"letters_{channel}"] = Counter(
            (letter.department_id, month_of(letter.registered_at))
            for letter in CommitmentLetter.objects.all()
            if letter.channel == channel
        )
    return counts


def test_every_figure_equals_an_independent_count(records):
    period = periods.Period.last_months(6)
    tables = {t.figure.key: t for t in figures.compute(period)}
    expected = independent_counts()
    # every figure is counted independently here, in test_casework_figures or (contributed
    # by the credit app) in tests/credit/test_figures
    assert set(tables) == set(expected) | set(CASEWORK_KEYS) | CREDIT_KEYS
    for key, counter in expected.items():
        assert tables[key].by_unit_month == dict(counter), key
        banner = Counter()
        for (_, month), n in counter.items():
            banner[month] += n
        assert tables[key].by_month == dict(banner), key
        assert tables[key].total == sum(counter.values()), key
    # the seeded records span several months and both units
    assert len({month for _, month in expected["items_published"]}) == 2
    assert tables["letters_in_person"].total == 2 and tables["milestones_delivered"].total == 1
    assert len({month for _, month in expected["complaints_received"]}) == 2
    assert (
        tables["complaints_received"].total,
        tables["complaints_concluded"].total,
        tables["complaints_on_time"].total,
    ) == (4, 3, 2)


def test_a_period_excludes_what_happened_before_it(records):
    this_month = periods.Period.last_months(1)
    tables = {t.figure.key: t for t in figures.compute(this_month)}
    expected = independent_counts()["items_published"]
    now = timezone.localdate().replace(day=1)
    assert tables["items_published"].total == sum(n for (_, m), n in expected.items() if m == now)
    assert tables["items_published"].total == 3


def test_per_unit_values_are_limited_to_the_units_in_scope(records):
    a = records["a"].pk
    tables = {
        t.figure.key: t
        for t in figures.compute(periods.Period.last_months(6), department_ids=frozenset({a}))
    }
    items = tables["items_published"]
    assert set(items.by_unit) == {a} and items.by_unit[a] == 3
    assert all(unit == a for unit, _ in items.by_unit_month)
    assert items.total == 4  # the banner-wide figure stays banner-wide


@pytest.mark.parametrize(
    ("params", "errors"),
    [
        ({"start": "2026-01", "end": "2026-03"}, {}),
        ({"start": "2026-13"}, {"start": "起始月份格式应为“2026-01”。"}),
        ({"start": "2026-05", "end": "2026-02"}, {"end": "截止月份不能早于起始月份。"}),
        ({"start": "2000-01", "end": "2026-12"}, {"end": "一次最多统计 120 个月。"}),
    ],
)
def test_period_from_the_query_string(params, errors):
    period, found = periods.period_from(params)
    assert found == errors
    assert period.first <= period.last and len(period.months) <= 120
    if not errors:
        assert period.months == [datetime.date(2026, m, 1) for m in (1, 2, 3)]


def test_pages_read_the_counts_once_per_period_until_the_cache_expires(
    records, django_assert_num_queries
):
    period = periods.Period.last_months(6)
    first = figures.cached_counts(period)
    with django_assert_num_queries(0):
        again = figures.cached_counts(period)
    assert again == first == figures.raw_counts(period)


def test_wechats_from_parameter_is_not_read_as_the_period():
    assert periods.period_from({"from": "singlemessage", "isappinstalled": "0"}) == (
        periods.Period.last_months(12),
        {},
    )
