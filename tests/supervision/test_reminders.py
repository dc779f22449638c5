"""Reminders list open milestones due soon or overdue, not those delivered or far away."""

import datetime
import io

from django.core.management import call_command

from supervision.enums import Deliverable
from supervision.reminders import reminders
from supervision.services import submission_deliver

from .helpers import make_plan, milestone, pdf

DUE = datetime.date(2030, 4, 2)


def test_due_soon_and_overdue_are_reminded_delivered_and_far_ones_are_not(dept_a, dept_b, editor_a):
    plan = make_plan(due=DUE)
    submission_deliver(user=editor_a, milestone=milestone(plan), department=dept_a, files=[pdf()])
    soon = reminders(DUE - datetime.timedelta(days=3), days_ahead=7)
    document = [r for r in soon if r.milestone_name == milestone(plan).name]
    assert [r.department for r in document] == [dept_b]  # dept_a has submitted
    assert not document[0].overdue and "将于 2030-04-02 截止" in document[0].text
    assert reminders(DUE - datetime.timedelta(days=30), days_ahead=7) == []
    late = reminders(DUE + datetime.timedelta(days=1))
    catalog = [
        r for r in late if r.milestone_name == milestone(plan, Deliverable.CATALOG_PUBLISHED).name
    ]
    assert {r.department for r in catalog} == {dept_a, dept_b}
    assert all(r.overdue and "已逾期" in r.text for r in catalog)


def test_command_prints_the_reminders_and_their_count(dept_a):
    out = io.StringIO()
    call_command("supervision_reminders", "--days", "3", stdout=out)
    assert out.getvalue().strip().endswith("条提醒。")
