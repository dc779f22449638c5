"""Who may do what with cases, and the date checks every casework service shares."""

import datetime

from permissions.scope import Scope, filter_by_scope, granted_department_ids

# The banner's plan took effect in 2021: no case can be older.
SYSTEM_START = datetime.date(2021, 1, 1)
OWN_DEPARTMENT_ONLY = "只能由本单位的工作人员办理本单位的办件。"


def user_handles_cases(user, department_id: int) -> bool:
    """The department's own clerks (editors, who register its letters) handle its cases."""
    return user.has_perm("commitments.change_commitmentletter") and department_id in (
        granted_department_ids(user, Scope.EDIT)
    )


def user_handles_any_cases(user) -> bool:
    return user.has_perm("commitments.change_commitmentletter") and bool(
        granted_department_ids(user, Scope.EDIT)
    )


def scoped(queryset, user):
    """Records of the departments the user may view: the department's own staff; the justice
    bureau's reviewers and the supervisors see every department."""
    if not user.has_perm("commitments.view_commitmentletter"):
        return queryset.none()
    return filter_by_scope(queryset, user, Scope.VIEW)


def date_error(label: str, value, today: datetime.date, not_before=()) -> str:
    """Why ``value`` cannot be the date ``label``; empty if it can. ``not_before`` holds
    (date, label) pairs the value may not precede."""
    if value is None:
        return f"请填写{label}。"
    if value > today:
        return f"{label}（{value:%Y-%m-%d}）不能晚于今天。"
    if value < SYSTEM_START:
        return f"{label}（{value:%Y-%m-%d}）早于2021年本旗推行告知承诺制，请检查年份。"
    for earliest, earliest_label in not_before:
        if earliest is not None and value < earliest:
            return f"{label}（{value:%Y-%m-%d}）不能早于{earliest_label}（{earliest:%Y-%m-%d}）。"
    return ""
