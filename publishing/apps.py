from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "publishing"
    verbose_name = "审核与发布"

    def ready(self):
        from . import signal_handlers  # noqa: F401
