from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "catalog"
    verbose_name = "证明事项目录"

    def ready(self):
        from . import signal_handlers  # noqa: F401
        from .legal import signal_handlers as legal_signal_handlers  # noqa: F401
