"""Admin registration only: viewsets, the permission policy, and action-menu rules."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.permissions import register_permission_policy
from wagtail.snippets.action_menu import ActionMenuItem, WorkflowMenuItem
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.models import register_snippet

from permissions.middleware import user_may_see_all_department_reports
from permissions.policy import DepartmentScopedPolicy
from permissions.scope import Scope, filter_by_scope, in_scope

from . import views
from .models import CertificateItem, ServiceGuide
from .viewsets import (
    CertificateItemViewSet,
    DepartmentViewSet,
    ServiceGuideViewSet,
    other_department_message,
)

# Reviewed snippets with a department: items and service guides.
REVIEWED_MODELS = (CertificateItem, ServiceGuide)

for _model in REVIEWED_MODELS:
    register_permission_policy(_model, DepartmentScopedPolicy(_model))
register_snippet(CertificateItemViewSet)
register_snippet(ServiceGuideViewSet)
register_snippet(DepartmentViewSet)


@hooks.register("register_admin_urls")
def register_history_urls():
    return [
        path("history/department/<int:pk>/", views.department_history, name="department_history"),
        path("history/user/<int:pk>/", views.user_history, name="user_history"),
    ]


class ReviewMenuItem(ActionMenuItem):
    """Reviewers decide on the review screen, which shows the change against the live version."""

    name = "review"
    label = "审核（对照已发布版本）"
    icon_name = "success"

    def get_url(self, parent_context):
        from publishing.views import review_url

        return review_url(parent_context["instance"])


@hooks.register("register_user_listing_buttons")
def user_history_button(user, request_user):
    if request_user.is_superuser or request_user.has_perm("auth.view_user"):
        yield ListingButton(
            "变更记录", reverse("user_history", args=[user.pk]), icon_name="history", priority=90
        )


@hooks.register("construct_snippet_action_menu")
def item_action_menu(menu_items, request, context):
    """No direct publishing; workflow decisions move to the review screen.

    Approving from the edit form would first save the form as a new revision, and with
    re-approval on edit that approval would no longer count (wagtail/wagtail#13563).
    """
    if context.get("model") not in REVIEWED_MODELS:
        return
    had_workflow_actions = any(isinstance(item, WorkflowMenuItem) for item in menu_items)
    menu_items[:] = [
        item
        for item in menu_items
        if item.name != "action-publish" and not isinstance(item, WorkflowMenuItem)
    ]
    if had_workflow_actions:
        menu_items.insert(0, ReviewMenuItem(order=0))


@hooks.register("construct_reports_menu")
def hide_all_department_reports(request, menu_items):
    if not user_may_see_all_department_reports(request.user):
        hidden = {"site-history", "workflows", "workflow-tasks"}
        menu_items[:] = [item for item in menu_items if item.name not in hidden]


@hooks.register("before_bulk_action")
def scope_bulk_actions(request, action_type, objects, action_class_instance):
    items = [obj for obj in objects if isinstance(obj, REVIEWED_MODELS)]
    scope = Scope.VIEW if action_type == "view" else Scope.EDIT
    for item in items:
        if not in_scope(request.user, scope, item.department_id):
            messages.error(request, other_department_message(type(item)))
            return redirect("wagtailadmin_home")
    if action_type == "publish" and items:
        messages.error(request, "证明事项和办事指南只能经司法局审核通过后发布。")
        return redirect("wagtailadmin_home")
    return None


class ScopedItemDeleteBulkAction(DeleteBulkAction):
    """Bulk delete of items and guides sees only the user's departments: others are not even
    named."""

    models = list(REVIEWED_MODELS)

    def get_queryset(self, model, object_ids):
        qs = model.objects.filter(pk__in=object_ids)
        return list(filter_by_scope(qs, self.request.user, Scope.EDIT))


# order: after wagtail.snippets registers its generic delete action, so that this one wins.
hooks.register("register_bulk_action", ScopedItemDeleteBulkAction, order=100)


@hooks.register("register_admin_urls")
def register_spreadsheet_urls():
    """Import and export of 附件4 catalogs and 附件2 liaison tables (catalog.spreadsheets)."""
    from .spreadsheets.urls import admin_urls

    return admin_urls()
