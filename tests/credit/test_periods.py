"""The minimum and maximum publicity periods across their boundaries (the day before, of and
after): repair may be applied for from the day the minimum period has passed; the record
excludes through the last day of the maximum period and expires the day after."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from credit.enums import Behaviour, Grade, RecordState
from credit.exclusion import excluding_record
from credit.models import GradePeriod
from credit.objections import repair_apply
from credit.services import records_expire

from ..cases.helpers import make_world
from ..letters.helpers import PERSON_ID
from .helpers import D, make_record

ONE = datetime.timedelta(days=1)
# grade → (decided on, first day repair may be applied for, last day of publicity)
CASES = {
    Grade.ORDINARY: (D(2025, 11, 30), D(2026, 2, 28), D(2026, 11, 29)),
    Grade.GRAVE: (D(2024, 8, 31), D(2025, 2, 28), D(2027, 8, 30)),
    Grade.SERIOUS: (D(2024, 2, 29), D(2025, 2, 28), D(2027, 2, 27)),
}


@pytest.fixture
def world(db):
    return make_world()


def test_the_seeded_periods_are_those_of_the_national_rules(db):
    periods = {p.grade: (p.min_months, p.max_months) for p in GradePeriod.objects.all()}
    assert periods == {Grade.ORDINARY: (3, 12), Grade.GRAVE: (6, 36), Grade.SERIOUS: (12, 36)}


@pytest.mark.parametrize("grade", list(CASES))
def test_the_period_is_computed_from_the_grade(world, grade):
    decided, repair_from, last_day = CASES[grade]
    record = make_record(
        world["users"]["editor"],
        world["own"],
        grade=grade,
        decided_on=decided,
        behaviour=Behaviour.UNFULFILLED,
        today=decided,
    )
    assert (record.repair_from, record.publicity_end) == (repair_from, last_day)


def _apply(world, record, day):
    return repair_apply(
        user=world["users"]["editor"],
        record=record,
        applied_on=day,
        statement="已整改。",
        rectified=True,
        files=[SimpleUploadedFile("a.pdf", b"%PDF-1.4 x")],
        today=day,
    )


@pytest.mark.parametrize("grade", list(CASES))
@pytest.mark.parametrize("offset,allowed", [(-1, False), (0, True), (1, True)])
def test_repair_across_the_minimum_period(world, grade, offset, allowed):
    decided, repair_from, _ = CASES[grade]
    record = make_record(
        world["users"]["editor"],
        world["own"],
        grade=grade,
        decided_on=decided,
        behaviour=Behaviour.UNFULFILLED,
        today=decided,
    )
    day = repair_from + offset * ONE
    if allowed:
        _apply(world, record, day)
        record.refresh_from_db()
        assert record.state == RecordState.REPAIRING
    else:
        with pytest.raises(ValidationError) as e:
            _apply(world, record, day)
        assert e.value.message_dict["applied_on"] == [
            f"最短公示期未满：{Grade(grade).label}失信记录自{repair_from:%Y-%m-%d}起方可申请信用修复。"
        ]


@pytest.mark.parametrize("grade", list(CASES))
@pytest.mark.parametrize("offset,in_force", [(-1, True), (0, True), (1, False)])
def test_exclusion_and_expiry_across_the_maximum_period(world, grade, offset, in_force):
    decided, _, last_day = CASES[grade]
    record = make_record(
        world["users"]["editor"],
        world["own"],
        grade=grade,
        decided_on=decided,
        behaviour=Behaviour.FALSE_COMMITMENT,
        today=decided,
    )
    day = last_day + offset * ONE
    assert (excluding_record(PERSON_ID, day) == record) is in_force
    assert records_expire(today=day) == (0 if in_force else 1)
    record.refresh_from_db()
    assert (record.state == RecordState.EXPIRED) is not in_force
