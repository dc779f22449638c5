"""Other public content shown on the search page as groups of their own, below the items.

The item search (``selectors.search_page``) stays as it is; apps above ``search`` in the
dependency order (``content``: policy explanations, FAQs, news, notices) register a provider
in their ``AppConfig.ready``. A provider takes the query text and returns a ``ResultGroup`` or
None.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ResultRow:
    title: str
    url: str
    meta: str = ""
    snippet: str = ""


@dataclass(frozen=True)
class ResultGroup:
    key: str
    heading: str
    rows: list[ResultRow] = field(default_factory=list)


_providers: list[Callable[[str], ResultGroup | None]] = []


def result_group_provider_register(provider: Callable[[str], ResultGroup | None]) -> None:
    if provider not in _providers:
        _providers.append(provider)


def extra_result_groups(text: str) -> list[ResultGroup]:
    if not text.strip():
        return []
    groups = (provider(text) for provider in _providers)
    return [group for group in groups if group is not None and group.rows]
