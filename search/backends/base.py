"""What every search backend offers, and the values they exchange with the rest of the app."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from catalog.enums import ExerciseLevel
from vocabularies import reader
from vocabularies.enums import Vocabulary

from ..analysis import ParsedQuery
from ..documents import IndexDocument

FACETS = ("department", "matter_type", "level", "focus_area")


class SearchBackendError(Exception):
    """The backend could not answer (e.g. Elasticsearch is unreachable)."""


@dataclass(frozen=True)
class SearchFilters:
    """The filters of the search page; values that are not valid choices are ignored."""

    department: int | None = None
    matter_type: str = ""
    level: str = ""
    focus_area: str = ""

    @classmethod
    def from_query(cls, params: Mapping[str, str]) -> SearchFilters:
        try:
            department = int(params.get("department", "") or 0) or None
        except (TypeError, ValueError):
            department = None
        if department is not None and not 0 < department < 2**31:
            department = None
        matter_type = params.get("matter_type", "")
        level = params.get("level", "")
        focus_area = params.get("focus_area", "")
        return cls(
            department=department,
            matter_type=matter_type if reader.term(Vocabulary.MATTER_TYPE, matter_type) else "",
            level=level if level in ExerciseLevel.values else "",
            focus_area=focus_area if reader.term(Vocabulary.FOCUS_AREA, focus_area) else "",
        )

    @property
    def active(self) -> bool:
        return bool(self.department or self.matter_type or self.level or self.focus_area)

    def value(self, facet: str):
        return getattr(self, facet) or None

    def as_params(self) -> dict[str, str]:
        return {f: str(self.value(f)) for f in FACETS if self.value(f)}


@dataclass
class Hit:
    item_id: int
    score: int
    # HTML fragments (escaped, hits in <mark>) when the backend highlights itself.
    highlights: dict[str, str] | None = None


@dataclass
class SearchResults:
    hits: list[Hit]
    total: int
    exact_total: int  # results with an exact hit; the others matched scattered characters
    facets: dict[str, dict] = field(default_factory=dict)  # facet -> {value: count}
    backend: str = ""
    # Set when nothing matched the whole query and these units of it (indexes into
    # ``ParsedQuery.units``, see search.ranking) were searched instead.
    relaxed: tuple[int, ...] | None = None

    @classmethod
    def empty(cls, backend: str = "") -> SearchResults:
        return cls(hits=[], total=0, exact_total=0, facets={f: {} for f in FACETS}, backend=backend)


class SearchBackend(Protocol):
    name: str

    def search(
        self, query: ParsedQuery, filters: SearchFilters, *, offset: int = 0, limit: int = 20
    ) -> SearchResults: ...

    def upsert(self, documents: Iterable[IndexDocument]) -> None: ...

    def delete(self, item_ids: Iterable[int]) -> None: ...

    def rebuild(self, documents: Iterable[IndexDocument]) -> int: ...

    def fingerprints(self) -> dict[int, str]: ...
