"""Reading the vocabularies: the terms, labels and legal precedence, cached per process.

All terms are read in one query and kept in the process. A change (``Term`` saved or deleted)
forgets the process's copy at once and, once committed, bumps a generation number in Django's
cache; other processes compare their copy's generation with it at most once a second
(``CHECK_SECONDS``), so they see a change within a second of its commit (ADR 023).
"""

import importlib
import threading
import time
from dataclasses import dataclass

from django.core.cache import cache

from .models import Term

DEFAULTS_MIGRATION = "vocabularies.migrations.0002_default_terms"
GENERATION_KEY = "vocabularies:generation"
CHECK_SECONDS = 1.0
RETIRED_SUFFIX = "（已停用）"


@dataclass(frozen=True)
class TermRow:
    code: str
    label: str
    order: int
    active: bool

    @property
    def value(self) -> str:
        """The code, under the name ``TextChoices`` members use (templates read ``.value``)."""
        return self.code

    @property
    def choice_label(self) -> str:
        return self.label if self.active else f"{self.label}{RETIRED_SUFFIX}"


class _Snapshot:
    def __init__(self, generation, rows):
        self.generation = generation
        self.by_vocabulary: dict[str, list[TermRow]] = {}
        for vocabulary, row in rows:
            self.by_vocabulary.setdefault(vocabulary, []).append(row)
        self.by_code = {
            vocabulary: {row.code: row for row in terms}
            for vocabulary, terms in self.by_vocabulary.items()
        }
        self.rank = {
            vocabulary: {row.code: rank for rank, row in enumerate(terms)}
            for vocabulary, terms in self.by_vocabulary.items()
        }
        self.checked = time.monotonic()


_lock = threading.Lock()
_snapshot: _Snapshot | None = None


def forget() -> None:
    """Drop this process's copy (tests call it between tests; a Term change calls it)."""
    global _snapshot
    _snapshot = None


def use_defaults() -> None:
    """Read the default terms (as migrated) without the database, until ``forget()``: for
    tests that run without a database."""
    global _snapshot
    defaults = importlib.import_module(DEFAULTS_MIGRATION).DEFAULT_TERMS
    rows = [
        (vocabulary, TermRow(code, label, (rank + 1) * 10, True))
        for vocabulary, terms in defaults
        for rank, (code, label) in enumerate(terms)
    ]
    _snapshot = _Snapshot(None, rows)
    _snapshot.checked = float("inf")  # never compared with the cache's generation


def changed() -> None:
    """A committed change: every process reloads (this one at once, others within a second)."""
    forget()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 1, None)


def _load() -> _Snapshot:
    generation = cache.get(GENERATION_KEY, 0)
    rows = [
        (vocabulary, TermRow(code, label, order, active))
        for vocabulary, code, label, order, active in Term.objects.order_by(
            "vocabulary", "order", "pk"
        ).values_list("vocabulary", "code", "label", "order", "active")
    ]
    return _Snapshot(generation, rows)


def _current() -> _Snapshot:
    global _snapshot
    snapshot = _snapshot
    if snapshot is not None:
        if time.monotonic() - snapshot.checked < CHECK_SECONDS:
            return snapshot
        if cache.get(GENERATION_KEY, 0) == snapshot.generation:
            snapshot.checked = time.monotonic()
            return snapshot
    with _lock:
        _snapshot = _load()
        return _snapshot


def terms(vocabulary: str, *, include_retired: bool = False) -> list[TermRow]:
    """The vocabulary's terms in order (active ones only unless ``include_retired``)."""
    rows = _current().by_vocabulary.get(vocabulary, [])
    return list(rows) if include_retired else [row for row in rows if row.active]


def term(vocabulary: str, code: str) -> TermRow | None:
    return _current().by_code.get(vocabulary, {}).get(code)


def label(vocabulary: str, code: str, blank_label: str = "") -> str:
    """The label of ``code`` (retired terms included); an unknown code reads as itself."""
    if not code:
        return blank_label
    row = term(vocabulary, code)
    return row.label if row is not None else str(code)


def choices(vocabulary: str, *, include_retired: bool = False) -> list[tuple[str, str]]:
    """(code, label) pairs in order, as forms, filters and facets offer them."""
    return [(row.code, row.label) for row in terms(vocabulary, include_retired=include_retired)]


def codes(vocabulary: str, *, include_retired: bool = True) -> list[str]:
    return [row.code for row in terms(vocabulary, include_retired=include_retired)]


def by_label(vocabulary: str) -> dict[str, TermRow]:
    """Every term (retired included) by its label, for reading spreadsheets."""
    return {row.label: row for row in terms(vocabulary, include_retired=True)}


def precedence(vocabulary: str, code: str) -> int:
    """The rank of ``code`` in the vocabulary's order (for legal levels: 法律 first); unknown
    or empty codes after all terms."""
    ranks = _current().rank.get(vocabulary, {})
    return ranks.get(code, len(ranks))
