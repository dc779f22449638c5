"""Every role × every guide action × a guide of the user's own department and of another one,
as for items in tests/test_role_matrix.py ("own" is department A, "other" department B)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry

from catalog.action_menu import withdraw_url
from catalog.models import ServiceGuide
from catalog.services import item_review
from permissions.enums import Role

from ..factories import make_department, make_user
from .helpers import form_data, make_guide, submit_guide

NS = "wagtailsnippets_catalog_serviceguide"
ACTIONS = ["list", "edit", "history", "submit", "approve", "withdraw", "create", "upload_image"]
T, F = True, False
EXPECTED = {
    "editor": {
        "list": (T, F),
        "edit": (T, F),
        "history": (T, F),
        "submit": (T, F),
        "approve": (F, F),
        "withdraw": (F, F),
        "create": (T, F),
        "upload_image": (T, T),
    },
    "leader": {
        "list": (T, F),
        "edit": (F, F),
        "history": (T, F),
        "submit": (F, F),
        "approve": (T, F),
        "withdraw": (F, F),
        "create": (F, F),
        "upload_image": (F, F),
    },
    # reviewers upload the images of the content pages they write (ADR 019): the image
    # library is one root collection, so there is no own/other department
    "reviewer": dict.fromkeys(ACTIONS, (T, T)),
    "supervisor": {a: ((T, T) if a in {"list", "history"} else (F, F)) for a in ACTIONS},
    "administrator": {a: ((T, T) if a in {"list", "history"} else (F, F)) for a in ACTIONS},
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
        "author_a": make_user("author_a", role=Role.EDITOR, departments=[dept_a]),
        "author_b": make_user("author_b", role=Role.EDITOR, departments=[dept_b]),
        "other_reviewer": make_user("other_reviewer", role=Role.REVIEWER),
    }
    return {"own": dept_a, "other": dept_b, "users": users}


def _guide(world, relation, state, name):
    author = world["users"]["author_a" if relation == "own" else "author_b"]
    guide = make_guide(author, world[relation], name=name)
    if state == "draft":
        return guide
    submit_guide(guide, author)
    if state == "in_review":
        return guide
    if guide.current_workflow_task.specific.__class__.__name__.startswith("Department"):
        item_review(user=world["users"]["leader"], item=guide, action="approve")
    item_review(user=world["users"]["other_reviewer"], item=guide, action="approve")
    guide.refresh_from_db()
    return guide


def attempt(action, client, user, world, relation) -> bool:
    name = f"{relation}-{action}"
    if action == "create":
        return (
            f'<option value="{world[relation].pk}"'
            in client.get(reverse(f"{NS}:add")).content.decode()
        )
    if action == "upload_image":
        policy = policy_registry.get_by_type(get_image_model())
        return policy.user_has_permission(user, "add")
    if action == "submit":
        guide = _guide(world, relation, "draft", name)
        client.post(
            reverse(f"{NS}:edit", args=[guide.pk]),
            form_data(world[relation], guide, name=name, **{"action-submit": "1"}),
        )
        guide.refresh_from_db()
        return guide.current_workflow_state is not None
    if action == "approve":
        guide = _guide(world, relation, "in_review", name)
        if (
            user.username != "leader"
            and guide.current_workflow_task.specific.__class__.__name__.startswith("Department")
        ):
            item_review(user=world["users"]["leader"], item=guide, action="approve")
        try:
            item_review(user=user, item=guide, action="approve")
        except (PermissionDenied, ValidationError):
            return False
        return True
    if action == "withdraw":
        guide = _guide(world, relation, "published", name)
        client.post(withdraw_url(ServiceGuide, guide.pk), {"reason": "事项取消"})
        guide.refresh_from_db()
        return not guide.live
    guide = _guide(world, relation, "published", name)
    url = {
        "list": reverse(f"{NS}:list"),
        "edit": reverse(f"{NS}:edit", args=[guide.pk]),
        "history": reverse(f"{NS}:history", args=[guide.pk]),
    }[action]
    response = client.get(url)
    return response.status_code == 200 and name in response.content.decode()


@pytest.mark.parametrize("role", list(EXPECTED))
def test_role_guide_action_department_matrix(client, world, role):
    user = world["users"][role]
    client.force_login(user)
    outcome = {
        action: tuple(attempt(action, client, user, world, r) for r in ("own", "other"))
        for action in ACTIONS
    }
    assert outcome == EXPECTED[role]


def test_matrix_covers_every_role_and_action():
    assert all(set(actions) == set(ACTIONS) for actions in EXPECTED.values())
