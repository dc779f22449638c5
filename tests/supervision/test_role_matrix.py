"""Every role × every supervision action × the user's own unit and another one ("own" is
department A, "other" department B). Plans have no unit: both columns agree for them."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from permissions.enums import Role
from supervision.models import Plan, ProblemReport, Submission
from supervision.services import problem_report, submission_deliver

from ..factories import make_department, make_user
from .helpers import make_plan, milestone, pdf

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
]
T, F = True, False
READ = {"see_overview_row": (T, T), "open_cell": (T, T), "download": (T, T), "read_problem": (T, T)}
EXPECTED = {
    "editor": {
        **dict.fromkeys(ACTIONS, (F, F)),
        "see_overview_row": (T, F),
        "open_cell": (T, F),
        "download": (T, F),
        "deliver": (T, F),
        "report_problem": (T, F),
        "read_problem": (T, F),
    },
    "leader": {
        **dict.fromkeys(ACTIONS, (F, F)),
        "see_overview_row": (T, F),
        "open_cell": (T, F),
        "download": (T, F),
        "read_problem": (T, F),
    },
    "reviewer": {
        **dict.fromkeys(ACTIONS, (F, F)),
        **READ,
        "confirm": (T, T),
        "return": (T, T),
        "answer_problem": (T, T),
        "copy_plan": (T, T),
        "edit_milestone": (T, T),
    },
    "supervisor": {**dict.fromkeys(ACTIONS, (F, F)), **READ},
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
        "administrator": make_user("administrator", role=Role.ADMINISTRATOR),
    }
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
