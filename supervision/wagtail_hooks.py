"""Admin registration only: the 工作督查 menu, the plan's viewsets and the supervision pages."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from . import figure_views, problem_views, rule_views, views
from .panels import SupervisionPanel
from .viewsets import milestone_viewset, plan_viewset


@hooks.register("construct_homepage_panels")
def add_supervision_panel(request, panels):
    panels.append(SupervisionPanel(request))


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [plan_viewset, milestone_viewset]


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("supervision/", views.overview, name="supervision_overview"),
        path("supervision/export/", views.overview_export, name="supervision_overview_export"),
        path(
            "supervision/cells/<int:milestone_pk>/<int:department_pk>/",
            views.cell_detail,
            name="supervision_cell",
        ),
        path(
            "supervision/documents/<int:pk>/", views.document_download, name="supervision_document"
        ),
        path(
            "supervision/plans/<int:pk>/copy-to-year/",
            views.plan_copy_view,
            name="supervision_plan_copy",
        ),
        path("supervision/figures/", figure_views.figures_dashboard, name="supervision_figures"),
        path(
            "supervision/figures/export/",
            figure_views.figures_export,
            name="supervision_figures_export",
        ),
        path(
            "supervisor-units/",
            views.supervisor_units,
            name="supervision_supervisor_units",
        ),
        path("supervision/rules/", rule_views.rules_index, name="supervision_rules"),
        path(
            "supervision/rules/<int:department_pk>/<str:kind>/",
            rule_views.rule_detail,
            name="supervision_rule",
        ),
        path(
            "supervision/rules/files/<int:pk>/", rule_views.rule_file, name="supervision_rule_file"
        ),
        path("supervision/problems/", problem_views.problem_list, name="supervision_problems"),
        path(
            "supervision/problems/new/", problem_views.problem_new, name="supervision_problem_new"
        ),
        path(
            "supervision/problems/<int:pk>/",
            problem_views.problem_detail,
            name="supervision_problem",
        ),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


class SupervisionMenuItem(SubmenuMenuItem):
    def is_shown(self, request):
        return request.user.has_perm("supervision.view_plan")


@hooks.register("register_settings_menu_item")
def supervisor_units_menu_item():
    return PermissionMenuItem(
        "监管人员所属单位",
        reverse("supervision_supervisor_units"),
        icon_name="group",
        order=900,
        permission="supervision.add_supervisorunit",
    )


@hooks.register("register_admin_menu_item")
def supervision_menu_item():
    items = [
        PermissionMenuItem(
            "工作进度总览",
            reverse("supervision_overview"),
            icon_name="tasks",
            order=100,
            permission="supervision.view_plan",
        ),
        PermissionMenuItem(
            "统计图表",
            reverse("supervision_figures"),
            icon_name="table",
            order=200,
            permission="supervision.view_plan",
        ),
        PermissionMenuItem(
            "规章制度",
            reverse("supervision_rules"),
            icon_name="doc-full",
            order=250,
            permission="supervision.view_ruledocument",
        ),
        PermissionMenuItem(
            "问题报告",
            reverse("supervision_problems"),
            icon_name="help",
            order=300,
            permission="supervision.view_problemreport",
        ),
        PermissionMenuItem(
            "实施方案",
            reverse("supervision_plans:index"),
            icon_name="list-ol",
            order=400,
            permission="supervision.view_plan",
        ),
        PermissionMenuItem(
            "工作节点",
            reverse("supervision_milestones:index"),
            icon_name="date",
            order=500,
            permission="supervision.view_milestone",
        ),
    ]
    return SupervisionMenuItem("工作督查", Menu(items=items), icon_name="tasks", order=170)
