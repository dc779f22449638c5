from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "账号与审计"

    def ready(self):
        from . import checks, signal_handlers

        assert checks and signal_handlers
