"""The justice bureau's listings and forms of grading rules and publicity periods (never
deleted: a rule no longer used is marked not 适用)."""

from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from .models import GradePeriod, GradingRule


class ActiveColumn(Column):
    """“是”/“否” instead of Wagtail's True/False for a boolean field."""

    def get_value(self, instance):
        return "是" if getattr(instance, self.accessor) else "否"


class GradingRuleViewSet(ModelViewSet):
    model = GradingRule
    icon = "list-ol"
    name = "credit_rules"
    url_prefix = "credit/rules"
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = ["behaviour", "circumstances", "grade", "active"]
    list_display = [
        "behaviour",
        "circumstances",
        "grade",
        ActiveColumn("active", label=GradingRule._meta.get_field("active").verbose_name),
    ]
    search_fields = None


class GradePeriodViewSet(ModelViewSet):
    model = GradePeriod
    icon = "date"
    name = "credit_periods"
    url_prefix = "credit/periods"
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = False
    form_fields = ["min_months", "max_months", "basis"]
    list_display = ["grade", "min_months", "max_months"]
    search_fields = None


grading_rule_viewset = GradingRuleViewSet()
grade_period_viewset = GradePeriodViewSet()
