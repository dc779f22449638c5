from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Chinese public search (issue 3). Not built yet: the app holds its place in the layout."""

    name = "search"
    label = "catalog_search"
    verbose_name = "检索"
