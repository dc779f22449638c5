"""Every role × every action × an item of the user's own department and of another one.

"own" is department A (where the editor and the leader work); "other" is department B.
Reviewers, supervisors and administrators have no department: both columns must agree.
"""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from catalog.action_menu import withdraw_url
from catalog.models import CertificateItem
from catalog.services import item_review, item_submit
from publishing.services import catalog_revision_publish

from .factories import make_department, make_item, make_user, submit

NS = "wagtailsnippets_catalog_certificateitem"

ACTIONS = [
    "list",
    "inspect",
    "edit",
    "history",
    "compare",
    "revert",
    "preview",
    "lock",
    "delete_draft",
    "withdraw",
    "submit",
    "approve",
    "review_screen",
    "publish_catalog_revision",
    "create",
]

T, F = True, False
# role: {action: (own department, other department)}
EXPECTED = {
    "editor": {
        "list": (T, F),
        "inspect": (T, F),
        "edit": (T, F),
        "history": (T, F),
        "compare": (T, F),
        "revert": (T, F),
        "preview": (T, F),
        "lock": (T, F),
        "delete_draft": (T, F),
        "withdraw": (F, F),
        "submit": (T, F),
        "approve": (F, F),
        "review_screen": (F, F),
        "publish_catalog_revision": (F, F),
        "create": (T, F),
    },
    "leader": {
        "list": (T, F),
        "inspect": (T, F),
        "edit": (F, F),
        "history": (T, F),
        "compare": (T, F),
        "revert": (F, F),
        "preview": (F, F),
        "lock": (F, F),
        "delete_draft": (F, F),
        "withdraw": (F, F),
        "submit": (F, F),
        "approve": (T, F),
        "review_screen": (T, F),
        "publish_catalog_revision": (F, F),
        "create": (F, F),
    },
    "reviewer": dict.fromkeys(ACTIONS, (T, T)),
    "supervisor": {
        a: ((T, T) if a in {"list", "inspect", "history", "compare"} else (F, F)) for a in ACTIONS
    },
    "administrator": {
        a: ((T, T) if a in {"list", "inspect", "history", "compare"} else (F, F)) for a in ACTIONS
    },
    # 等保 separation of duties (ADR 010): the security administrator and the auditor have no
    # part in the catalog (their actions on accounts: tests/accounts/test_separation_of_duties.py)
    "security_admin": dict.fromkeys(ACTIONS, (F, F)),
    "auditor": dict.fromkeys(ACTIONS, (F, F)),
}


@pytest.fixture
def world(db):
    dept_a = make_department("甲局")
    dept_b = make_department("乙局")
    from permissions.enums import Role

    users = {
        "editor": make_user("editor", role=Role.EDITOR, departments=[dept_a]),
        "leader": make_user("leader", role=Role.LEADER, departments=[dept_a]),
        "reviewer": make_user("reviewer", role=Role.REVIEWER),
        "supervisor": make_user("supervisor", role=Role.SUPERVISOR),
        "administrator": make_user("administrator", role=Role.ADMINISTRATOR),
        "security_admin": make_user("security_admin", role=Role.SECURITY_ADMIN),
        "auditor": make_user("auditor", role=Role.AUDITOR),
        # authors of the items, never the actor
        "author_a": make_user("author_a", role=Role.EDITOR, departments=[dept_a]),
        "author_b": make_user("author_b", role=Role.EDITOR, departments=[dept_b]),
        "other_reviewer": make_user("other_reviewer", role=Role.REVIEWER),
    }
    return {"a": dept_a, "b": dept_b, "users": users}


def _item(world, relation, state):
    dept = world["a"] if relation == "own" else world["b"]
    author = world["users"]["author_a" if relation == "own" else "author_b"]
    item = make_item(author, dept, name=f"{dept.name}{state}事项")
    if state == "draft":
        return item
    item = submit(item, author)
    if state == "in_review":
        return item
    if item.current_workflow_task.specific.__class__.__name__ == "DepartmentLeaderApprovalTask":
        item_review(user=world["users"]["leader"], item=item, action="approve")
        item.refresh_from_db()
    item_review(user=world["users"]["other_reviewer"], item=item, action="approve")
    item.refresh_from_db()
    return item


def _shows(response, item) -> bool:
    return response.status_code == 200 and item.name in response.content.decode()


def attempt(action, client, user, world, relation) -> bool:
    """Try ``action`` as ``user``; True when it was allowed and took effect."""
    if action == "create":
        dept = world["a"] if relation == "own" else world["b"]
        response = client.get(reverse(f"{NS}:add"))
        return response.status_code == 200 and f'<option value="{dept.pk}"' in (
            response.content.decode()
        )
    if action == "publish_catalog_revision":
        _item(world, relation, "published")
        try:
            catalog_revision_publish(user=user)
        except (PermissionDenied, ValidationError):
            return False
        return True
    if action in {"approve", "review_screen"}:
        item = _item(world, relation, "in_review")
        task = item.current_workflow_task.specific
        if user.username != "leader" and task.__class__.__name__.startswith("Department"):
            # get the item to the justice bureau's step first
            item_review(user=world["users"]["leader"], item=item, action="approve")
            item.refresh_from_db()
        if action == "review_screen":
            response = client.get(reverse("publishing_review", args=[item.pk]))
            return _shows(response, item) and 'value="approve"' in response.content.decode()
        try:
            item_review(user=user, item=item, action="approve")
        except PermissionDenied:
            return False
        return True
    if action == "submit":
        item = _item(world, relation, "draft")
        try:
            item_submit(user=user, item=item)
        except PermissionDenied:
            return False
        return True
    if action == "withdraw":
        item = _item(world, relation, "published")
        client.post(withdraw_url(CertificateItem, item.pk), {"reason": "上位法废止"})
        item.refresh_from_db()
        return not item.live
    if action == "delete_draft":
        item = _item(world, relation, "draft")
        client.post(reverse(f"{NS}:delete", args=[item.pk]))
        return not CertificateItem.objects.filter(pk=item.pk).exists()
    if action == "lock":
        item = _item(world, relation, "draft")
        client.post(reverse(f"{NS}:lock", args=[item.pk]))
        item.refresh_from_db()
        return item.locked
    if action == "revert":
        item = _item(world, relation, "draft")
        before = item.revisions.count()
        url = reverse(f"{NS}:revisions_revert", args=[item.pk, item.latest_revision_id])
        response = client.get(url)
        return response.status_code == 200 and item.revisions.count() == before
    item = _item(world, relation, "published")
    if action == "list":
        return item.name in client.get(reverse(f"{NS}:list")).content.decode()
    if action == "preview":
        url = reverse(f"{NS}:preview_on_edit", args=[item.pk])
        return client.get(url).status_code == 200 and client.get(url).content.strip() != b""
    url = {
        "inspect": reverse(f"{NS}:inspect", args=[item.pk]),
        "edit": reverse(f"{NS}:edit", args=[item.pk]),
        "history": reverse(f"{NS}:history", args=[item.pk]),
        "compare": reverse(f"{NS}:revisions_compare", args=[item.pk, "earliest", "latest"]),
    }[action]
    return _shows(client.get(url), item)


@pytest.mark.parametrize("relation", ["own", "other"])
@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("role", list(EXPECTED))
def test_role_action_department_matrix(client, world, role, action, relation):
    user = world["users"][role]
    client.force_login(user)
    expected = EXPECTED[role][action][0 if relation == "own" else 1]
    assert attempt(action, client, user, world, relation) is expected


def test_matrix_covers_every_role_and_action():
    assert all(set(actions) == set(ACTIONS) for actions in EXPECTED.values())


def test_submitted_item_in_review_can_be_opened_by_its_leader(client, world):
    """The leader reaches the editor only while the item waits at the leader's step."""
    item = _item(world, "own", "in_review")
    client.force_login(world["users"]["leader"])
    assert _shows(client.get(reverse(f"{NS}:edit", args=[item.pk])), item)


def test_published_item_cannot_be_deleted_even_by_reviewer(client, world):
    item = _item(world, "own", "published")
    client.force_login(world["users"]["reviewer"])
    client.post(reverse(f"{NS}:delete", args=[item.pk]))
    assert CertificateItem.objects.filter(pk=item.pk).exists()


def test_publish_is_not_offered_in_the_editor_even_to_reviewers(client, world):
    item = make_item(world["users"]["reviewer"], world["a"], name="审核员起草")
    client.force_login(world["users"]["reviewer"])
    html = client.get(reverse(f"{NS}:edit", args=[item.pk])).content.decode()
    assert 'name="action-publish"' not in html
    data = {"name": "x", "action-publish": "1"}
    client.post(reverse(f"{NS}:edit", args=[item.pk]), data)
    item.refresh_from_db()
    assert item.live is False
