"""Admin registration only: viewsets, the permission policy, and action-menu rules."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton
from wagtail.permissions import register_permission_policy
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.models import register_snippet

from permissions.middleware import user_may_see_all_department_reports
from permissions.policy import DepartmentScopedPolicy
from permissions.scope import Scope, filter_by_scope, in_scope

from . import defaults_views, views
from .action_menu import clerk_action_menu
from .defaults import departments_for_defaults
from .extra_field_viewsets import ExtraFieldViewSet, delete_refused
from .legal.urls import admin_urls as legal_admin_urls
from .legal.viewsets import LegalDocumentViewSet
from .letter_wording_viewsets import LetterWordingViewSet
from .models import CertificateItem, LetterWording, ServiceGuide
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
register_snippet(LegalDocumentViewSet)
register_snippet(ExtraFieldViewSet)
register_snippet(LetterWordingViewSet)


@hooks.register("before_delete_snippet")
def refuse_deleting_used_extra_fields(request, instances):
    """A used extra field is retired, never deleted (ADR 020)."""
    return delete_refused(request, instances)


@hooks.register("register_admin_urls")
def register_legal_document_urls():
    """The registry of legal documents: status, confirmation, history, review flags."""
    return legal_admin_urls()


class ReviewFlagsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("catalog.view_certificateitem")


@hooks.register("register_reports_menu_item")
def review_flags_report_menu_item():
    return ReviewFlagsMenuItem(
        "依据变更待复核", reverse("review_flags"), icon_name="warning", order=50
    )


@hooks.register("register_admin_urls")
def register_notice_defaults_urls():
    return [
        path("notice-defaults/", defaults_views.notice_defaults_index, name="notice_defaults"),
        path(
            "notice-defaults/<int:pk>/",
            defaults_views.notice_defaults_edit,
            name="notice_defaults_edit",
        ),
    ]


class NoticeDefaultsMenuItem(MenuItem):
    def is_shown(self, request):
        return departments_for_defaults(request.user).exists()


@hooks.register("register_admin_menu_item")
def notice_defaults_menu_item():
    return NoticeDefaultsMenuItem(
        "告知内容默认值", reverse("notice_defaults"), icon_name="doc-full", order=205
    )


@hooks.register("register_admin_urls")
def register_history_urls():
    return [
        path("history/department/<int:pk>/", views.department_history, name="department_history"),
        path("history/user/<int:pk>/", views.user_history, name="user_history"),
    ]


@hooks.register("insert_editor_js")
def edit_form_js():
    return format_html('<script src="{}"></script>', static("catalog/admin/edit-form.js"))


@hooks.register("register_user_listing_buttons")
def user_history_button(user, request_user):
    if request_user.is_superuser or request_user.has_perm("auth.view_user"):
        yield ListingButton(
            "变更记录", reverse("user_history", args=[user.pk]), icon_name="history", priority=90
        )


USER_DELETION_REFUSED = (
    "用户账户不能删除：账户关联着修订记录、审核记录和个人信息查阅记录，删除会使这些记录失去"
    "操作人。不再使用的账户请停用：编辑该用户，取消勾选“有效”后保存。"
)


@hooks.register("before_delete_user")
def refuse_user_deletion(request, user):
    """Users are deactivated, never deleted (the records they wrote keep their author)."""
    messages.error(request, USER_DELETION_REFUSED)
    return redirect("wagtailusers_users:edit", user.pk)


@hooks.register("before_bulk_action")
def refuse_bulk_user_deletion(request, action_type, objects, action_class_instance):
    user_model = get_user_model()
    if action_type == "delete" and any(isinstance(obj, user_model) for obj in objects):
        messages.error(request, USER_DELETION_REFUSED)
        return redirect("wagtailusers_users:index")
    return None


@hooks.register("construct_snippet_action_menu")
def item_action_menu(menu_items, request, context):
    if context.get("model") in (*REVIEWED_MODELS, LetterWording):
        clerk_action_menu(menu_items)


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
