"""Roles and department grants: the groups behind them, and granting or revoking a user.

A department role is one Django group per department and role (``公安局·部门编辑``) that holds
the role's model permissions and a guardian object permission on that department only.
Adding a user to the group grants the role in that department; removing revokes it.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from guardian.shortcuts import assign_perm, get_users_with_perms

from accounts.enums import AuditAction
from accounts.services import audit_record

from .duties import SELF_GRANT, approval_refusal, grant_refusal, revoke_refusal, role_of_group
from .enums import (
    ADMIN_ROLES,
    DEPARTMENT_ROLES,
    GLOBAL_GROUP_NAMES,
    GrantStatus,
    Role,
    department_group_name,
)
from .models import GrantRequest
from .scope import forget

ITEM = "catalog.{}_certificateitem"
GUIDE = "catalog.{}_serviceguide"
LETTER = "commitments.{}_commitmentletter"
LEGAL_DOCUMENT = "catalog.{}_legaldocument"  # the registry of legal documents (法律文件库)
EXTRA_FIELD = "catalog.{}_extrafield"  # extra item fields (附加字段, ADR 020)
TERM = "vocabularies.{}_term"  # the vocabularies' terms (词表, ADR 023)
COMPLAINT = "complaints.{}_complaint"  # complaints from the public (ADR 014)
# Credit register (ADR 018): departments record and handle their own records; the justice
# bureau reads all, decides objections filed with it and keeps the grading rules.
CREDIT = "credit.{}_creditrecord"
CREDIT_RULES = [
    f"credit.{a}_{m}" for a in ("add", "change", "view") for m in ("gradingrule", "gradeperiod")
]
EDITING = ("add", "change", "delete", "view", "lock", "unlock")
# Supervision of the plan (ADR 015): everyone in the admin reads the plan; units deliver and
# report problems, the justice bureau keeps the plan, decides and answers.
PLAN_READ = [
    "supervision.view_plan",
    "supervision.view_milestone",
    "supervision.view_submission",
    "supervision.view_problemreport",
    "supervision.view_ruledocument",
]
ROLE_PERMISSIONS: dict[Role, list[str]] = {
    Role.EDITOR: [
        "wagtailadmin.access_admin",
        *(ITEM.format(a) for a in EDITING),
        *(GUIDE.format(a) for a in EDITING),
        # signed letters are registered, corrected by withdrawal, never deleted
        *(LETTER.format(a) for a in ("add", "change", "view")),
        LEGAL_DOCUMENT.format("view"),
        # complaints are handled (investigated, answered, transferred), never deleted
        *(COMPLAINT.format(a) for a in ("change", "view")),
        *PLAN_READ,
        "supervision.deliver_submission",
        "supervision.add_problemreport",
        "supervision.submit_ruledocument",
        *(CREDIT.format(a) for a in ("add", "change", "view")),
    ],
    Role.LEADER: [
        "wagtailadmin.access_admin",
        ITEM.format("view"),
        GUIDE.format("view"),
        LETTER.format("view"),
        LEGAL_DOCUMENT.format("view"),
        COMPLAINT.format("view"),
        *PLAN_READ,
        CREDIT.format("view"),
    ],
    Role.REVIEWER: [
        "wagtailadmin.access_admin",
        *(ITEM.format(a) for a in (*EDITING, "publish")),
        *(GUIDE.format(a) for a in (*EDITING, "publish")),
        "catalog.view_department",
        "catalog.view_all_departments",
        "publishing.add_catalogrevision",
        "publishing.view_catalogrevision",
        "publishing.add_itemwithdrawal",
        "publishing.view_itemwithdrawal",
        "publishing.add_guidewithdrawal",
        "publishing.view_guidewithdrawal",
        LETTER.format("view"),
        "commitments.view_holidayyear",
        # the justice bureau keeps the registry of legal documents
        *(LEGAL_DOCUMENT.format(a) for a in ("add", "change", "delete", "view")),
        # the justice bureau defines the extra item fields (a used one is retired, not deleted)
        *(EXTRA_FIELD.format(a) for a in ("add", "change", "delete", "view")),
        # sees every complaint and transfers one filed with the wrong department
        *(COMPLAINT.format(a) for a in ("change", "view")),
        *PLAN_READ,
        "supervision.add_plan",
        "supervision.change_plan",
        "supervision.add_milestone",
        "supervision.change_milestone",
        "supervision.decide_submission",
        "supervision.answer_problemreport",
        "supervision.decide_ruledocument",
        CREDIT.format("view"),
        "credit.decide_bureau_objection",
        *CREDIT_RULES,
        # site settings (issue 17): the justice bureau words the public texts
        "sitesettings.change_publicwording",
        # vocabularies (ADR 023): labels, order, new and retired terms (a used one is not deleted)
        *(TERM.format(a) for a in ("add", "change", "delete", "view")),
        # the letter wording (告知承诺书文本): edited and submitted here, approved by another
        # reviewer (nobody holds catalog.publish_letterwording: it is published by review only)
        "catalog.change_letterwording",
        "catalog.view_letterwording",
        "catalog.view_letterwordingversion",
    ],
    Role.SUPERVISOR: [
        "wagtailadmin.access_admin",
        ITEM.format("view"),
        GUIDE.format("view"),
        "catalog.view_department",
        "catalog.view_all_departments",
        "publishing.view_catalogrevision",
        "publishing.view_itemwithdrawal",
        "publishing.view_guidewithdrawal",
        LETTER.format("view"),
        "commitments.view_holidayyear",
        LEGAL_DOCUMENT.format("view"),
        COMPLAINT.format("view"),
        *PLAN_READ,
        CREDIT.format("view"),
        "catalog.view_letterwording",
        "catalog.view_letterwordingversion",
    ],
    Role.ADMINISTRATOR: [
        "wagtailadmin.access_admin",
        "auth.add_user",
        "auth.change_user",
        "auth.view_user",
        "permissions.add_grantrequest",
        "permissions.view_grantrequest",
        # no group changes: a group's permissions are the roles (only superusers edit them)
        "catalog.add_department",
        "catalog.change_department",
        "catalog.delete_department",
        "catalog.view_department",
        "catalog.view_all_departments",
        ITEM.format("view"),
        GUIDE.format("view"),
        "commitments.add_holidayyear",
        "commitments.change_holidayyear",
        "commitments.view_holidayyear",
        *(EXTRA_FIELD.format(a) for a in ("add", "change", "delete", "view")),
        "wagtailcore.add_site",
        "wagtailcore.change_site",
        "wagtailcore.view_site",
        # binds supervisor accounts to their supervising unit (ADR 015)
        "supervision.add_supervisorunit",
        "supervision.change_supervisorunit",
        "supervision.view_supervisorunit",
        # review routes (ADR 021): builds workflows from the review steps and assigns them;
        # the invariants (justice bureau last, no self-approval) are enforced by the code
        "wagtailcore.add_workflow",
        "wagtailcore.change_workflow",
        "wagtailcore.delete_workflow",
        "wagtailcore.add_task",
        "wagtailcore.change_task",
        "wagtailcore.delete_task",
        # site settings (issue 17): the site's name, footer and record numbers, public texts
        "sitesettings.change_siteidentity",
        "sitesettings.change_publicwording",
        *(TERM.format(a) for a in ("add", "change", "delete", "view")),
        # the letter wording is legal text of the justice bureau: read only (ADR 024)
        "catalog.view_letterwording",
        "catalog.view_letterwordingversion",
    ],
    Role.SECURITY_ADMIN: [
        "wagtailadmin.access_admin",
        "auth.view_user",
        "accounts.set_user_password",
        "accounts.unlock_login",
        "permissions.approve_grantrequest",
        "permissions.view_grantrequest",
    ],
    Role.AUDITOR: [
        "wagtailadmin.access_admin",
        "accounts.view_auditentry",
    ],
}


def _permissions(codes: list[str]) -> list[Permission]:
    perms = []
    for code in codes:
        app_label, codename = code.split(".")
        perms.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return perms


# Editors upload the flow charts of their service guides (Wagtail images are permissioned per
# collection, not per model).
EDITOR_IMAGE_PERMISSIONS = ["add_image", "choose_image"]


def _image_permissions_ensure(group) -> None:
    from wagtail.models import Collection, GroupCollectionPermission

    root = Collection.get_first_root_node()
    if root is None:
        return
    for codename in EDITOR_IMAGE_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=root,
            permission=Permission.objects.get(
                content_type__app_label="wagtailimages", codename=codename
            ),
        )


def role_groups_ensure() -> dict[Role, Group]:
    """Create or update the global role groups (reviewer, supervisor, administrator), and
    bring the permissions of existing department groups up to date."""
    groups = {}
    for role, name in GLOBAL_GROUP_NAMES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(_permissions(ROLE_PERMISSIONS[role]))
        groups[role] = group
    department_role_permissions_refresh()
    return groups


def department_role_permissions_refresh() -> None:
    """Give every existing department group its role's current permission set (after an
    upgrade added models, e.g. service guides and signed letters)."""
    for role in DEPARTMENT_ROLES:
        perms = _permissions(ROLE_PERMISSIONS[role])
        suffix = department_group_name("", role)
        for group in Group.objects.filter(name__endswith=suffix):
            group.permissions.set(perms)
            if role == Role.EDITOR:
                _image_permissions_ensure(group)


def department_groups_ensure(department) -> dict[Role, Group]:
    """Create or update the editor and leader groups of one department."""
    groups = {}
    for role, perm in DEPARTMENT_ROLES.items():
        group, _ = Group.objects.get_or_create(name=department_group_name(department.name, role))
        group.permissions.set(_permissions(ROLE_PERMISSIONS[role]))
        assign_perm(perm, group, department)
        if role == Role.EDITOR:
            _image_permissions_ensure(group)
        groups[role] = group
    return groups


def department_group(department, role: Role) -> Group:
    return department_groups_ensure(department)[Role(role)]


DIRECT_GRANT_REFUSED = (
    "授予该角色须提出授权申请，并由另一名有权限的管理员（安全管理员）批准后生效。"
)


def _apply(user, group) -> None:
    user.groups.add(group)
    forget(user)


@transaction.atomic
def department_grant(*, user, department, role: Role, by=None) -> None:
    """Give ``user`` the ``role`` (editor or leader) in ``department``. Only the system itself
    (``by=None``: demo data, set-up commands, an approved grant request) grants directly;
    people use ``grant_request_create`` and a second person's approval."""
    if by is not None:
        raise PermissionDenied(DIRECT_GRANT_REFUSED)
    _apply(user, department_group(department, role))


@transaction.atomic
def department_revoke(*, user, department, role: Role, by=None) -> None:
    """Take the ``role`` in ``department`` away from ``user``; effective on the next request."""
    group_revoke(user=user, group=department_group(department, role), by=by)


@transaction.atomic
def role_grant(*, user, role: Role, by=None) -> None:
    """Give a global role. The three administrator roles are granted directly by a superuser;
    reviewer and supervisor go through a grant request (``by=None``: the system itself)."""
    role = Role(role)
    if by is not None:
        if role not in ADMIN_ROLES:
            raise PermissionDenied(DIRECT_GRANT_REFUSED)
        refusal = grant_refusal(by, user, role)
        if refusal:
            raise PermissionDenied(refusal)
    _apply(user, role_groups_ensure()[role])


@transaction.atomic
def group_revoke(*, user, group, by=None) -> None:
    """Remove a role (group membership); ``by`` must be allowed to (``duties.revoke_refusal``)."""
    role = role_of_group(group)
    if by is not None:
        refusal = revoke_refusal(by, user, role) if role else "只能收回系统定义的角色。"
        if refusal:
            raise PermissionDenied(refusal)
    user.groups.remove(group)
    forget(user)


# --- grant requests (a second person approves) -------------------------------------------------


def _grant_audit(action, grant, **detail) -> None:
    audit_record(
        action,
        obj=grant.user,
        detail={"role": grant.group.name, "request": grant.pk, **detail},
    )


@transaction.atomic
def grant_request_create(*, user, group, by, reason: str) -> GrantRequest:
    role = role_of_group(group)
    if role is None:
        raise ValidationError({"group": ["只能申请系统定义的角色。"]})
    if role in ADMIN_ROLES:
        raise ValidationError({"group": ["系统管理员、安全管理员、审计员角色由超级用户直接授予。"]})
    refusal = grant_refusal(by, user, role)
    if refusal:
        raise PermissionDenied(refusal)
    if not (reason or "").strip():
        raise ValidationError({"reason": ["请填写申请理由（如任职文件、岗位）。"]})
    if user.groups.filter(pk=group.pk).exists():
        raise ValidationError({"group": [f"{user.get_username()} 已有“{group.name}”角色。"]})
    if GrantRequest.objects.filter(user=user, group=group, status=GrantStatus.PENDING).exists():
        raise ValidationError({"group": [f"已有待批准的“{group.name}”申请。"]})
    grant = GrantRequest.objects.create(
        user=user, group=group, role=role, reason=reason.strip(), requested_by=by
    )
    _grant_audit(AuditAction.GRANT_REQUESTED, grant, reason=grant.reason)
    return grant


def _locked(grant) -> GrantRequest:
    return GrantRequest.objects.select_for_update().select_related("user", "group").get(pk=grant.pk)


@transaction.atomic
def grant_request_approve(*, grant, by, comment: str = "") -> GrantRequest:
    grant = _locked(grant)
    refusal = approval_refusal(by, grant)
    if refusal:
        raise PermissionDenied(refusal)
    # the rules may have changed since the request (e.g. the user became an administrator)
    refusal = (
        grant_refusal(grant.requested_by, grant.user, grant.role) if grant.requested_by else None
    )
    if refusal and refusal != SELF_GRANT:
        raise PermissionDenied(f"不能批准：{refusal}")
    grant.status = GrantStatus.APPROVED
    grant.decided_by, grant.decided_at = by, timezone.now()
    grant.decision_comment = comment.strip()
    grant.save()
    _apply(grant.user, grant.group)
    _grant_audit(AuditAction.GRANT_APPROVED, grant, requested_by=_name(grant.requested_by))
    return grant


@transaction.atomic
def grant_request_reject(*, grant, by, comment: str) -> GrantRequest:
    grant = _locked(grant)
    refusal = approval_refusal(by, grant)
    if refusal:
        raise PermissionDenied(refusal)
    if not (comment or "").strip():
        raise ValidationError({"comment": ["驳回时请说明理由。"]})
    grant.status = GrantStatus.REJECTED
    grant.decided_by, grant.decided_at = by, timezone.now()
    grant.decision_comment = comment.strip()
    grant.save()
    _grant_audit(AuditAction.GRANT_REJECTED, grant, comment=grant.decision_comment)
    return grant


@transaction.atomic
def grant_request_cancel(*, grant, by) -> GrantRequest:
    grant = _locked(grant)
    if grant.requested_by_id != by.pk and not by.is_superuser:
        raise PermissionDenied("只有申请人可以撤回申请。")
    if grant.status != GrantStatus.PENDING:
        raise PermissionDenied(f"该申请{grant.get_status_display()}，不能撤回。")
    grant.status = GrantStatus.CANCELLED
    grant.decided_by, grant.decided_at = by, timezone.now()
    grant.save()
    _grant_audit(AuditAction.GRANT_CANCELLED, grant)
    return grant


def _name(user) -> str:
    return user.get_username() if user else ""


def department_has_leader(department) -> bool:
    leaders = get_users_with_perms(
        department, only_with_perms_in=["lead_items"], with_group_users=True
    )
    return leaders.filter(is_active=True).exists()


def users_in_role(department, role: Role):
    User = get_user_model()
    return User.objects.filter(
        groups__name=department_group_name(department.name, role), is_active=True
    )
