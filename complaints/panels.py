"""The dashboard panel: the user's overdue complaints and those due within 2 working days."""

from django.utils import timezone
from wagtail.admin.ui.components import Component

from . import access
from .selectors import due_soon, overdue

LIMIT = 20


class DueComplaintsPanel(Component):
    name = "due_complaints"
    order = 80
    template_name = "complaints/panels/due.html"

    def __init__(self, request):
        self.request = request

    def render_html(self, parent_context=None):
        if not self.request.user.has_perm(access.VIEW):
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        user = self.request.user
        return {
            "overdue": list(overdue(user, today)[:LIMIT]),
            "due_soon": list(due_soon(user, today)[:LIMIT]),
        }
