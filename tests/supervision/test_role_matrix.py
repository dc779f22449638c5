"""Every role × every supervision action × the user's own unit and another one ("own" is
department A, "other" department B). Plans have no unit: both columns agree for them."""

import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from commitments.models import CommitmentLetter
from permissions.enums import Role
from supervision.enums import RuleKind
from supervision.models import Plan, ProblemReport, RuleDocument, Submission
from supervision.services import problem_report, rule_document_submit, submission_deliver

from ..factories import make_department, make_item, make_user
from .conftest import bind
from .helpers import make_plan, milestone, pdf


def unit_figure(html: str, unit: str, label: str = "登记承诺书（信函）"):
    """The unit's value of one figure in the page's 各单位合计 tables (None: row not shown)."""
    for table in BeautifulSoup(html, "html.parser").select("table.sv-units"):
        labels = [th.get_text(strip=True) for th in table.select("thead th")][1:]
        if label not in labels:
            continue
        for row in table.select("tbody tr"):
            if row.th and row.th.get_text(strip=True) == unit:
                return int(row.select("td")[labels.index(label)].get_text(strip=True))
    return None


ACTIONS = [
    "see_overview_row",
    "open_cell",
    "download",
    "deliver",
    "confirm",
    "return",
    "report_problem",
    "read_problem",
    "answer_problem",
    "copy_plan",
    "edit_milestone",
    "read_rules",
    "submit_rules",
    "approve_rules",
    "see_unit_figures",
    "export_unit_figures",
]
T, F = True, False
READ = {
    "see_overview_row": (T, T),
    "open_cell": (T, T),
    "download": (T, T),
    "read_problem": (T, T),
    "read_rules": (T, T),
    "see_unit_figures": (T, T),
    "export_unit_figures": (T, T),
}
OWN_READ = {
    "see_overview_row": (T, F),
    "open_cell": (T, F),
    "download": (T, F),
    "read_problem": (T, F),
    "read_rules": (T, F),
    "see_unit_figures": (T, F),
    "export_unit_figures": (T, F),
}
EXPECTED = {
    "editor": {
        **dict.fromkeys(ACTIONS, (F, F)),
        **OWN_READ,
        "deliver": (T, F),
        "report_problem": (T, F),
        "submit_rules": (T, F),
    },
    "leader": {**dict.fromkeys(ACTIONS, (F, F)), **OWN_READ},
    "reviewer": {
        **dict.fromkeys(ACTIONS, (F, F)),
        **READ,
        "confirm": (T, T),
        "return": (T, T),
        "answer_problem": (T, T),
        "copy_plan": (T, T),
        "edit_milestone": (T, T),
        "approve_rules": (T, T),
    },
    # bound to a supervising unit (政务服务局): reads every unit, changes nothing
    "supervisor": {**dict.fromkeys(ACTIONS, (F, F)), **READ},
    # a supervisor account not bound to 政务服务局 or 司法局 reads nothing of the plan
    "unbound_supervisor": dict.fromkeys(ACTIONS, (F, F)),
    "administrator": dict.fromkeys(ACTIONS, (F, F)),
}


@pytest.fixture
def world(db):
    dept_a, dept_b = make_department("甲局"), make_department("乙局")
    users = {
        "editor": make_user("editor", role=Role.EDITOR, departments=[dept_a]),
        "leader": make_user("leader", role=Role.LEADER, departments=[dept_a]),
        "reviewer": make_user("reviewer", role=Role.REVIEWER),
        "supervisor": make_user("supervisor", role=Role.SUPERVISOR),
        "unbound_supervisor": make_user("unbound", role=Role.SUPERVISOR),
        "administrator": make_user("administrator", role=Role.ADMINISTRATOR),
    }
    bind(users["supervisor"])
    authors = {
        "own": make_user("author_a", role=Role.EDITOR, departments=[dept_a]),
        "other": make_user("author_b", role=Role.EDITOR, departments=[dept_b]),
    }
    plan = make_plan()
    submitted = milestone(plan)
    world = {"own": dept_a, "other": dept_b, "users": users, "plan": plan}
    # "deliver" is tried on a second document milestone, nothing submitted there yet
    world["fresh"] = plan.milestones.create(name="待报送节点", due_on=submitted.due_on)
    for relation, author in authors.items():
        world[f"submission_{relation}"] = submission_deliver(
            user=author, milestone=submitted, department=world[relation], files=[pdf()]
        )
        world[f"problem_{relation}"] = problem_report(
            user=author, department=world[relation], title="系统问题", body="无法打印。"
        )
        world[f"rules_{relation}"] = rule_document_submit(
            user=author,
            department=world[relation],
            kind=RuleKind.PROCEDURE,
            text=f"{world[relation].name}工作规程全文",
        )
        # figures of the unit: one published item each (甲局 3, 乙局 5 letters by channel)
        world[f"letters_{relation}"] = 3 if relation == "own" else 5
        for n in range(world[f"letters_{relation}"]):
            CommitmentLetter.objects.create(
                department=world[relation],
                item=make_item(author, world[relation], name=f"证明{relation}{n}"),
                item_name="证明",
                item_purpose="测试",
                year=2026,
                number=n + 1,
                applicant_kind="person",
                person_name="测试",
                channel="post",
                received_on=datetime.date(2026, 1, 1),
                signed_on=datetime.date(2026, 1, 1),
                registered_by=author,
            )
    return world


def attempt(action, client, user, world, relation) -> bool:
    department = world[relation]
    submission = world[f"submission_{relation}"]
    cell_url = reverse("supervision_cell", args=[submission.milestone_id, department.pk])
    if action == "see_overview_row":
        html = client.get(reverse("supervision_overview") + f"?plan={world['plan'].pk}")
        return f'href="{cell_url}"' in html.content.decode()
    if action == "open_cell":
        response = client.get(cell_url)
        return response.status_code == 200 and department.name in response.content.decode()
    if action == "download":
        response = client.get(reverse("supervision_document", args=[submission.documents.get().pk]))
        return response.status_code == 200 and b"".join(response.streaming_content).startswith(
            b"%PDF"
        )
    if action == "deliver":
        try:
            submission_deliver(
                user=user, milestone=world["fresh"], department=department, files=[pdf()]
            )
        except PermissionDenied:
            return False
        return True
    if action in ("confirm", "return"):
        # each decision is tried on a pending deliverable (the previous action may have decided)
        Submission.objects.filter(pk=submission.pk).update(status="submitted", comment="")
        client.post(cell_url, {"action": action, "comment": "请补充。"})
        submission.refresh_from_db()
        return submission.status == ("confirmed" if action == "confirm" else "returned")
    if action == "report_problem":
        try:
            problem_report(user=user, department=department, title="问题", body="说明")
        except (PermissionDenied, ValidationError):
            return False
        return True
    problem = world[f"problem_{relation}"]
    if action == "read_problem":
        response = client.get(reverse("supervision_problem", args=[problem.pk]))
        return response.status_code == 200 and "无法打印" in response.content.decode()
    if action == "answer_problem":
        client.post(reverse("supervision_problem", args=[problem.pk]), {"answer": "已处理。"})
        return ProblemReport.objects.get(pk=problem.pk).answer == "已处理。"
    if action == "copy_plan":
        year = 2040 if relation == "own" else 2041
        client.post(reverse("supervision_plan_copy", args=[world["plan"].pk]), {"year": year})
        return Plan.objects.filter(year=year).exists()
    rules = world[f"rules_{relation}"]
    rules_url = reverse("supervision_rule", args=[department.pk, RuleKind.PROCEDURE])
    if action == "read_rules":
        response = client.get(rules_url)
        return response.status_code == 200 and f"{department.name}工作规程全文" in (
            response.content.decode()
        )
    if action == "submit_rules":
        try:
            rule_document_submit(
                user=user, department=department, kind=RuleKind.RISK_CONTROLS, text="风险点"
            )
        except PermissionDenied:
            return False
        return True
    if action == "approve_rules":
        client.post(rules_url, {"action": "approve", "comment": ""})
        rules.refresh_from_db()
        return rules.status == "approved"
    if action == "see_unit_figures":
        html = client.get(reverse("supervision_figures")).content.decode()
        return unit_figure(html, department.name) == world[f"letters_{relation}"]
    if action == "export_unit_figures":
        response = client.get(reverse("supervision_figures_export"))
        if response.status_code != 200:
            return False
        sheet = load_workbook(io.BytesIO(response.content))["各单位合计"]
        header = [c.value for c in sheet[2]]
        column = header.index("登记承诺书（信函）")
        values = {row[0]: row[column] for row in sheet.iter_rows(min_row=3, values_only=True)}
        return values.get(department.name) == world[f"letters_{relation}"]
    if action == "edit_milestone":
        target = world["fresh"]
        response = client.get(reverse("supervision_milestones:edit", args=[target.pk]))
        return response.status_code == 200 and target.name in response.content.decode()
    raise AssertionError(action)


@pytest.mark.parametrize("role", list(EXPECTED))
def test_role_supervision_action_unit_matrix(client, world, role):
    user = world["users"][role]
    client.force_login(user)
    outcome = {
        action: tuple(attempt(action, client, user, world, r) for r in ("own", "other"))
        for action in ACTIONS
    }
    assert outcome == EXPECTED[role]


def test_matrix_covers_every_role_and_action():
    assert all(set(actions) == set(ACTIONS) for actions in EXPECTED.values())


def test_supervisors_change_nothing(client, world):
    client.force_login(world["users"]["supervisor"])
    submission = world["submission_own"]
    before = Submission.objects.values_list("status", "comment").get(pk=submission.pk)
    cell_url = reverse("supervision_cell", args=[submission.milestone_id, world["own"].pk])
    client.post(cell_url, {"action": "confirm", "comment": ""})
    client.post(cell_url, {"action": "deliver", "files": [pdf()]})
    assert Submission.objects.values_list("status", "comment").get(pk=submission.pk) == before
    assert submission.documents.count() == 1
    html = client.get(cell_url).content.decode()
    assert 'value="confirm"' not in html and 'value="deliver"' not in html
    rules = world["rules_own"]
    rules_url = reverse("supervision_rule", args=[world["own"].pk, RuleKind.PROCEDURE])
    client.post(rules_url, {"action": "approve"})
    client.post(rules_url, {"action": "submit", "text": "监管人员改写"})
    rules.refresh_from_db()
    assert rules.status == "submitted" and RuleDocument.objects.count() == 2
    html = client.get(rules_url).content.decode()
    assert 'value="approve"' not in html and 'name="action" value="submit"' not in html


def test_an_unbound_supervisor_is_told_to_ask_for_a_supervising_unit(client, world):
    client.force_login(world["users"]["unbound_supervisor"])
    response = client.get(reverse("supervision_figures"), follow=True)
    assert "尚未绑定监督单位" in response.content.decode()


def test_the_system_administrator_binds_a_supervisor_to_a_supervising_unit_only(client, world):
    supervisor = world["users"]["unbound_supervisor"]
    justice = make_department("司法局")
    client.force_login(world["users"]["administrator"])
    url = reverse("supervision_supervisor_units")
    client.post(url, {"supervisor": supervisor.pk, "department": world["own"].pk})
    assert not hasattr(supervisor, "supervisor_unit") or not supervisor.supervisor_unit
    client.post(url, {"supervisor": supervisor.pk, "department": justice.pk})
    supervisor.refresh_from_db()
    assert supervisor.supervisor_unit.department == justice
    client.force_login(supervisor)
    html = client.get(reverse("supervision_figures")).content.decode()
    assert unit_figure(html, world["other"].name) == 5  # now reads every unit
    # a reviewer or a supervisor cannot bind anyone
    for role in ("reviewer", "supervisor"):
        client.force_login(world["users"][role])
        assert client.get(url).status_code in (302, 403)
