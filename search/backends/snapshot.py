"""What the embedded backend keeps in memory of the index, per version, and how it follows
publications without reloading.

An ``IndexSnapshot`` holds what does not depend on the query: the facet values of every indexed
item (one bitmap per value, for filtering and counting), each name's first tokens (the "name
starts with the term" signal is a dictionary lookup), the names' lengths (ties), and, filled as
queries need them, the rows holding each single character per field group (the *scattered*
matches are intersections of these).

Loading it reads every index row (about 0.5 s at 100,000 items), so it is loaded once per
process. After that, every index write leaves a row per changed item in the change log
(``SearchIndexChange``, numbered in commit order: each write first takes the lock of the index
state row); a process that sees a new index version reads the log rows past the last one it
applied and *patches* a copy of its snapshot from the changed items' current rows, character
rows included. A rebuild that changes many items writes one "everything changed" row, and a
snapshot older than the pruned part of the log is loaded again.
"""

from __future__ import annotations

import copy
import threading
from itertools import islice

from pyroaring import BitMap, FrozenBitMap

from catalog.enums import ExerciseLevel
from vocabularies import reader
from vocabularies.enums import Vocabulary

from ..analysis import is_han
from ..documents import LEVEL_BITS
from .base import FACETS, SearchFilters

TABLE = "catalog_search_searchdocument"
STATE_TABLE = "catalog_search_searchindexstate"
CHANGE_TABLE = "catalog_search_searchindexchange"
# How much of a name's token text the snapshot keeps to tell whether the name starts with a
# phrase; longer phrases ask the full-text index.
NAME_HEAD_CHARS = 48
# At most this many single characters' rows are kept per snapshot (each at most a few KB:
# a bitmap of the rows, compressed); past it the oldest are dropped.
MAX_CACHED_CHARACTERS = 4000
# More changed items than this since the snapshot: load it again rather than patch it.
MAX_PATCH = 2000
# More changed items than this: a patch forgets the phrase rows rather than testing each
# changed item against each of them (they are read again as queries need them).
MAX_PHRASE_PATCH = 50
EMPTY = FrozenBitMap()
# Where each token stream of a name starts: the name's token text starts with its characters'
# and words' stream ("bi"); the pinyin streams have columns of their own.
START_COLUMNS = {"bi": "name_tokens", "py": "name_pinyin", "pyi": "name_initials"}
STREAMS = tuple(START_COLUMNS)
TOKEN_COLUMNS = {"name": "name_tokens", "purpose": "purpose_tokens", "body": "body_tokens"}
_HEADS = ", ".join(f"substr({c}, 1, {NAME_HEAD_CHARS})" for c in START_COLUMNS.values())
ROW_COLUMNS = f"item_id, department_id, matter_type, focus_area, levels, name_length, {_HEADS}"

# The order of the choice facets' values: the exercise levels' (computed once: the enums'
# ``values`` are rebuilt on every access), the vocabularies' terms' (read as they are now).
LEVEL_ORDER = tuple(ExerciseLevel.values)
VOCABULARY_FACETS = {"matter_type": Vocabulary.MATTER_TYPE, "focus_area": Vocabulary.FOCUS_AREA}


def _value_order(facet: str, values) -> tuple:
    if facet == "level":
        return LEVEL_ORDER
    if facet in VOCABULARY_FACETS:
        known = reader.codes(VOCABULARY_FACETS[facet])
        return (*known, *(v for v in values if v not in set(known)))
    return tuple(values)


def _facet_values(row) -> list[tuple[str, object]]:
    _item_id, department_id, matter_type, focus_area, levels = row[:5]
    values = [("department", department_id), ("matter_type", matter_type)]
    values.append(("focus_area", focus_area))
    values += [("level", level) for level, bit in LEVEL_BITS.items() if levels & bit]
    return values


def _heads(row) -> tuple[tuple[str, str], ...]:
    # None: indexed before the pinyin columns existed (until a rebuild)
    return tuple((s, head) for s, head in zip(STREAMS, row[6:9], strict=True) if head)


def _characters(text: str | None) -> set[str]:
    return {t for t in (text or "").split() if len(t) == 1 and is_han(t)}


def phrase_key(group: str, phrases) -> tuple[str, tuple[tuple[str, ...], ...]]:
    """The key of the rows holding any of ``phrases`` (consecutive tokens) in ``group``."""
    return (group, tuple(tuple(tokens) for tokens in phrases))


def holds_phrase(padded_text: str, phrases: tuple[tuple[str, ...], ...]) -> bool:
    """Whether a token text (padded with a space each side) holds one of the phrases as
    consecutive tokens: what an FTS5 phrase query or a tsquery ``<->`` chain matches in the
    same token column (tokens are separated by single spaces, see search.documents)."""
    return any(f" {' '.join(tokens)} " in padded_text for tokens in phrases)


class IndexSnapshot:
    """One version of the index, as the backend keeps it in memory (see the module)."""

    def __init__(self, rows, applied: tuple[int, int | None] = (0, None)):
        members: dict[str, dict] = {facet: {} for facet in FACETS}
        lengths: dict[int | None, list[int]] = {}
        ids: list[int] = []
        # (stream, first token of the name's stream) -> {start of the stream's text: ids}
        self.heads: dict[tuple[str, str], dict[str, list[int]]] = {}
        # item id -> its (stream, head) pairs: what a patch removes. Only the patching thread
        # (under the backend's lock) reads or changes it, so copies share it.
        self.head_of: dict[int, tuple[tuple[str, str], ...]] = {}
        for row in rows:
            item_id = row[0]
            ids.append(item_id)
            for facet, value in _facet_values(row):
                members[facet].setdefault(value, []).append(item_id)
            lengths.setdefault(row[5], []).append(item_id)
            heads = _heads(row)
            self.head_of[item_id] = heads
            for stream, head in heads:
                by_head = self.heads.setdefault((stream, head.partition(" ")[0]), {})
                by_head.setdefault(head, []).append(item_id)
        self.bitmaps = {
            facet: {value: FrozenBitMap(value_ids) for value, value_ids in values.items()}
            for facet, values in members.items()
        }
        self.lengths = {length: FrozenBitMap(i) for length, i in lengths.items()}
        self.ids = FrozenBitMap(ids)
        # Rows read from the full-text index as queries needed them, kept for this version and
        # patched with it: (group, character) -> the rows holding that character, and
        # (group, phrases) -> the rows holding one of the phrases (``phrase_key``).
        self.characters: dict[tuple, FrozenBitMap] = {}
        # (number, version) of the last change log row this snapshot contains
        self.applied = applied
        self._lock = threading.Lock()

    @classmethod
    def load(cls, cursor) -> IndexSnapshot:
        # The log position first: changes committed while the rows are read are applied again
        # by the next patch (patching is idempotent).
        cursor.execute(
            f"SELECT id, version FROM {CHANGE_TABLE} ORDER BY id DESC LIMIT 1"  # noqa: S608
        )
        applied = cursor.fetchone() or (0, None)
        cursor.execute(f"SELECT {ROW_COLUMNS} FROM {TABLE}")  # noqa: S608
        return cls(cursor.fetchall(), applied)

    # --- following the change log ------------------------------------------------------------

    def caught_up(self, cursor) -> IndexSnapshot | None:
        """This snapshot brought up to date from the change log: itself when nothing changed,
        a patched copy, or None when it must be loaded again."""
        number, version = self.applied
        cursor.execute(f"SELECT pruned_below FROM {STATE_TABLE} WHERE id = 1")  # noqa: S608
        row = cursor.fetchone()
        if row and number + 1 < row[0]:
            return None  # the log rows after this snapshot are gone
        cursor.execute(
            f"SELECT id, item_id, version FROM {CHANGE_TABLE} "  # noqa: S608
            "WHERE id >= %s ORDER BY id LIMIT %s",
            [number, MAX_PATCH + 2],
        )
        changes = cursor.fetchall()
        if number:
            # the last row applied must still be there as it was: a write that was rolled back
            # (seen from inside its own transaction) leaves no row, or its number reused
            if not changes or (changes[0][0], changes[0][2]) != (number, version):
                return None
            changes = changes[1:]
        if not changes:
            return self
        if len(changes) > MAX_PATCH or any(item_id is None for _id, item_id, _v in changes):
            return None
        changed = sorted({item_id for _id, item_id, _v in changes})
        cursor.execute(
            f"SELECT {ROW_COLUMNS}, name_tokens, purpose_tokens, body_tokens FROM {TABLE} "  # noqa: S608
            f"WHERE item_id IN ({', '.join(['%s'] * len(changed))})",
            changed,
        )
        last = changes[-1]
        return self._patched(BitMap(changed), cursor.fetchall(), (last[0], last[2]))

    def _patched(self, changed: BitMap, rows, applied: tuple[int, int]) -> IndexSnapshot:
        """A copy without the ``changed`` items, then with their current ``rows`` added."""
        new = copy.copy(self)
        new._lock = threading.Lock()
        new.applied = applied
        new.ids = FrozenBitMap((self.ids - changed) | BitMap(row[0] for row in rows))

        def without(bitmaps: dict) -> dict:
            return {
                key: FrozenBitMap(bits - changed) if bits.intersect(changed) else bits
                for key, bits in bitmaps.items()
            }

        def add(bitmaps: dict, key, item_id: int) -> None:
            bitmaps[key] = FrozenBitMap(bitmaps.get(key, EMPTY) | BitMap([item_id]))

        new.bitmaps = {facet: without(values) for facet, values in self.bitmaps.items()}
        new.lengths = without(self.lengths)
        with self._lock:  # searches may be remembering characters in this snapshot
            new.characters = without(self.characters)
        phrase_keys: dict[str, list] = {group: [] for group in TOKEN_COLUMNS}
        for key in list(new.characters):
            if isinstance(key[1], tuple):
                if len(changed) > MAX_PHRASE_PATCH:
                    del new.characters[key]
                else:
                    phrase_keys[key[0]].append(key)
        new.heads = dict(self.heads)
        copied: set[tuple[str, str]] = set()

        def heads_at(key) -> dict[str, list[int]]:
            if key not in copied:
                copied.add(key)
                new.heads[key] = {h: list(i) for h, i in new.heads.get(key, {}).items()}
            return new.heads[key]

        for item_id in changed:
            for stream, head in self.head_of.pop(item_id, ()):
                by_head = heads_at((stream, head.partition(" ")[0]))
                if item_id in by_head.get(head, ()):
                    by_head[head].remove(item_id)
                    if not by_head[head]:
                        del by_head[head]
        for row in rows:
            item_id = row[0]
            for facet, value in _facet_values(row):
                add(new.bitmaps[facet], value, item_id)
            add(new.lengths, row[5], item_id)
            heads = _heads(row)
            self.head_of[item_id] = heads
            for stream, head in heads:
                heads_at((stream, head.partition(" ")[0])).setdefault(head, []).append(item_id)
            for group, text in zip(TOKEN_COLUMNS, row[9:12], strict=True):
                for char in _characters(text):
                    if (group, char) in new.characters:
                        add(new.characters, (group, char), item_id)
                if phrase_keys:
                    padded = f" {text or ''} "
                    for key in phrase_keys[group]:
                        if holds_phrase(padded, key[1]):
                            add(new.characters, key, item_id)
        return new

    # --- reading -----------------------------------------------------------------------------

    def filter_bits(self, filters: SearchFilters, skip: str = "") -> BitMap | None:
        """The items passing the filters, leaving out the facet ``skip``; None: no filter."""
        bits = None
        for facet in FACETS:
            value = filters.value(facet)
            if facet == skip or not value:
                continue
            value_bits = self.bitmaps[facet].get(value, EMPTY)
            bits = value_bits if bits is None else bits & value_bits
        return bits

    def counts(self, facet: str, bits: BitMap) -> dict:
        """{value: number of items in ``bits`` with that value}, in the facet's value order."""
        values = self.bitmaps[facet]
        order = _value_order(facet, values)
        counted = ((v, bits.intersection_cardinality(values[v])) for v in order if v in values)
        return {v: n for v, n in counted if n}

    def starting(self, matched: BitMap, starts) -> BitMap | None:
        """The ids among ``matched`` (names holding one of the phrases) whose name starts with
        one of the (stream, phrase) ``starts``; None when a phrase is longer than the kept
        start of the names."""
        found = BitMap()
        for stream, tokens in starts:
            text = " ".join(tokens)
            if len(text) >= NAME_HEAD_CHARS:
                return None
            prefix = text + " "
            for head, ids in self.heads.get((stream, tokens[0]), {}).items():
                if head == text or head.startswith(prefix):
                    found.update(ids)
        return found & matched

    def ordered(self, rows: BitMap, signal_bits: list[BitMap], stop: int) -> list[int]:
        """The first ``stop`` ids of ``rows`` in ranking order: having each signal (in order of
        precedence) before not having it, then shorter names first, then by id. Only the
        partitions needed are walked."""
        out: list[int] = []
        lengths = [self.lengths[n] for n in sorted(n for n in self.lengths if n is not None)]
        if None in self.lengths:
            lengths.append(self.lengths[None])

        def walk(part: BitMap, level: int) -> None:
            if len(out) >= stop or not part:
                return
            if level < len(signal_bits):
                signal = signal_bits[level]
                walk(part & signal, level + 1)
                walk(part - signal, level + 1)
                return
            for bits in (*lengths, part - self.ids):
                if len(out) >= stop:
                    return
                out.extend(islice(part & bits, stop - len(out)))

        walk(rows, 0)
        return out

    def remember(self, characters: dict[tuple, BitMap]) -> None:
        """Keep character and phrase rows read for this version (see DatabaseBackend.search)."""
        with self._lock:
            for key, bits in characters.items():
                if len(self.characters) >= MAX_CACHED_CHARACTERS:
                    del self.characters[next(iter(self.characters))]
                self.characters[key] = FrozenBitMap(bits)
