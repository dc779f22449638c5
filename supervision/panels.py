"""The dashboard panel 工作督查: the current plan's states in the user's units, deliveries waiting
for the justice bureau, units with nothing published and open problem reports, with links."""

from wagtail.admin.ui.components import Component

from . import states
from .access import may_read
from .enums import MilestoneState, ProblemStatus
from .selectors import (
    current_plan,
    departments_without_published_items,
    visible_departments,
    visible_problems,
)


class SupervisionPanel(Component):
    name = "supervision"
    order = 80
    template_name = "supervision/panel.html"

    def __init__(self, request):
        self.request = request

    def render_html(self, parent_context=None):
        if not may_read(self.request.user):
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context=None):
        user = self.request.user
        plan = current_plan()
        departments = visible_departments(user)
        counts = {state.value: 0 for state in MilestoneState}
        if plan is not None:
            for totals in states.matrix(plan, departments).totals.values():
                for state, n in totals.items():
                    counts[state] += n
        return {
            "plan": plan,
            "counts": [(MilestoneState(state).label, state, n) for state, n in counts.items()],
            "unit_count": departments.count(),
            "unpublished": departments_without_published_items(departments).count(),
            "open_problems": visible_problems(user).filter(status=ProblemStatus.OPEN).count(),
        }
