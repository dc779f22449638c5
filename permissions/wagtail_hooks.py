"""Admin registration only: the users viewset's bulk actions, the roles and grant pages, their
menu item and the buttons in the user listing."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton

from . import views
from .duties import may_approve_any, may_request_any, password_refusal
from .users import (
    DeleteWithDutiesBulkAction,
    RequestRoleBulkAction,
    SetActiveStateWithDutiesBulkAction,
)

# same action types as Wagtail's user bulk actions, registered later: they replace them
for _action in (
    RequestRoleBulkAction,
    SetActiveStateWithDutiesBulkAction,
    DeleteWithDutiesBulkAction,
):
    hooks.register("register_bulk_action", _action, order=100)


@hooks.register("register_admin_urls")
def register_grant_urls():
    return [
        path("grants/", views.grant_requests, name="permissions_grant_requests"),
        path("grants/<int:pk>/decide/", views.grant_decide, name="permissions_grant_decide"),
        path("grants/user/<int:pk>/", views.user_roles, name="permissions_user_roles"),
        path("user-password/<int:pk>/", views.user_password, name="permissions_user_password"),
    ]


class GrantsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_request_any(request.user) or may_approve_any(request.user)


@hooks.register("register_settings_menu_item")
def grants_menu_item():
    return GrantsMenuItem(
        "授权申请", reverse("permissions_grant_requests"), name="grants", icon_name="key", order=605
    )


@hooks.register("register_user_listing_buttons")
def user_role_buttons(user, request_user):
    if may_request_any(request_user) or may_approve_any(request_user):
        yield ListingButton(
            "授权", reverse("permissions_user_roles", args=[user.pk]), icon_name="key", priority=80
        )
    if password_refusal(request_user, user) is None:
        yield ListingButton(
            "设置密码",
            reverse("permissions_user_password", args=[user.pk]),
            icon_name="lock",
            priority=85,
        )
