"""The plan's admin pages: listings, the milestone form (Chinese, errors at the field), the
menu, and the overview's filters and export."""

import io

from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from catalog.enums import DepartmentKind
from supervision.models import Milestone, Plan
from supervision.services import plan_copy, submission_decide, submission_deliver

from ..factories import make_department
from .helpers import make_plan, milestone, pdf


def test_plan_listing_offers_copy_to_the_justice_bureau_only(client, reviewer, supervisor):
    plan = Plan.objects.get(year=2021)
    copy_url = reverse("supervision_plan_copy", args=[plan.pk])
    client.force_login(reviewer)
    html = client.get(reverse("supervision_plans:index")).content.decode()
    assert "2021年实施方案" in html and copy_url in html
    client.force_login(supervisor)
    html = client.get(reverse("supervision_plans:index")).content.decode()
    assert "2021年实施方案" in html and copy_url not in html


def test_milestone_form_saves_and_refuses_a_missing_date_at_the_field(client, reviewer):
    plan = Plan.objects.get(year=2021)
    client.force_login(reviewer)
    url = reverse("supervision_milestones:add")
    data = {
        "plan": plan.pk,
        "name": "年度考评材料",
        "due_on": "",
        "deliverable": "document",
        "description": "",
        "for_townships": "on",
        "sort_order": "9",
    }
    html = client.post(url, data).content.decode()
    assert "截止日期" in html and "必需字段" in html
    assert not Milestone.objects.filter(name="年度考评材料").exists()
    client.post(url, {**data, "due_on": "2021-12-01"})
    created = Milestone.objects.get(name="年度考评材料")
    assert created.kinds == [DepartmentKind.TOWNSHIP]
    assert created.kinds_label == "苏木镇人民政府"
    assert created.history.count() == 1


def test_supervision_menu_is_shown_to_roles_that_read_the_plan(
    client, supervisor, editor_a, administrator
):
    for user, shown in ((supervisor, True), (editor_a, True), (administrator, False)):
        client.force_login(user)
        html = client.get(reverse("wagtailadmin_home")).content.decode()
        assert (reverse("supervision_overview") in html) is shown, user


def test_overview_filters_by_kind_and_lists_units_without_published_items(client, supervisor):
    township = make_department("某苏木镇", kind=DepartmentKind.TOWNSHIP)
    bureau = make_department("某局")
    plan = make_plan()
    client.force_login(supervisor)
    url = reverse("supervision_overview")
    html = client.get(url, {"plan": plan.pk, "kind": DepartmentKind.TOWNSHIP}).content.decode()
    cell = reverse("supervision_cell", args=[milestone(plan).pk, township.pk])
    other = reverse("supervision_cell", args=[milestone(plan).pk, bureau.pk])
    assert cell in html and other not in html
    assert "尚无公布事项的单位（1 个）" in html


def test_export_writes_every_unit_with_the_state_as_text(
    client, supervisor, editor_a, dept_a, dept_b, reviewer
):
    plan = make_plan()
    submission = submission_deliver(
        user=editor_a, milestone=milestone(plan), department=dept_a, files=[pdf()]
    )
    submission_decide(user=reviewer, submission=submission, action="return", comment="缺附件")
    client.force_login(supervisor)
    response = client.get(reverse("supervision_overview_export"), {"plan": plan.pk})
    sheet = load_workbook(io.BytesIO(response.content))["工作进度"]
    rows = {row[1]: row for row in sheet.iter_rows(min_row=3, values_only=True) if row[1]}
    column = 3 + [m.pk for m in plan.milestones.order_by("due_on", "sort_order", "pk")].index(
        milestone(plan).pk
    )
    assert rows["甲局"][column] == "已退回：缺附件"
    assert rows["乙局"][column] == "未提交"


def test_milestone_listing_names_its_columns_in_chinese(client, supervisor):
    client.force_login(supervisor)
    html = client.get(reverse("supervision_milestones:index")).content.decode()
    assert "适用单位" in html and "全部单位" in html and "Kinds label" not in html


def test_the_overview_opens_on_this_years_plan_not_a_future_one(client, supervisor, reviewer):
    plan_2021 = Plan.objects.get(year=2021)
    plan_copy(user=reviewer, plan=plan_2021, year=timezone.localdate().year + 1)
    client.force_login(supervisor)
    html = client.get(reverse("supervision_overview")).content.decode()
    assert f'<option value="{plan_2021.pk}" selected>' in html


def test_dashboard_panel_counts_the_states_of_the_users_units(
    client, supervisor, editor_a, dept_a, dept_b, administrator
):
    plan = Plan.objects.get(year=2021)
    client.force_login(supervisor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    milestones = plan.milestones.count()
    # three units (甲局, 乙局 and the supervisor's 政务服务局), nothing delivered, every 2021
    # date past: every cell is overdue
    assert f"工作督查：{plan.name}" in html and f"逾期 {3 * milestones}" in html
    client.force_login(editor_a)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert f"逾期 {milestones}" in html
    client.force_login(administrator)
    assert "工作督查：" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_a_milestone_for_no_unit_kind_is_refused_at_the_field(client, reviewer):
    plan = Plan.objects.get(year=2021)
    client.force_login(reviewer)
    response = client.post(
        reverse("supervision_milestones:add"),
        {"plan": plan.pk, "name": "无人适用", "due_on": "2021-12-01", "deliverable": "document"},
    )
    assert "请至少选择一类适用单位。" in response.content.decode()
    assert not Milestone.objects.filter(name="无人适用").exists()
