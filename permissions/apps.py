from django.apps import AppConfig


class PermissionsConfig(AppConfig):
    name = "permissions"
    verbose_name = "权限"

    def ready(self):
        from . import checks, signal_handlers

        signal_handlers.connect_post_migrate(self)
        assert checks
