"""Wagtail's cross-cutting admin reports list every department's items by name.

They are for the justice bureau, supervisors and administrators only: everyone else is
refused (and the menu hides them, see catalog/wagtail_hooks.py).

Wagtail's 页面类型使用情况 report (page types usage) tells nothing here (the content page
types are fixed, ADR 019) and names the types by their code names: it is refused to everyone
(and the menu hides it, see cms/wagtail_hooks.py).
"""

from wagtail.admin.auth import permission_denied

from .scope import sees_all_departments

ALL_DEPARTMENT_REPORTS = {
    "site_history",
    "site_history_results",
    "workflow",
    "workflow_results",
    "workflow_tasks",
    "workflow_tasks_results",
}

UNUSED_REPORTS = {"page_types_usage", "page_types_usage_results"}


def user_may_see_all_department_reports(user) -> bool:
    return user.is_superuser or sees_all_departments(user)


class AdminReportScopeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match and match.namespace == "wagtailadmin_reports" and match.url_name in UNUSED_REPORTS:
            return permission_denied(request)
        if (
            match
            and match.namespace == "wagtailadmin_reports"
            and match.url_name in ALL_DEPARTMENT_REPORTS
            and request.user.is_authenticated
            and not user_may_see_all_department_reports(request.user)
        ):
            return permission_denied(request)
        return None
