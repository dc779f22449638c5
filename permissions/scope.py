"""Which departments a user may see, edit or lead.

Department rights are guardian object permissions on ``catalog.Department`` granted to the
department's groups (``公安局·部门编辑``); justice-bureau reviewers edit every department and
supervisors, reviewers and administrators see every department. Results are cached on the
user object, which Django loads anew for each request: a grant or revocation takes effect on
the next request.
"""

from enum import StrEnum

from guardian.shortcuts import get_objects_for_user

ALL = None  # "every department"


class Scope(StrEnum):
    VIEW = "view"
    EDIT = "edit"
    LEAD = "lead"


_CACHE_ATTR = "_department_scope_cache"


def is_reviewer(user) -> bool:
    return bool(user.is_active and user.has_perm("catalog.publish_certificateitem"))


def sees_all_departments(user) -> bool:
    return bool(user.is_active and user.has_perm("catalog.view_all_departments"))


def _guardian_ids(user, perm: str) -> frozenset[int]:
    from catalog.models import Department

    qs = get_objects_for_user(
        user, perm, klass=Department, accept_global_perms=False, with_superuser=False
    )
    return frozenset(qs.values_list("pk", flat=True))


def department_ids(user, scope: Scope) -> frozenset[int] | None:
    """Department ids in ``scope`` for ``user``; ``ALL`` (None) means every department."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    cache = user.__dict__.setdefault(_CACHE_ATTR, {})
    if scope in cache:
        return cache[scope]
    if user.is_superuser:
        result = ALL
    elif scope == Scope.EDIT:
        result = ALL if is_reviewer(user) else _guardian_ids(user, "catalog.edit_items")
    elif scope == Scope.LEAD:
        result = _guardian_ids(user, "catalog.lead_items")
    else:
        if sees_all_departments(user) or is_reviewer(user):
            result = ALL
        else:
            result = department_ids(user, Scope.EDIT) | department_ids(user, Scope.LEAD)
    cache[scope] = result
    return result


def granted_department_ids(user, scope: Scope) -> frozenset[int]:
    """Departments where ``user`` holds a department role itself (editor for EDIT, editor or
    leader for VIEW, leader for LEAD), ignoring global roles and superuser status.

    This is "the user's own department" where personal data are concerned: reviewers,
    supervisors and administrators see every department's records, but not the personal data
    in them (signed letters).
    """
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    cache = user.__dict__.setdefault(_CACHE_ATTR, {})
    key = f"granted:{scope}"
    if key not in cache:
        edit = _guardian_ids(user, "catalog.edit_items") if scope != Scope.LEAD else frozenset()
        lead = _guardian_ids(user, "catalog.lead_items") if scope != Scope.EDIT else frozenset()
        cache[key] = edit | lead
    return cache[key]


def in_scope(user, scope: Scope, department_id: int) -> bool:
    ids = department_ids(user, scope)
    return ids is ALL or department_id in ids


def filter_by_scope(queryset, user, scope: Scope, field: str = "department"):
    ids = department_ids(user, scope)
    if ids is ALL:
        return queryset
    return queryset.filter(**{f"{field}__in": ids})


def forget(user) -> None:
    """Drop the cached scope (after a grant made within the same request)."""
    user.__dict__.pop(_CACHE_ATTR, None)
