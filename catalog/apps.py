from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "catalog"
    verbose_name = "证明事项目录"

    def ready(self):
        from . import signal_handlers  # noqa: F401
