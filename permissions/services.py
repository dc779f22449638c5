"""Roles and department grants: the groups behind them, and granting or revoking a user.

A department role is one Django group per department and role (``公安局·部门编辑``) that holds
the role's model permissions and a guardian object permission on that department only.
Adding a user to the group grants the role in that department; removing revokes it.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied
from django.db import transaction
from guardian.shortcuts import assign_perm, get_users_with_perms

from .enums import DEPARTMENT_ROLES, GLOBAL_GROUP_NAMES, Role, department_group_name
from .scope import forget

ITEM = "catalog.{}_certificateitem"
GUIDE = "catalog.{}_serviceguide"
LETTER = "publishing.{}_commitmentletter"
EDITING = ("add", "change", "delete", "view", "lock", "unlock")
ROLE_PERMISSIONS: dict[Role, list[str]] = {
    Role.EDITOR: [
        "wagtailadmin.access_admin",
        *(ITEM.format(a) for a in EDITING),
        *(GUIDE.format(a) for a in EDITING),
        # signed letters are registered, corrected by withdrawal, never deleted
        *(LETTER.format(a) for a in ("add", "change", "view")),
    ],
    Role.LEADER: [
        "wagtailadmin.access_admin",
        ITEM.format("view"),
        GUIDE.format("view"),
        LETTER.format("view"),
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
        "publishing.view_holidayyear",
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
        "publishing.view_holidayyear",
    ],
    Role.ADMINISTRATOR: [
        "wagtailadmin.access_admin",
        "auth.add_user",
        "auth.change_user",
        "auth.delete_user",
        "auth.view_user",
        "auth.add_group",
        "auth.change_group",
        "auth.delete_group",
        "auth.view_group",
        "catalog.add_department",
        "catalog.change_department",
        "catalog.delete_department",
        "catalog.view_department",
        "catalog.view_all_departments",
        ITEM.format("view"),
        GUIDE.format("view"),
        "publishing.add_holidayyear",
        "publishing.change_holidayyear",
        "publishing.view_holidayyear",
        "wagtailcore.add_site",
        "wagtailcore.change_site",
        "wagtailcore.view_site",
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


def _check_admin(by) -> None:
    if by is not None and not (by.is_superuser or by.has_perm("auth.change_user")):
        raise PermissionDenied("只有系统管理员可以授予或收回单位权限。")


@transaction.atomic
def department_grant(*, user, department, role: Role, by=None) -> None:
    """Give ``user`` the ``role`` (editor or leader) in ``department``."""
    _check_admin(by)
    user.groups.add(department_group(department, role))
    forget(user)


@transaction.atomic
def department_revoke(*, user, department, role: Role, by=None) -> None:
    """Take the ``role`` in ``department`` away from ``user``; effective on the next request."""
    _check_admin(by)
    user.groups.remove(department_group(department, role))
    forget(user)


@transaction.atomic
def role_grant(*, user, role: Role, by=None) -> None:
    _check_admin(by)
    user.groups.add(role_groups_ensure()[Role(role)])
    forget(user)


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
