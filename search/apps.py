from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Chinese public search (issue 3): analysis, backends, indexing on publish, public views."""

    name = "search"
    label = "catalog_search"
    verbose_name = "检索"

    def ready(self):
        from . import signal_handlers  # noqa: F401
