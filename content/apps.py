from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = "政务公开内容"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from search.extra_groups import result_group_provider_register

        from . import signal_handlers  # noqa: F401
        from .selectors import search_result_group

        result_group_provider_register(search_result_group)
