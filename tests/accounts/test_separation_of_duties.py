"""Separation of duties (issue 10, point 1; 等保2.0 三权分立): every administrative role ×
every way to give rights. True = allowed and took effect; a refused attempt changes nothing."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from accounts.enums import AuditAction
from accounts.models import AuditEntry
from permissions.enums import GLOBAL_GROUP_NAMES, GrantStatus, Role
from permissions.models import GrantRequest
from permissions.services import department_group

from ..factories import make_department, make_user

NEW_PASSWORD = "Tq8#wLm3Zx2"
T, F = True, False

ACTIONS = [
    "create_user",
    "create_superuser",
    "grant_superuser",
    "direct_group_edit",
    "bulk_assign_role",
    "request_reviewer",
    "request_department",
    "grant_to_self",
    "approve_own_request",
    "approve_others_request",
    "set_password_of_editor",
    "set_password_of_administrator",
    "unlock",
    "read_audit_log",
    "edit_groups",
]

ALLOWED = {
    "superuser": {
        "create_user",
        "create_superuser",
        "grant_superuser",
        "request_reviewer",
        "request_department",
        "approve_others_request",
        "set_password_of_editor",
        "set_password_of_administrator",
        "unlock",
        "read_audit_log",
        "edit_groups",
    },
    "system_admin": {"create_user", "request_department"},
    "security_admin": {"approve_others_request", "set_password_of_editor", "unlock"},
    "auditor": {"read_audit_log"},
    "reviewer": set(),
    "editor": set(),
}


@pytest.fixture
def world(db):
    dept = make_department("甲局")
    root = make_user("root")
    root.is_superuser = True
    root.save()
    users = {
        "superuser": root,
        "system_admin": make_user("sysadmin", role=Role.ADMINISTRATOR),
        "security_admin": make_user("secadmin", role=Role.SECURITY_ADMIN),
        "auditor": make_user("auditor", role=Role.AUDITOR),
        "reviewer": make_user("reviewer", role=Role.REVIEWER),
        "editor": make_user("editor", role=Role.EDITOR, departments=[dept]),
        "target": make_user("target"),
        "other_admin": make_user("sysadmin2", role=Role.ADMINISTRATOR),
    }
    return {
        "users": users,
        "dept_group": department_group(dept, Role.EDITOR),
        "other_dept_group": department_group(make_department("乙局"), Role.EDITOR),
        "reviewer_group": Group.objects.get(name=GLOBAL_GROUP_NAMES[Role.REVIEWER]),
    }


def _account(username, **extra):
    data = {
        "username": username,
        "email": f"{username}@example.invalid",
        "first_name": username,
        "last_name": "测试",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
    }
    data.update(extra)
    return data


def _edit_data(user, **extra):
    data = {
        "username": user.username,
        "email": f"{user.username}@example.invalid",
        "first_name": user.first_name or user.username,
        "last_name": "测试",
        "is_active": "on",
    }
    data.update(extra)
    return data


def attempt(action, client, actor, world) -> bool:
    users, target = world["users"], world["users"]["target"]
    dept_group, reviewer_group = world["dept_group"], world["reviewer_group"]
    if action == "create_user":
        client.post(reverse("wagtailusers_users:add"), _account("newbie"))
        return target.__class__.objects.filter(username="newbie").exists()
    if action == "create_superuser":
        client.post(reverse("wagtailusers_users:add"), _account("newboss", is_superuser="on"))
        return target.__class__.objects.filter(username="newboss", is_superuser=True).exists()
    if action == "grant_superuser":
        client.post(
            reverse("wagtailusers_users:edit", args=[target.pk]),
            _edit_data(target, is_superuser="on"),
        )
        target.refresh_from_db()
        return target.is_superuser
    if action == "direct_group_edit":
        client.post(
            reverse("wagtailusers_users:edit", args=[target.pk]),
            _edit_data(target, groups=[reviewer_group.pk, dept_group.pk]),
        )
        return target.groups.exists()
    if action == "bulk_assign_role":
        url = reverse("wagtail_bulk_action", args=["auth", "user", "assign_role"])
        client.post(f"{url}?id={target.pk}", {"role": dept_group.pk, "reason": "任职"})
        return target.groups.exists()
    if action in ("request_reviewer", "request_department", "grant_to_self"):
        subject = actor if action == "grant_to_self" else target
        group = {
            "request_reviewer": reviewer_group,
            "request_department": dept_group,
            "grant_to_self": world["other_dept_group"],
        }[action]
        client.post(
            reverse("permissions_user_roles", args=[subject.pk]),
            {"action": "request", "group": group.pk, "reason": "任职文件第1号"},
        )
        created = GrantRequest.objects.filter(
            user=subject, group=group, status=GrantStatus.PENDING
        ).exists()
        assert not subject.groups.filter(pk=group.pk).exists() or action == "grant_to_self"
        return created or subject.groups.filter(pk=group.pk).exists()
    if action in ("approve_own_request", "approve_others_request"):
        requester = actor if action == "approve_own_request" else users["system_admin"]
        grant = GrantRequest.objects.create(
            user=target, group=dept_group, role=Role.EDITOR, reason="任职", requested_by=requester
        )
        client.post(reverse("permissions_grant_decide", args=[grant.pk]), {"action": "approve"})
        return target.groups.filter(pk=dept_group.pk).exists()
    if action in ("set_password_of_editor", "set_password_of_administrator"):
        subject = users["target"] if action == "set_password_of_editor" else users["other_admin"]
        client.post(
            reverse("permissions_user_password", args=[subject.pk]),
            {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        )
        subject.refresh_from_db()
        return subject.check_password(NEW_PASSWORD)
    if action == "unlock":
        AccessAttempt.objects.create(
            username="target",
            ip_address="10.0.0.1",
            user_agent="x",
            failures_since_start=5,
            attempt_time=timezone.now(),
        )
        client.post(reverse("accounts_lockouts"), {"username": "target"})
        return not AccessAttempt.objects.filter(username="target").exists()
    if action == "read_audit_log":
        AuditEntry.objects.create(action=AuditAction.EXPORT, username="marker-user")
        response = client.get(reverse("accounts_audit_log"))
        return response.status_code == 200 and "marker-user" in response.content.decode()
    if action == "edit_groups":
        response = client.get(reverse("wagtailusers_groups:edit", args=[reviewer_group.pk]))
        return response.status_code == 200
    raise AssertionError(action)


def _memberships():
    return sorted(Group.objects.values_list("name", "user__username"), key=str)


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("role", list(ALLOWED))
def test_role_action_matrix(client, world, role, action):
    actor = world["users"][role]
    client.force_login(actor)
    expected = action in ALLOWED[role]
    memberships = _memberships()
    assert attempt(action, client, actor, world) is expected
    if action not in {"approve_others_request"} or not expected:
        # nobody's roles changed, except through an approval by a second person
        assert _memberships() == memberships


def test_matrix_names_only_known_actions():
    assert all(allowed <= set(ACTIONS) for allowed in ALLOWED.values())


def test_request_then_approval_by_a_second_person_grants_and_is_logged(client, world):
    users, target, group = world["users"], world["users"]["target"], world["dept_group"]
    client.force_login(users["system_admin"])
    client.post(
        reverse("permissions_user_roles", args=[target.pk]),
        {"action": "request", "group": group.pk, "reason": "旗司法局任命文件"},
    )
    grant = GrantRequest.objects.get(user=target)
    assert not target.groups.exists()
    client.force_login(users["security_admin"])
    client.post(
        reverse("permissions_grant_decide", args=[grant.pk]),
        {"action": "approve", "comment": "已核对任命文件"},
    )
    grant.refresh_from_db()
    assert grant.status == GrantStatus.APPROVED and grant.decided_by == users["security_admin"]
    assert target.groups.filter(pk=group.pk).exists()
    actions = set(
        AuditEntry.objects.filter(object_id=str(target.pk)).values_list("action", flat=True)
    )
    assert {AuditAction.GRANT_REQUESTED, AuditAction.GRANT_APPROVED, AuditAction.ROLE_GRANTED} <= (
        actions
    )
    assert grant.history.count() >= 2  # simple-history keeps the request and the decision


def test_rejection_needs_a_reason(client, world):
    users, target = world["users"], world["users"]["target"]
    grant = GrantRequest.objects.create(
        user=target,
        group=world["dept_group"],
        role=Role.EDITOR,
        reason="任职",
        requested_by=users["system_admin"],
    )
    client.force_login(users["security_admin"])
    response = client.post(
        reverse("permissions_grant_decide", args=[grant.pk]), {"action": "reject"}, follow=True
    )
    assert "驳回时请说明理由" in response.content.decode()
    grant.refresh_from_db()
    assert grant.status == GrantStatus.PENDING


def test_refused_escalation_is_in_the_audit_log(client, world):
    sysadmin = world["users"]["system_admin"]
    client.force_login(sysadmin)
    response = client.post(
        reverse("permissions_user_roles", args=[sysadmin.pk]),
        {"action": "request", "group": world["reviewer_group"].pk, "reason": "x"},
        follow=True,
    )
    assert response.status_code == 200
    assert not GrantRequest.objects.exists()


def test_administrator_roles_are_exclusive(client, world):
    root, secadmin = world["users"]["superuser"], world["users"]["security_admin"]
    client.force_login(root)
    response = client.post(
        reverse("permissions_user_roles", args=[secadmin.pk]),
        {"action": "grant_admin", "role": Role.AUDITOR},
        follow=True,
    )
    assert "不能兼任" in response.content.decode()
    assert not secadmin.groups.filter(name=GLOBAL_GROUP_NAMES[Role.AUDITOR]).exists()
    entry = AuditEntry.objects.get(action=AuditAction.PERMISSION_DENIED)
    assert entry.user == root and entry.object_id == str(secadmin.pk)


def test_superuser_grants_an_administrator_role_directly(client, world):
    root, target = world["users"]["superuser"], world["users"]["target"]
    client.force_login(root)
    client.post(
        reverse("permissions_user_roles", args=[target.pk]),
        {"action": "grant_admin", "role": Role.AUDITOR},
    )
    assert target.groups.filter(name=GLOBAL_GROUP_NAMES[Role.AUDITOR]).exists()


def test_system_administrator_cannot_edit_or_deactivate_an_administrator(client, world):
    sysadmin, other = world["users"]["system_admin"], world["users"]["other_admin"]
    client.force_login(sysadmin)
    response = client.get(reverse("wagtailusers_users:edit", args=[other.pk]))
    assert response.status_code == 302
    client.post(
        reverse("wagtailusers_users:edit", args=[other.pk]), _edit_data(other, is_active="")
    )
    url = reverse("wagtail_bulk_action", args=["auth", "user", "set_active_state"])
    client.post(f"{url}?id={other.pk}", {"mark_as_active": "False"})
    other.refresh_from_db()
    assert other.is_active


def test_system_administrator_deactivates_an_ordinary_account_with_an_audit_entry(client, world):
    sysadmin, target = world["users"]["system_admin"], world["users"]["target"]
    client.force_login(sysadmin)
    url = reverse("wagtail_bulk_action", args=["auth", "user", "set_active_state"])
    client.post(f"{url}?id={target.pk}", {"mark_as_active": "False"})
    target.refresh_from_db()
    assert not target.is_active
    assert AuditEntry.objects.filter(
        action=AuditAction.USER_DEACTIVATED, user=sysadmin, object_id=str(target.pk)
    ).exists()


def test_user_created_by_an_administrator_must_change_the_initial_password(client, world):
    client.force_login(world["users"]["system_admin"])
    client.post(reverse("wagtailusers_users:add"), _account("fresh"))
    fresh = world["users"]["target"].__class__.objects.get(username="fresh")
    assert fresh.password_state.change_required
    assert not fresh.is_superuser and not fresh.groups.exists()


def test_revocation_by_the_security_administrator_takes_effect_and_is_logged(client, world):
    reviewer = world["users"]["reviewer"]
    client.force_login(world["users"]["security_admin"])
    client.post(
        reverse("permissions_user_roles", args=[reviewer.pk]),
        {"action": "revoke", "group": world["reviewer_group"].pk},
    )
    assert not reviewer.groups.exists()
    assert AuditEntry.objects.filter(
        action=AuditAction.ROLE_REVOKED, object_id=str(reviewer.pk)
    ).exists()
