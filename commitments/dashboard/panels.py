"""Dashboard panels of the casework: the clerk's queues in their departments and the justice
bureau's overdue counts per department."""

from django.utils import timezone
from wagtail.admin.ui.components import Component

from permissions.scope import ALL, Scope, department_ids, granted_department_ids

from .queues import clerk_queues, overdue_by_department


class CaseworkPanel(Component):
    name = "casework"
    order = 80
    template_name = "commitments/panels/casework.html"

    def __init__(self, request):
        self.request = request

    def render_html(self, parent_context=None):
        user = self.request.user
        if not user.has_perm("commitments.view_commitmentletter"):
            return ""
        if not granted_department_ids(user, Scope.VIEW):
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context):
        user, today = self.request.user, timezone.localdate()
        queues = clerk_queues(granted_department_ids(user, Scope.VIEW), today, limit=10)
        return {"queues": queues, "today": today}


class OverdueByDepartmentPanel(Component):
    name = "casework_overdue"
    order = 81
    template_name = "commitments/panels/overdue_by_department.html"

    def __init__(self, request):
        self.request = request

    def render_html(self, parent_context=None):
        user = self.request.user
        if not user.has_perm("commitments.view_commitmentletter"):
            return ""
        if department_ids(user, Scope.VIEW) is not ALL:
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context):
        return {"rows": overdue_by_department(timezone.localdate())}
