"""Admin registration only: the complaints pages, menu item and dashboard panel."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from commitments.verification.enums import TASK_SECTIONS_HOOK

from . import access, views
from .leads import task_section
from .panels import DueComplaintsPanel


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("complaints/", views.complaint_list, name="complaints_admin"),
        path(
            "complaints/statistics/", views.complaint_statistics, name="complaint_admin_statistics"
        ),
        path("complaints/<int:pk>/", views.complaint_detail, name="complaint_admin_detail"),
        path(
            "complaints/<int:pk>/investigate/",
            views.complaint_investigate_view,
            name="complaint_admin_investigate",
        ),
        path(
            "complaints/<int:pk>/conclude/",
            views.complaint_conclude_view,
            name="complaint_admin_conclude",
        ),
        path(
            "complaints/<int:pk>/reject/",
            views.complaint_reject_view,
            name="complaint_admin_reject",
        ),
        path(
            "complaints/<int:pk>/transfer/",
            views.complaint_transfer_view,
            name="complaint_admin_transfer",
        ),
        path(
            "complaints/<int:pk>/open-verification/",
            views.complaint_open_verification_view,
            name="complaint_admin_open_verification",
        ),
        path(
            "complaints/<int:pk>/attachments/<int:attachment_pk>/",
            views.complaint_attachment,
            name="complaint_admin_attachment",
        ),
    ]


class ComplaintsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(access.VIEW)


@hooks.register("register_admin_menu_item")
def complaints_menu_item():
    return ComplaintsMenuItem(
        "投诉举报", reverse("complaints_admin"), icon_name="warning", order=170
    )


@hooks.register("construct_homepage_panels")
def add_complaints_panel(request, panels):
    if request.user.has_perm(access.VIEW):
        panels.append(DueComplaintsPanel(request))


@hooks.register(TASK_SECTIONS_HOOK)
def complaints_on_verification_task(request, task):
    return task_section(request, task)
