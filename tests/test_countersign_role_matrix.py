"""Every role × the countersign step's decisions × a record of the user's own department and of
another one.

The route: leader → countersign by 旗政务服务局's leaders → justice bureau. "own" is the
department where the user holds a department role (department A for the editor and the
leader, 旗政务服务局 for the countersigning leader and editor); "other" is department B.
Reviewers, supervisors and administrators have no department: both columns must agree.
Records are submitted by a separate editor of their department, so no column is refused only
for being the user's own work.
"""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from catalog.services import item_review
from permissions.enums import Role
from publishing.models import CountersignTask, JusticeBureauReviewTask
from publishing.panels import awaiting_review

from .factories import approve, make_department, make_item, make_user, submit
from .routes_helpers import add_countersign

T, F = True, False
# role: {action: (own department, other department)}; "screen" is opening the review screen
# (reading the version under review), the others are deciding at the countersign step
EXPECTED = {
    "editor": {"approve": (F, F), "send_back": (F, F), "queue": (F, F), "screen": (T, F)},
    "leader": {"approve": (F, F), "send_back": (F, F), "queue": (F, F), "screen": (T, F)},
    "countersigner": {"approve": (T, T), "send_back": (T, T), "queue": (T, T), "screen": (T, T)},
    "countersign_editor": {
        "approve": (F, F),
        "send_back": (F, F),
        "queue": (F, F),
        "screen": (T, F),
    },
    "reviewer": {"approve": (F, F), "send_back": (F, F), "queue": (F, F), "screen": (T, T)},
    "supervisor": {"approve": (F, F), "send_back": (F, F), "queue": (F, F), "screen": (T, T)},
    "administrator": {
        "approve": (F, F),
        "send_back": (F, F),
        "queue": (F, F),
        "screen": (T, T),
    },
}


@pytest.fixture
def world(db):
    dept_a = make_department("测试甲局")
    dept_b = make_department("测试乙局")
    zwfw = make_department("旗政务服务局")
    add_countersign(zwfw, matter_types=[])
    leaders = {
        d.pk: make_user(f"lead{d.pk}", role=Role.LEADER, departments=[d]) for d in (dept_a, dept_b)
    }
    countersigner = make_user("zwfw_leader", role=Role.LEADER, departments=[zwfw])
    users = {
        "editor": make_user("u_editor", role=Role.EDITOR, departments=[dept_a]),
        "leader": leaders[dept_a.pk],
        "countersigner": countersigner,
        "countersign_editor": make_user("u_zwfw_editor", role=Role.EDITOR, departments=[zwfw]),
        "reviewer": make_user("u_reviewer", role=Role.REVIEWER),
        "supervisor": make_user("u_supervisor", role=Role.SUPERVISOR),
        "administrator": make_user("u_admin", role=Role.ADMINISTRATOR),
    }
    leaders[zwfw.pk] = countersigner

    submitters = {
        d.pk: make_user(f"sub{d.pk}", role=Role.EDITOR, departments=[d])
        for d in (dept_a, dept_b, zwfw)
    }

    def at_countersign(department):
        submitter = submitters[department.pk]
        item = submit(make_item(submitter, department), submitter)
        approve(item, leaders[department.pk])  # the leader's step
        assert isinstance(item.current_workflow_task.specific, CountersignTask)
        return item

    own_department = {"countersigner": zwfw, "countersign_editor": zwfw}
    return users, at_countersign, own_department, dept_a, dept_b


def _may(action, user, item, client):
    if action == "queue":
        return item.pk in {obj.pk for obj, _state in awaiting_review(user)}
    if action == "screen":
        client.force_login(user)
        response = client.get(reverse("publishing_review", args=[item.pk]))
        return response.status_code == 200
    name = "approve" if action == "approve" else "reject"
    try:
        item_review(user=user, item=item, action=name, comment="会签意见")
    except PermissionDenied:
        return False
    return True


@pytest.mark.parametrize("role", EXPECTED)
def test_countersign_step_role_matrix(role, world, client):
    users, at_countersign, own_department, dept_a, dept_b = world
    user = users[role]
    own = own_department.get(role, dept_a)
    for action, expected in EXPECTED[role].items():
        got = []
        for department in (own, dept_b):
            item = at_countersign(department)
            got.append(_may(action, user, item, client))
            item.refresh_from_db()
            if action == "approve" and got[-1]:
                # the justice bureau's review is still the last step
                assert isinstance(item.current_workflow_task.specific, JusticeBureauReviewTask)
                assert item.live is False
        assert tuple(got) == expected, f"{role} {action}: {got} != {expected}"
