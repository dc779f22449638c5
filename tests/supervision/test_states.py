"""The state of a unit at a milestone: across due dates, after a return, and for facts the
platform ticks automatically."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from catalog.enums import DepartmentKind
from supervision import states
from supervision.enums import Deliverable, MilestoneState
from supervision.models import Milestone, Plan
from supervision.services import submission_decide, submission_deliver

from ..factories import make_department, make_item, publish
from .helpers import make_plan, milestone, pdf

DUE = datetime.date(2030, 4, 2)
BEFORE, AFTER = DUE - datetime.timedelta(days=1), DUE + datetime.timedelta(days=1)


def state(plan, department, deliverable=Deliverable.DOCUMENT, today=BEFORE):
    return states.cell(milestone(plan, deliverable), department, today=today).state


def test_nothing_submitted_is_not_submitted_until_the_due_date_then_overdue(dept_a):
    plan = make_plan(due=DUE)
    assert state(plan, dept_a, today=BEFORE) == MilestoneState.NOT_SUBMITTED
    assert state(plan, dept_a, today=DUE) == MilestoneState.NOT_SUBMITTED
    assert state(plan, dept_a, today=AFTER) == MilestoneState.OVERDUE


def test_submitted_then_confirmed_whatever_the_date(dept_a, editor_a, reviewer):
    plan = make_plan(due=DUE)
    submission = submission_deliver(
        user=editor_a, milestone=milestone(plan), department=dept_a, files=[pdf()]
    )
    assert state(plan, dept_a, today=AFTER) == MilestoneState.SUBMITTED
    submission_decide(user=reviewer, submission=submission, action="confirm")
    assert state(plan, dept_a, today=BEFORE) == MilestoneState.CONFIRMED
    assert state(plan, dept_a, today=AFTER) == MilestoneState.CONFIRMED


def test_a_returned_deliverable_keeps_its_comment_and_is_submitted_again(
    dept_a, editor_a, reviewer
):
    plan = make_plan(due=DUE)
    target = milestone(plan)
    first = submission_deliver(user=editor_a, milestone=target, department=dept_a, files=[pdf()])
    with pytest.raises(ValidationError) as caught:
        submission_decide(user=reviewer, submission=first, action="return", comment="  ")
    assert "审核意见" in caught.value.message_dict["comment"][0]
    submission_decide(user=reviewer, submission=first, action="return", comment="缺少目录附件。")
    cell = states.cell(target, dept_a, today=AFTER)
    assert cell.state == MilestoneState.RETURNED and cell.submission.comment == "缺少目录附件。"
    again = submission_deliver(
        user=editor_a, milestone=target, department=dept_a, files=[pdf("补充.pdf")]
    )
    assert again.pk == first.pk and state(plan, dept_a) == MilestoneState.SUBMITTED
    assert again.documents.count() == 2  # the first upload is kept
    assert [(h.status, h.history_user) for h in again.history.order_by("history_date")] == [
        ("submitted", editor_a),
        ("returned", reviewer),
        ("submitted", editor_a),
    ]


def test_a_confirmed_or_pending_deliverable_cannot_be_submitted_again(dept_a, editor_a, reviewer):
    plan = make_plan(due=DUE)
    target = milestone(plan)
    submission = submission_deliver(
        user=editor_a, milestone=target, department=dept_a, files=[pdf()]
    )
    with pytest.raises(ValidationError, match="等待司法局确认"):
        submission_deliver(user=editor_a, milestone=target, department=dept_a, files=[pdf()])
    submission_decide(user=reviewer, submission=submission, action="confirm")
    with pytest.raises(ValidationError, match="已确认"):
        submission_deliver(user=editor_a, milestone=target, department=dept_a, files=[pdf()])
    with pytest.raises(ValidationError, match="已提交"):
        submission_decide(user=reviewer, submission=submission, action="return", comment="x")


def test_liaison_contacts_are_ticked_when_complete(dept_a):
    plan = make_plan(due=DUE)
    assert state(plan, dept_a, Deliverable.LIAISON_COMPLETE, AFTER) == MilestoneState.OVERDUE
    for field in states.LIAISON_FIELDS:
        setattr(dept_a, field, "13900000000" if "phone" in field or "mobile" in field else "王某")
    dept_a.liaison_mobile = ""
    dept_a.save()
    assert state(plan, dept_a, Deliverable.LIAISON_COMPLETE) == MilestoneState.NOT_SUBMITTED
    dept_a.liaison_mobile = "13900000001"
    dept_a.save()
    cell = states.cell(milestone(plan, Deliverable.LIAISON_COMPLETE), dept_a, today=AFTER)
    assert cell.state == MilestoneState.CONFIRMED and cell.label == "已确认（自动）"


def test_catalog_published_is_ticked_by_a_live_item_only(dept_a, editor_a, reviewer):
    plan = make_plan(due=DUE)
    item = make_item(editor_a, dept_a)
    assert state(plan, dept_a, Deliverable.CATALOG_PUBLISHED) == MilestoneState.NOT_SUBMITTED
    publish(item, editor_a, reviewer)
    assert state(plan, dept_a, Deliverable.CATALOG_PUBLISHED) == MilestoneState.CONFIRMED
    assert state(plan, dept_a, Deliverable.GUIDES_PUBLISHED) == MilestoneState.NOT_SUBMITTED


def test_a_fact_cannot_be_uploaded(dept_a, editor_a):
    plan = make_plan(due=DUE)
    with pytest.raises(ValidationError, match="自动核对"):
        submission_deliver(
            user=editor_a,
            milestone=milestone(plan, Deliverable.CATALOG_PUBLISHED),
            department=dept_a,
            files=[pdf()],
        )


def test_a_milestone_for_other_kinds_does_not_apply(dept_a, editor_a):
    plan = make_plan(due=DUE)
    target = milestone(plan)
    target.for_banner_departments = False
    target.save()
    cell = states.cell(target, dept_a)
    assert cell.state is None and cell.label == "不适用"
    with pytest.raises(ValidationError, match="不适用"):
        submission_deliver(user=editor_a, milestone=target, department=dept_a, files=[pdf()])


def test_matrix_totals_equal_a_count_of_its_cells(dept_a, dept_b, editor_a, reviewer):
    township = make_department("某苏木", kind=DepartmentKind.TOWNSHIP)
    plan = make_plan(due=DUE)
    target = milestone(plan)
    target.for_townships = False
    target.save()
    submission_deliver(user=editor_a, milestone=target, department=dept_a, files=[pdf()])
    result = states.matrix(plan, [dept_a, dept_b, township], today=AFTER)
    assert [d for d, _ in result.rows] == [dept_a, dept_b, township]
    by_state = {}
    for _, cells in result.rows:
        for cell in cells:
            if cell.milestone == target and cell.state:
                by_state[cell.state] = by_state.get(cell.state, 0) + 1
    assert by_state == {MilestoneState.SUBMITTED: 1, MilestoneState.OVERDUE: 1}
    assert {k: v for k, v in result.totals[target.pk].items() if v} == {
        "submitted": 1,
        "overdue": 1,
    }


def test_the_seed_plan_ships_with_its_dates(db):
    plan = Plan.objects.get(year=2021)
    dates = {m.name: m.due_on for m in Milestone.objects.filter(plan=plan)}
    assert dates["报送联络员信息表（附件2）"] == datetime.date(2021, 3, 26)
    assert dates["制定实施方案（附证明事项目录）并报备"] == datetime.date(2021, 4, 2)
    assert dates["建章立制：工作规程和风险点与防控措施"] == datetime.date(2021, 4, 9)
    assert dates["第一阶段书面总结"] == datetime.date(2021, 7, 9)
    assert dates["第二阶段书面总结"] == datetime.date(2021, 10, 9)
    assert plan.milestones.get(name="报送联络员信息表（附件2）").deliverable == (
        Deliverable.LIAISON_COMPLETE
    )
