"""Who may do what with credit records (ADR 018).

- A department's clerks (editors) record, object-file, repair-file and decide for their own
  department's records; its leaders read them.
- The justice bureau's reviewers read every record, decide objections filed with the bureau,
  see every repair decision and keep the grading rules.
- Supervisors read every record. Administrators and everyone else: nothing.

Identity numbers are shown in full to the recording department's own staff only.
"""

from permissions.scope import Scope, filter_by_scope, granted_department_ids

VIEW = "credit.view_creditrecord"
ADD = "credit.add_creditrecord"
CHANGE = "credit.change_creditrecord"
DECIDE_BUREAU = "credit.decide_bureau_objection"
KEEP_RULES = "credit.change_gradingrule"

OWN_DEPARTMENT_ONLY = "只能由认定单位的工作人员办理本单位的失信记录。"
BUREAU_ONLY = "向司法局提出的异议由司法局审核员处理。"


def user_records(user, department_id: int) -> bool:
    """The department's own clerks record and handle its records."""
    return user.has_perm(CHANGE) and department_id in granted_department_ids(user, Scope.EDIT)


def user_records_anywhere(user) -> bool:
    return user.has_perm(ADD) and bool(granted_department_ids(user, Scope.EDIT))


def user_sees_identity(user, record) -> bool:
    return user.has_perm(VIEW) and record.department_id in granted_department_ids(user, Scope.VIEW)


def user_decides_bureau_objections(user) -> bool:
    return user.has_perm(DECIDE_BUREAU)


def scoped(queryset, user):
    if not user.has_perm(VIEW):
        return queryset.none()
    return filter_by_scope(queryset, user, Scope.VIEW)
