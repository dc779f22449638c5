"""The demo casework holds cases in every state, an overdue form, an overdue verification, one
due within 2 working days and an overdue assistance request on whatever day it is loaded: its
dates are moved from the day they were written for (2026-12-05) by official working days
(``fixtures.demo_clock.DayShift``). Loaded here with the loading day moved to two other days
(before the Spring Festival and the Dragon Boat Festival of 2026)."""

import datetime
from unittest import mock

import pytest
from django.core.management import call_command

from commitments.cases.enums import CaseStatus
from commitments.dashboard.queues import soon
from commitments.models import (
    AssistanceRequest,
    Case,
    CommitmentLetter,
    FalseCommitment,
    VerificationTask,
)
from commitments.workdays import add_working_days, is_working_day
from fixtures.demo_clock import WRITTEN_FOR, DayShift

D = datetime.date


@pytest.mark.django_db
def test_the_day_shift_keeps_working_day_distances_across_holidays_and_make_up_days():
    shift = DayShift(D(2026, 2, 24))  # a Tuesday after the 2026 Spring Festival holiday
    # the last working day before it is the make-up Saturday 2026-02-14
    assert shift.base_from == D(2026, 12, 4) and shift.base_to == D(2026, 2, 14)
    # 2026-09-30 + 15 working days (National Day holiday, the make-up Saturday 10-10)
    start, due = D(2026, 9, 30), add_working_days(D(2026, 9, 30), 15)
    assert add_working_days(shift(start), 15) == shift(due)
    assert all(is_working_day(shift(day)) for day in (start, due))
    assert DayShift(WRITTEN_FOR)(start) == start  # loaded on the day written for: unchanged


@pytest.mark.django_db
@pytest.mark.parametrize("load_on", [D(2026, 3, 9), D(2026, 6, 16)])
def test_demo_casework_holds_every_state_whatever_day_it_is_loaded(load_on):
    with mock.patch("fixtures.demo_clock.load_day", return_value=load_on):
        call_command("load_demo_data", verbosity=0)
    cases = list(Case.objects.all())
    assert {case.status(load_on) for case in cases} == set(CaseStatus)
    assert any(case.form_overdue(load_on) for case in cases)
    assert {case.outcome for case in cases} >= {"granted", "refused", "terminated"}
    tasks = VerificationTask.objects.open()
    assert tasks.overdue(load_on).exists()
    assert tasks.filter(due_on__gte=load_on, due_on__lte=soon(load_on)).exists()
    assert AssistanceRequest.objects.overdue(load_on).count() == 1
    false = FalseCommitment.objects.get()
    assert false.case.outcome == "terminated"
    dates = [c.received_on for c in cases] + list(
        CommitmentLetter.objects.values_list("signed_on", flat=True)
    )
    assert max(dates) < load_on and min(dates) > load_on - datetime.timedelta(days=150)
