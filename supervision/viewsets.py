"""Admin listings and forms of plans and milestones (the justice bureau edits, everyone who
reads the plan sees them). Neither is deleted in the admin: a milestone with deliveries is
protected, and a past plan is the record of what was asked."""

from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Milestone, Plan


class PlanLinksColumn(Column):
    cell_template_name = "supervision/plan_links_cell.html"

    def get_value(self, instance):
        return instance

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context["may_copy"] = bool(request and request.user.has_perm("supervision.add_plan"))
        return context


class PlanViewSet(ModelViewSet):
    model = Plan
    icon = "list-ol"
    name = "supervision_plans"
    url_prefix = "supervision/plans"
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = ["year", "name", "source"]
    list_display = ["name", "year", "source", PlanLinksColumn("links", label="操作")]
    ordering = ["-year"]
    search_fields = None


class MilestoneViewSet(ModelViewSet):
    model = Milestone
    icon = "date"
    name = "supervision_milestones"
    url_prefix = "supervision/milestones"
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = [
        "name",
        "plan",
        "due_on",
        "deliverable",
        Column("kinds_label", label="适用单位"),
    ]
    list_filter = ["plan", "deliverable"]
    ordering = ["plan", "due_on", "sort_order"]
    search_fields = None


plan_viewset = PlanViewSet()
milestone_viewset = MilestoneViewSet()
