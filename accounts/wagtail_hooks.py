"""Admin registration only: the audit log, lockouts and password pages and their menu items."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_account_urls():
    return [
        path("audit/", views.audit_log, name="accounts_audit_log"),
        path("lockouts/", views.lockouts, name="accounts_lockouts"),
        path("account/password/", views.password_change, name="accounts_password_change"),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.is_superuser or request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def audit_log_menu_item():
    return PermissionMenuItem(
        "审计日志",
        reverse("accounts_audit_log"),
        name="audit-log",
        icon_name="list-ul",
        order=9000,
        permission="accounts.view_auditentry",
    )


@hooks.register("register_settings_menu_item")
def lockouts_menu_item():
    return PermissionMenuItem(
        "登录锁定",
        reverse("accounts_lockouts"),
        name="lockouts",
        icon_name="lock",
        order=610,
        permission="accounts.unlock_login",
    )
