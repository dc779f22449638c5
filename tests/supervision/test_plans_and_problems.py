"""The justice bureau copies a plan to another year; units report problems and get answers."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from supervision.enums import ProblemStatus
from supervision.models import Plan, ProblemReport
from supervision.services import plan_copy, problem_answer, problem_report

from .helpers import make_plan


def test_copy_moves_every_milestone_to_the_same_day_of_the_new_year(reviewer):
    plan = Plan.objects.get(year=2021)
    copy = plan_copy(user=reviewer, plan=plan, year=2027)
    assert copy.name == "2027年实施方案"
    old = list(plan.milestones.order_by("due_on", "sort_order").values_list("name", "due_on"))
    new = list(copy.milestones.order_by("due_on", "sort_order").values_list("name", "due_on"))
    assert [n for n, _ in new] == [n for n, _ in old]
    assert [d for _, d in new] == [d.replace(year=2027) for _, d in old]


def test_copy_from_a_leap_day_lands_on_28_february(reviewer):
    plan = make_plan(year=2028, due=datetime.date(2028, 2, 29))
    copy = plan_copy(user=reviewer, plan=plan, year=2029)
    assert set(copy.milestones.values_list("due_on", flat=True)) == {datetime.date(2029, 2, 28)}


def test_copy_to_a_year_that_has_a_plan_is_refused_at_the_year_field(client, reviewer):
    plan = Plan.objects.get(year=2021)
    client.force_login(reviewer)
    response = client.post(reverse("supervision_plan_copy", args=[plan.pk]), {"year": 2021})
    assert "2021年的实施方案已存在。" in response.content.decode()
    with pytest.raises(ValidationError):
        plan_copy(user=reviewer, plan=plan, year=2021)
    assert Plan.objects.filter(year=2021).count() == 1


def test_a_problem_is_open_until_answered_with_history(editor_a, dept_a, reviewer):
    report = problem_report(user=editor_a, department=dept_a, title="打印乱码", body="PDF 乱码。")
    assert report.status == ProblemStatus.OPEN
    with pytest.raises(ValidationError) as caught:
        problem_answer(user=reviewer, report=report, answer=" ")
    assert caught.value.message_dict["answer"] == ["请填写答复内容。"]
    problem_answer(user=reviewer, report=report, answer="已升级字体。")
    report.refresh_from_db()
    assert (report.status, report.answered_by) == (ProblemStatus.ANSWERED, reviewer)
    assert [h.status for h in report.history.order_by("history_date")] == ["open", "answered"]


def test_an_empty_problem_is_refused_at_its_fields(client, editor_a, dept_a):
    client.force_login(editor_a)
    response = client.post(
        reverse("supervision_problem_new"), {"department": dept_a.pk, "title": "", "body": ""}
    )
    html = response.content.decode()
    assert "请用一句话写明问题。" in html and "请写明问题的情况，便于司法局答复。" in html
    assert not ProblemReport.objects.exists()


def test_a_clerk_lists_only_their_units_problems(client, editor_a, editor_b, dept_a, dept_b):
    problem_report(user=editor_a, department=dept_a, title="甲的问题", body="说明")
    problem_report(user=editor_b, department=dept_b, title="乙的问题", body="说明")
    client.force_login(editor_a)
    html = client.get(reverse("supervision_problems")).content.decode()
    assert "甲的问题" in html and "乙的问题" not in html
