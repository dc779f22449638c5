"""Admin registration only: viewsets, the permission policy, and action-menu rules."""

from django.contrib import messages
from django.shortcuts import redirect
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from permissions.policy import DepartmentScopedPolicy
from permissions.scope import Scope, in_scope

from .models import CertificateItem
from .viewsets import OTHER_DEPARTMENT_MESSAGE, CertificateItemViewSet, DepartmentViewSet

register_permission_policy(CertificateItem, DepartmentScopedPolicy(CertificateItem))
register_snippet(CertificateItemViewSet)
register_snippet(DepartmentViewSet)


@hooks.register("construct_snippet_action_menu")
def remove_direct_publish(menu_items, request, context):
    if context.get("model") is CertificateItem:
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


@hooks.register("before_bulk_action")
def scope_bulk_actions(request, action_type, objects, action_class_instance):
    items = [obj for obj in objects if isinstance(obj, CertificateItem)]
    scope = Scope.VIEW if action_type == "view" else Scope.EDIT
    if any(not in_scope(request.user, scope, item.department_id) for item in items):
        messages.error(request, OTHER_DEPARTMENT_MESSAGE)
        return redirect("wagtailadmin_home")
    if action_type == "publish" and items:
        messages.error(request, "证明事项只能经司法局审核通过后发布。")
        return redirect("wagtailadmin_home")
    return None
