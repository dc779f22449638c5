"""The credit register's figures for supervision, contributed through the
``supervision_figures`` hook: records by grade and by state, per recording department and
month of the decision and banner-wide, equal to a count done here; shown on the dashboard, in
the Excel export and on the public page 工作进展 without any personal data."""

import io
from collections import Counter

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from openpyxl import load_workbook

from credit.enums import Behaviour, Grade, RecordState
from credit.models import CreditRecord
from supervision import figures, periods

from ..cases.helpers import make_world
from ..letters.helpers import PERSON_ID
from ..supervision.conftest import bind
from .helpers import OTHER_PERSON_ID, D, make_record

EXPECTED_KEYS = {f"credit_grade_{g}" for g in Grade.values} | {
    f"credit_state_{s}" for s in RecordState.values
}
PERIOD = periods.Period(D(2026, 6, 1), D(2026, 11, 1))
QUERY = {"start": "2026-06", "end": "2026-11"}


@pytest.fixture
def world(db):
    world = make_world()
    own, other = world["users"]["editor"], world["users"]["author_b"]
    seeds = [
        (own, world["own"], Behaviour.FALSE_COMMITMENT, Grade.GRAVE, D(2026, 11, 2), None),
        (own, world["own"], Behaviour.FALSE_COMMITMENT, Grade.SERIOUS, D(2026, 11, 5), None),
        (own, world["own"], Behaviour.UNFULFILLED, Grade.ORDINARY, D(2026, 9, 10), "objecting"),
        (other, world["other"], Behaviour.FALSE_COMMITMENT, Grade.GRAVE, D(2026, 9, 1), None),
        (other, world["other"], Behaviour.UNFULFILLED, Grade.ORDINARY, D(2026, 7, 1), "repaired"),
        # before the period: not counted
        (other, world["other"], Behaviour.FALSE_COMMITMENT, Grade.GRAVE, D(2026, 4, 1), None),
    ]
    for n, (user, department, behaviour, grade, decided_on, state) in enumerate(seeds):
        record = make_record(
            user,
            department,
            behaviour=behaviour,
            grade=grade,
            decided_on=decided_on,
            id_number=PERSON_ID if n % 2 else OTHER_PERSON_ID,
            subject_name=f"张三丰{n}",
        )
        if state:
            CreditRecord.objects.filter(pk=record.pk).update(state=state)
    return world


def independent_counts() -> dict[str, Counter]:
    records = [r for r in CreditRecord.objects.all() if PERIOD.first <= r.decided_on]
    month = {r.pk: r.decided_on.replace(day=1) for r in records}
    counts = {}
    for grade in Grade.values:
        counts[f"credit_grade_{grade}"] = Counter(
            (r.department_id, month[r.pk]) for r in records if r.grade == grade
        )
    for state in RecordState.values:
        counts[f"credit_state_{state}"] = Counter(
            (r.department_id, month[r.pk]) for r in records if r.state == state
        )
    return counts


def test_credit_figures_equal_an_independent_count_per_unit_month_and_banner(world):
    tables = {t.figure.key: t for t in figures.compute(PERIOD)}
    assert set(tables) >= EXPECTED_KEYS
    expected = independent_counts()
    for key in EXPECTED_KEYS:
        assert tables[key].figure.group == "credit", key
        assert tables[key].by_unit_month == dict(expected[key]), key
        banner = Counter()
        for (_, month), n in expected[key].items():
            banner[month] += n
        assert tables[key].by_month == dict(banner), key
        assert tables[key].total == sum(expected[key].values()), key
    # the seeds span units, months, grades and states; the April record is outside
    assert tables["credit_grade_grave"].by_unit_month == {
        (world["own"].pk, D(2026, 11, 1)): 1,
        (world["other"].pk, D(2026, 9, 1)): 1,
    }
    assert tables["credit_state_valid"].total == 3
    assert tables["credit_state_objecting"].total == 1
    assert tables["credit_state_repaired"].total == 1
    assert sum(tables[f"credit_grade_{g}"].total for g in Grade.values) == 5


def test_a_corrected_grade_moves_the_record_to_its_new_grade(world):
    record = CreditRecord.objects.get(grade=Grade.SERIOUS)
    CreditRecord.objects.filter(pk=record.pk).update(
        grade=Grade.ORDINARY, state=RecordState.CORRECTED
    )
    tables = {t.figure.key: t for t in figures.compute(PERIOD)}
    assert tables["credit_grade_serious"].total == 0
    assert tables["credit_state_corrected"].by_unit_month == {(world["own"].pk, D(2026, 11, 1)): 1}


def test_the_credit_figures_are_on_the_dashboard_and_in_the_export(client, world):
    supervisor = world["users"]["supervisor"]
    bind(supervisor)
    client.force_login(supervisor)
    html = client.get(reverse("supervision_figures"), QUERY).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    table = soup.select_one("#sv-credit table.sv-units")
    labels = [th.get_text(strip=True) for th in table.select("thead th")][1:]
    rows = {
        row.th.get_text(strip=True): dict(
            zip(labels, [td.get_text(strip=True) for td in row.select("td")], strict=True)
        )
        for row in table.select("tbody tr")
        if row.th
    }
    assert rows["甲局"]["认定失信记录（较重）"] == "1"
    assert rows["乙局"]["认定失信记录（一般）"] == "1"
    assert rows["甲局"]["失信记录现为异议中"] == "1"

    response = client.get(reverse("supervision_figures_export"), QUERY)
    workbook = load_workbook(io.BytesIO(response.content))
    units = workbook["各单位合计"]
    header = [c.value for c in units[2]]
    column = header.index("认定失信记录（严重）")
    values = {row[0]: row[column] for row in units.iter_rows(min_row=3, values_only=True)}
    assert values["甲局"] == 1 and values["乙局"] == 0
    banner = workbook["全旗按月"]
    last = [c.value for c in list(banner.iter_rows())[-1]]
    assert last[0] == "合计" and last[header.index("失信记录现为有效") - 1] == 3


def test_the_public_progress_page_shows_credit_counts_and_no_personal_data(client, world):
    html = client.get(reverse("public:progress"), QUERY).content.decode()
    assert "认定失信记录（较重）" in html and "失信记录现为已修复" in html
    for record in CreditRecord.objects.all():
        assert record.subject_name not in html
        assert record.document_number not in html
    assert PERSON_ID not in html and OTHER_PERSON_ID not in html
    assert "阿右司信决字" not in html
