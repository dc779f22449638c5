"""Separation of duties (等保2.0 三权分立): who may give whom which role, manage which account
and set whose password. Each function returns the Chinese reason for a refusal, or None.

- Superusers: the root of trust. They grant the three administrator roles directly and request
  reviewer and supervisor roles; they too need a second person to approve business roles.
- 系统管理员: accounts (create, edit names, activate/deactivate), departments, sites,
  holidays; requests department roles (editor, leader).
- 安全管理员: approves grant requests, revokes business roles, sets passwords of ordinary
  accounts, unlocks logins.
- 审计员: reads the audit log.
Nobody grants, approves or revokes their own roles; the three administrator roles are held
alone (not together, and not with a business role).
"""

from .enums import (
    ADMIN_ROLES,
    DEPARTMENT_ROLES,
    GLOBAL_BUSINESS_ROLES,
    GLOBAL_GROUP_NAMES,
    GrantStatus,
    Role,
    department_group_name,
)

REQUEST_PERMISSION = "permissions.add_grantrequest"
APPROVE_PERMISSION = "permissions.approve_grantrequest"
PASSWORD_PERMISSION = "accounts.set_user_password"  # noqa: S105 (a permission name)

SELF_GRANT = "不能给自己授权，也不能批准或收回自己的角色。"


def role_of_group(group) -> Role | None:
    for role, name in GLOBAL_GROUP_NAMES.items():
        if group.name == name:
            return role
    for role in DEPARTMENT_ROLES:
        suffix = department_group_name("", role)
        if group.name.endswith(suffix) and len(group.name) > len(suffix):
            return role
    return None


def held_roles(user) -> set[Role]:
    return {r for r in (role_of_group(g) for g in user.groups.all()) if r is not None}


def is_privileged(user) -> bool:
    """Superusers and holders of an administrator role: only superusers manage them."""
    return bool(user.is_superuser or held_roles(user) & set(ADMIN_ROLES))


def may_request_any(actor) -> bool:
    return bool(actor.is_superuser or actor.has_perm(REQUEST_PERMISSION))


def may_approve_any(actor) -> bool:
    return bool(actor.is_superuser or actor.has_perm(APPROVE_PERMISSION))


def grant_refusal(actor, target, role: Role) -> str | None:
    """Why ``actor`` may not request (or, for administrator roles, grant) ``role`` to
    ``target``."""
    if target.pk == actor.pk:
        return SELF_GRANT
    if not target.is_active:
        return "该用户已停用，不能授权。"
    if target.is_superuser:
        return "超级用户已拥有全部权限，不再授予角色。"
    roles = held_roles(target)
    if role in ADMIN_ROLES:
        if not actor.is_superuser:
            return "只有超级用户可以授予系统管理员、安全管理员和审计员角色。"
        if roles:
            return "系统管理员、安全管理员、审计员不能兼任其他角色：请先收回该用户现有的角色。"
        return None
    if role in GLOBAL_BUSINESS_ROLES and not actor.is_superuser:
        return "只有超级用户可以申请授予司法局审核员和监管人员角色。"
    if role in DEPARTMENT_ROLES and not may_request_any(actor):
        return "只有系统管理员可以申请授予单位角色。"
    if roles & set(ADMIN_ROLES):
        return "系统管理员、安全管理员、审计员不能兼任业务角色。"
    return None


def approval_refusal(actor, grant) -> str | None:
    if not may_approve_any(actor):
        return "只有安全管理员可以批准或驳回授权申请。"
    if grant.user_id == actor.pk:
        return SELF_GRANT
    if grant.requested_by_id == actor.pk:
        return "不能批准或驳回自己提出的申请：须由另一名管理员处理。"
    if grant.status != GrantStatus.PENDING:
        return f"该申请{grant.get_status_display()}，不能再处理。"
    return None


def revoke_refusal(actor, target, role: Role) -> str | None:
    if target.pk == actor.pk:
        return SELF_GRANT
    if actor.is_superuser:
        return None
    if role in ADMIN_ROLES:
        return "只有超级用户可以收回系统管理员、安全管理员和审计员角色。"
    if role in GLOBAL_BUSINESS_ROLES and not may_approve_any(actor):
        return "只有安全管理员可以收回司法局审核员和监管人员角色。"
    if not (may_approve_any(actor) or may_request_any(actor)):
        return "您没有收回角色的权限。"
    return None


def account_refusal(actor, target) -> str | None:
    """Why ``actor`` may not edit, deactivate or delete ``target``'s account."""
    if actor.is_superuser or target.pk == actor.pk:
        return None
    if is_privileged(target):
        return "只有超级用户可以修改超级用户以及系统管理员、安全管理员、审计员的账号。"
    return None


def password_refusal(actor, target) -> str | None:
    if target.pk == actor.pk:
        return "请在“修改密码”页面修改自己的密码。"
    if not (actor.is_superuser or actor.has_perm(PASSWORD_PERMISSION)):
        return "只有安全管理员可以设置他人的密码。"
    if is_privileged(target) and not actor.is_superuser:
        return "只有超级用户可以设置超级用户以及系统管理员、安全管理员、审计员的密码。"
    return None
