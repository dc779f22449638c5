"""Who may see and handle which complaint.

- Seeing a complaint: the staff of the department handling it (editors and leaders) and the
  justice bureau's reviewers and the supervisors, who see every department
  (``permissions.scope``).
- The complainant's contact: only the staff of the department handling it (its editors and
  leaders), like a letter's personal data; every view is logged.
- Handling (investigation, answer, conclusion, 不予受理, transfer): the editors of the department
  handling it.
- Transfer: also the justice bureau's reviewers, for any open complaint (a complaint filed with
  the wrong department).
"""

from permissions.scope import (
    ALL,
    Scope,
    department_ids,
    filter_by_scope,
    granted_department_ids,
    in_scope,
    is_reviewer,
)

VIEW = "complaints.view_complaint"
CHANGE = "complaints.change_complaint"


def visible_complaints(user, queryset):
    if not user.has_perm(VIEW):
        return queryset.none()
    return filter_by_scope(queryset, user, Scope.VIEW)


def may_view(user, complaint) -> bool:
    return user.has_perm(VIEW) and in_scope(user, Scope.VIEW, complaint.department_id)


def sees_contact(user, complaint) -> bool:
    return user.has_perm(VIEW) and complaint.department_id in granted_department_ids(
        user, Scope.VIEW
    )


def may_handle(user, complaint) -> bool:
    return user.has_perm(CHANGE) and complaint.department_id in granted_department_ids(
        user, Scope.EDIT
    )


def may_transfer(user, complaint) -> bool:
    return may_handle(user, complaint) or (user.has_perm(CHANGE) and is_reviewer(user))


def sees_all(user) -> bool:
    """The justice bureau's view: every department's complaints."""
    return user.has_perm(VIEW) and department_ids(user, Scope.VIEW) is ALL
