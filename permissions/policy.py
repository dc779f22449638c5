"""The one permission policy for certificate items: model permissions × department scope."""

from wagtail.permission_policies import ModelPermissionPolicy

from .scope import Scope, filter_by_scope, in_scope

VIEW_ACTIONS = {"view"}


def _scope_for(action: str) -> Scope:
    return Scope.VIEW if action in VIEW_ACTIONS else Scope.EDIT


def departments_user_can_edit(user):
    from catalog.models import Department

    return filter_by_scope(Department.objects.all(), user, Scope.EDIT, field="pk")


def departments_user_can_view(user):
    from catalog.models import Department

    return filter_by_scope(Department.objects.all(), user, Scope.VIEW, field="pk")


class DepartmentScopedPolicy(ModelPermissionPolicy):
    """Model-level permission from the user's groups, narrowed to the user's departments.

    ``department_field`` names the path from the model to its ``Department``.
    """

    def __init__(self, model, department_field="department", **kwargs):
        super().__init__(model, **kwargs)
        self.department_field = department_field

    def _department_id(self, instance):
        return getattr(instance, f"{self.department_field}_id")

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if action == "delete" and getattr(instance, "first_published_at", None):
            # Published items leave the catalog by withdrawal, never by deletion.
            return False
        return in_scope(user, _scope_for(action), self._department_id(instance))

    def instances_user_has_permission_for(self, user, action):
        if not self.user_has_permission(user, action):
            return self.model._default_manager.none()
        return filter_by_scope(
            self.model._default_manager.all(), user, _scope_for(action), self.department_field
        )

    def users_with_any_permission_for_instance(self, actions, instance):
        return super().users_with_any_permission(actions)


def user_can_view_item(user, item) -> bool:
    return user.has_perm("catalog.view_certificateitem") and in_scope(
        user, Scope.VIEW, item.department_id
    )


def user_can_edit_item(user, item) -> bool:
    return user.has_perm("catalog.change_certificateitem") and in_scope(
        user, Scope.EDIT, item.department_id
    )


def user_leads_department(user, department_id: int) -> bool:
    return in_scope(user, Scope.LEAD, department_id)
