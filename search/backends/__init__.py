"""The search backends and the one (cached) factory that picks them from the settings.

``SEARCH_BACKEND`` is ``database`` (the default: the database's own full-text index) or
``elasticsearch`` (when ``ELASTICSEARCH_URL`` is set). The database index is always kept, in
the same transaction as every publication: it is the record of what is published and the
fallback when Elasticsearch cannot answer.
"""

from functools import cache

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

from .base import (
    FACETS,
    Hit,
    SearchBackend,
    SearchBackendError,
    SearchFilters,
    SearchResults,
)
from .database import DatabaseBackend

__all__ = [
    "FACETS",
    "DatabaseBackend",
    "Hit",
    "SearchBackend",
    "SearchBackendError",
    "SearchFilters",
    "SearchResults",
    "get_database_backend",
    "get_search_backend",
]


@cache
def get_database_backend() -> DatabaseBackend:
    return DatabaseBackend()


@cache
def get_search_backend() -> SearchBackend:
    """The backend that answers public searches, as configured."""
    name = getattr(settings, "SEARCH_BACKEND", "database")
    if name == "database":
        return get_database_backend()
    if name == "elasticsearch":
        from .elasticsearch import ElasticsearchBackend

        return ElasticsearchBackend(
            settings.ELASTICSEARCH_URL,
            alias=settings.SEARCH_ELASTICSEARCH_INDEX,
            replicas=settings.SEARCH_ELASTICSEARCH_REPLICAS,
            timeout=settings.SEARCH_ELASTICSEARCH_TIMEOUT,
        )
    raise ValueError(f"unknown SEARCH_BACKEND {name!r}")


@receiver(setting_changed)
def _forget_backends(setting, **kwargs):
    if setting.startswith(("SEARCH_", "ELASTICSEARCH_")):
        get_search_backend.cache_clear()
