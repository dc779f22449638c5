"""Wagtail's users app with this project's user views (``permissions.users``): installed in
place of ``wagtail.users`` (Wagtail's documented way to customise the users viewset)."""

from wagtail.users.apps import WagtailUsersAppConfig


class UsersAppConfig(WagtailUsersAppConfig):
    user_viewset = "permissions.users.UserViewSet"
