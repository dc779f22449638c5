"""The embedded default: the database's own full-text index, no server needed.

SQLite: one FTS5 table per field group (name, purpose, body) over the pre-tokenised columns of
``SearchDocument``; PostgreSQL: one generated tsvector column per group with a GIN index
(migration 0002). Each term of a query is looked up per group and per kind of match (exact
phrase, scattered characters) with one full-text query each; the row id sets that come back
are turned into bitmaps (one Python int each, ``_bitmap``) and combined with ``&``/``|`` into
the matches, their ranking signals (``search.ranking``), the filters and the facet counts.
Facet values come from an in-process table of the indexed items that is reloaded whenever the
index version changes.
"""

from __future__ import annotations

import array
import functools
import json
import secrets
import threading
from collections import deque
from collections.abc import Iterable
from itertools import repeat

from django.db import connections, transaction
from django.utils import timezone

from catalog.enums import ExerciseLevel, FocusArea, MatterType

from ..analysis import TOKEN_RE, ParsedQuery
from ..documents import LEVEL_BITS, IndexDocument
from ..ranking import (
    EXACT_SIGNAL_OF,
    EXACT_SIGNALS,
    NAME_START,
    SCATTERED_SIGNAL_OF,
    SIGNAL_WEIGHTS,
    plan,
)
from .base import FACETS, Hit, SearchFilters, SearchResults

TABLE = "catalog_search_searchdocument"
STATE_TABLE = "catalog_search_searchindexstate"
MATTER_CODES = {value: i for i, value in enumerate(MatterType.values, start=1)}
FOCUS_CODES = {value: i for i, value in enumerate(FocusArea.values, start=1)}
BATCH = 500
# Past this many changed documents a rebuild re-indexes the full-text tables in one go.
BULK_THRESHOLD = 2000


def _checked(token: str) -> str:
    # Tokens come from search.analysis and can only hold [0-9a-z] and Han characters; checked
    # again here because they are written into a full-text query string.
    if not TOKEN_RE.match(token):
        raise ValueError(f"unexpected token {token!r}")
    return token


class SqliteDialect:
    """FTS5 MATCH expressions; every token is double-quoted, so no FTS5 syntax can leak in."""

    @staticmethod
    def _expression(clauses) -> str:
        parts = []
        for kind, tokens in clauses:
            if kind in ("phrase", "start"):
                caret = "^ " if kind == "start" else ""
                parts.append(caret + '"' + " ".join(_checked(t) for t in tokens) + '"')
            else:
                parts.append("(" + " AND ".join(f'"{_checked(t)}"' for t in tokens) + ")")
        return "(" + " OR ".join(parts) + ")"

    def match_ids(self, cursor, group: str, clauses, exclude=()) -> set[int]:
        """Ids of the rows matching any of ``clauses`` and none of ``exclude``."""
        expression = self._expression(clauses)
        if exclude:
            expression += " NOT " + self._expression(exclude)
        table = f"catalog_search_{group}_fts"
        cursor.execute(
            f"SELECT json_group_array(rowid) FROM {table} WHERE {table} MATCH %s",  # noqa: S608
            [expression],
        )
        return set(json.loads(cursor.fetchone()[0]))

    def start_ids(self, cursor, phrases) -> set[int]:
        """Ids whose name starts with one of the phrases (FTS5 ``^``: first token)."""
        return self.match_ids(cursor, "name", [("start", p) for p in phrases])

    def begin_bulk(self, cursor) -> list[str]:
        """Stop the per-row triggers (one FTS5 write per document is four times slower than
        re-indexing from the document table at the end); returns their SQL for end_bulk."""
        cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s",
            ["catalog_search_document_%"],
        )
        triggers = cursor.fetchall()
        for name, _sql in triggers:
            cursor.execute(f"DROP TRIGGER {name}")
        return [sql for _name, sql in triggers]

    def end_bulk(self, cursor, state: list[str]) -> None:
        for group in ("name", "purpose", "body"):
            table = f"catalog_search_{group}_fts"
            cursor.execute(f"INSERT INTO {table}({table}) VALUES ('rebuild')")  # noqa: S608
        for sql in state:
            cursor.execute(sql)

    def optimize(self, cursor) -> None:
        # FTS5's 'optimize' (merging all segments) took seconds at 100,000 items and did not
        # make queries measurably faster; the automatic merges are enough.
        pass


class PostgresDialect:
    """tsquery text built from quoted lexemes (``'律师'``), never from the user's text."""

    @staticmethod
    def _expression(clauses) -> str:
        parts = []
        for kind, tokens in clauses:
            joiner = " <-> " if kind == "phrase" else " & "
            parts.append("(" + joiner.join(f"'{_checked(t)}'" for t in tokens) + ")")
        return "(" + " | ".join(parts) + ")"

    def match_ids(self, cursor, group: str, clauses, exclude=()) -> set[int]:
        """Ids of the rows matching any of ``clauses`` and none of ``exclude``."""
        query = self._expression(clauses)
        if exclude:
            query += " & !" + self._expression(exclude)
        cursor.execute(
            f"SELECT array_agg(item_id) FROM {TABLE} WHERE {group}_tsv @@ %s::tsquery",  # noqa: S608
            [query],
        )
        return set(cursor.fetchone()[0] or ())

    def start_ids(self, cursor, phrases) -> set[int]:
        """Ids whose name starts with one of the phrases: the name column's token text starts
        with the phrase's tokens (the GIN index narrows the rows first)."""
        found: set[int] = set()
        for tokens in phrases:
            text = " ".join(_checked(t) for t in tokens)
            query = " <-> ".join(f"'{t}'" for t in tokens)
            cursor.execute(
                f"SELECT array_agg(item_id) FROM {TABLE} "  # noqa: S608
                "WHERE name_tsv @@ %s::tsquery AND (name_tokens = %s OR name_tokens LIKE %s)",
                [query, text, text + " %"],
            )
            found |= set(cursor.fetchone()[0] or ())
        return found

    def begin_bulk(self, cursor):
        return None  # generated columns: nothing to suspend

    def end_bulk(self, cursor, state) -> None:
        pass

    def optimize(self, cursor) -> None:
        cursor.execute(f"ANALYZE {TABLE}")


DIALECTS = {"sqlite": SqliteDialect, "postgresql": PostgresDialect}


def _bitmap(ids, size: int) -> int:
    """A set of ids as the bits of one integer: intersections and counts of thousands of ids
    then cost microseconds (``&``, ``int.bit_count``). Ids from ``size`` on are left out.

    Built as a text of binary digits (one byte per id, set by a C-level ``map``) that ``int``
    parses in linear time: several times faster than setting bits in a Python loop."""
    if len(ids) < size >> 5:  # few ids: set their bits one by one
        bits = bytearray((size >> 3) + 1)
        for i in ids:
            if i < size:
                bits[i >> 3] |= 1 << (i & 7)
        return int.from_bytes(bits, "little")
    digits = bytearray(b"0") * max(size, 1)
    try:
        deque(map(digits.__setitem__, ids, repeat(49)), maxlen=0)  # 49: ord("1")
    except IndexError:  # an id the table does not describe yet
        digits = bytearray(b"0") * max(size, 1)
        deque(map(digits.__setitem__, [i for i in ids if i < size], repeat(49)), maxlen=0)
    digits.reverse()
    return int(digits, 2)


def _lowest(bits: int, count: int) -> list[int]:
    """The ``count`` smallest ids of a bitmap, in increasing order."""
    if count <= 0 or not bits:
        return []
    digits = bin(bits)[:1:-1]  # digit i is bit i
    out: list[int] = []
    position = digits.find("1")
    while position >= 0 and len(out) < count:
        out.append(position)
        position = digits.find("1", position + 1)
    return out


class FacetTable:
    """Department, matter type, focus area and exercise levels of every indexed item: one
    bitmap per facet value (for counting) and arrays indexed by item id (for filtering)."""

    def __init__(self, rows):
        rows = list(rows)
        self.size = max((r[0] for r in rows), default=0) + 1
        self.ids = frozenset(r[0] for r in rows)
        self.department = array.array("l", bytes(8 * self.size))
        self.matter = array.array("b", bytes(self.size))
        self.focus = array.array("b", bytes(self.size))
        self.levels = array.array("b", bytes(self.size))
        members: dict[str, dict] = {facet: {} for facet in FACETS}
        for item_id, department_id, matter_type, focus_area, levels in rows:
            self.department[item_id] = department_id
            self.matter[item_id] = MATTER_CODES.get(matter_type, 0)
            self.focus[item_id] = FOCUS_CODES.get(focus_area, 0)
            self.levels[item_id] = levels
            members["department"].setdefault(department_id, []).append(item_id)
            members["matter_type"].setdefault(matter_type, []).append(item_id)
            members["focus_area"].setdefault(focus_area, []).append(item_id)
            for level, bit in LEVEL_BITS.items():
                if levels & bit:
                    members["level"].setdefault(level, []).append(item_id)
        self.bitmaps = {
            facet: {value: _bitmap(ids, self.size) for value, ids in values.items()}
            for facet, values in members.items()
        }

    @functools.cached_property
    def known_bits(self) -> int:
        """The ids the table describes (an entry committed after it was loaded waits for the
        next version)."""
        return _bitmap(self.ids, self.size)

    def filter_bits(self, filters: SearchFilters, skip: str = "") -> int | None:
        """The items passing the filters, leaving out the facet ``skip``; None: no filter."""
        bits = None
        for facet in FACETS:
            value = filters.value(facet)
            if facet == skip or not value:
                continue
            value_bits = self.bitmaps[facet].get(value, 0)
            bits = value_bits if bits is None else bits & value_bits
        return bits

    def counts(self, facet: str, bits: int) -> dict:
        """{value: number of items in ``bits`` with that value}, in the facet's value order."""
        values = self.bitmaps[facet]
        order = VALUE_ORDER.get(facet, values)
        counted = ((v, (bits & values[v]).bit_count()) for v in order if v in values)
        return {v: n for v, n in counted if n}


# The order of the choice facets' values (computed once: the enums' ``values`` are rebuilt on
# every access).
VALUE_ORDER = {
    "matter_type": tuple(MatterType.values),
    "focus_area": tuple(FocusArea.values),
    "level": tuple(ExerciseLevel.values),
}

_facet_tables: dict[tuple[str, str], tuple[int, FacetTable]] = {}
_facet_lock = threading.Lock()


def _ordered(rows: int, signal_bits: list[int], stop: int) -> list[int]:
    """The first ``stop`` ids of the bitmap ``rows`` in ranking order: having each signal (in
    order of precedence) before not having it, then by id. Only the partitions needed are
    walked."""
    out: list[int] = []

    def walk(part: int, level: int) -> None:
        if len(out) >= stop or not part:
            return
        if level == len(signal_bits):
            out.extend(_lowest(part, stop - len(out)))
            return
        signal = signal_bits[level]
        walk(part & signal, level + 1)
        walk(part & ~signal, level + 1)

    walk(rows, 0)
    return out


class DatabaseBackend:
    name = "database"

    def __init__(self, alias: str = "default"):
        self.alias = alias

    @property
    def connection(self):
        return connections[self.alias]

    @property
    def dialect(self):
        vendor = self.connection.vendor
        if vendor not in DIALECTS:
            raise NotImplementedError(f"no full-text search for {vendor}")
        return DIALECTS[vendor]()

    # --- reading --------------------------------------------------------------------------

    def _version(self, cursor) -> int:
        cursor.execute(f"SELECT version FROM {STATE_TABLE} WHERE id = 1")  # noqa: S608
        row = cursor.fetchone()
        return row[0] if row else 0

    def facet_table(self, cursor, version: int) -> FacetTable:
        key = (self.alias, str(self.connection.settings_dict["NAME"]))
        cached = _facet_tables.get(key)
        if cached and cached[0] == version:
            return cached[1]
        with _facet_lock:
            cursor.execute(
                f"SELECT item_id, department_id, matter_type, focus_area, levels FROM {TABLE}"  # noqa: S608
            )
            table = FacetTable(cursor.fetchall())
            _facet_tables[key] = (version, table)
        return table

    def _match(self, cursor, query: ParsedQuery, size: int) -> tuple[int, dict[str, int]]:
        """Bitmaps (``_bitmap``, ids below ``size``) of the ids matching every term, and for
        each ranking signal of the ids that have it."""
        dialect = self.dialect

        def match(group, clauses, exclude=()) -> int:
            return _bitmap(dialect.match_ids(cursor, group, clauses, exclude), size)

        signals: dict[str, int] = dict.fromkeys(SIGNAL_WEIGHTS, 0)
        matched: int | None = None
        for term in plan(query):
            term_bits = 0
            phrases = term.phrase_clauses
            for group in ("name", "purpose", "body"):
                if phrases:
                    bits = match(group, phrases)
                    signals[EXACT_SIGNAL_OF[group]] |= bits
                    term_bits |= bits
                    if group == "name" and bits and term.starts:
                        signals[NAME_START] |= _bitmap(dialect.start_ids(cursor, term.starts), size)
            for group in ("name", "purpose"):
                clauses = term.name_or_purpose_clauses
                if clauses:
                    # scattered only: where the term is exact, the exact signal says more
                    bits = match(group, clauses, exclude=phrases)
                    signals[SCATTERED_SIGNAL_OF[group]] |= bits
                    term_bits |= bits
            if term.singles:
                term_bits |= match("body", [("all", (c,)) for c in term.singles])
            matched = term_bits if matched is None else matched & term_bits
            if not matched:
                return 0, signals
        return matched or 0, signals

    def search(
        self, query: ParsedQuery, filters: SearchFilters, *, offset: int = 0, limit: int = 20
    ) -> SearchResults:
        if not query:
            return SearchResults.empty(self.name)
        with self.connection.cursor() as cursor:
            version = self._version(cursor)
            table = self.facet_table(cursor, version)
            # Ids from the table's size on (committed after it was loaded) are left out of
            # the bitmaps: they wait for the next version.
            bits, signals = self._match(cursor, query, table.size)
            if self._version(cursor) != version:  # the index changed while we read it
                bits &= table.known_bits
        facets = {}
        for facet in FACETS:
            others = table.filter_bits(filters, skip=facet)
            facets[facet] = table.counts(facet, bits if others is None else bits & others)
        results = bits & table.filter_bits(filters) if filters.active else bits
        order = [signals[s] for s in SIGNAL_WEIGHTS]
        page = _ordered(results, order, offset + limit)[offset : offset + limit]
        hits = [
            Hit(item_id=i, score=sum(w for s, w in SIGNAL_WEIGHTS.items() if signals[s] >> i & 1))
            for i in page
        ]
        exact = 0
        for s in EXACT_SIGNALS:
            exact |= signals[s]
        return SearchResults(
            hits=hits,
            total=results.bit_count(),
            exact_total=(results & exact).bit_count(),
            facets=facets,
            backend=self.name,
        )

    def fingerprints(self) -> dict[int, str]:
        with self.connection.cursor() as cursor:
            cursor.execute(f"SELECT item_id, fingerprint FROM {TABLE}")  # noqa: S608
            return dict(cursor.fetchall())

    # --- writing ---------------------------------------------------------------------------

    def _bump(self) -> None:
        # A random version, never a counter: a rolled-back transaction's version must never
        # come back later with other content (per-version caches would then be stale).
        version = secrets.randbits(62)
        with self.connection.cursor() as cursor:
            cursor.execute(f"UPDATE {STATE_TABLE} SET version = %s WHERE id = 1", [version])  # noqa: S608
            if cursor.rowcount == 0:
                cursor.execute(
                    f"INSERT INTO {STATE_TABLE} (id, version) VALUES (1, %s)",  # noqa: S608
                    [version],
                )

    @staticmethod
    def _row(document: IndexDocument):
        from ..models import SearchDocument

        return SearchDocument(
            item_id=document.item_id,
            department_id=document.department_id,
            matter_type=document.matter_type,
            focus_area=document.focus_area,
            levels=document.levels_mask,
            name_tokens=document.name_tokens,
            purpose_tokens=document.purpose_tokens,
            body_tokens=document.body_tokens,
            live_revision_id=document.live_revision_id,
            fingerprint=document.fingerprint,
        )

    def upsert(self, documents: Iterable[IndexDocument]) -> None:
        from ..models import SearchDocument

        documents = list(documents)
        if not documents:
            return
        with transaction.atomic(using=self.alias):
            manager = SearchDocument.objects.db_manager(self.alias)
            manager.filter(item_id__in=[d.item_id for d in documents]).delete()
            manager.bulk_create([self._row(d) for d in documents], batch_size=BATCH)
            self._bump()

    def delete(self, item_ids: Iterable[int]) -> None:
        from ..models import SearchDocument

        item_ids = list(item_ids)
        with transaction.atomic(using=self.alias):
            SearchDocument.objects.db_manager(self.alias).filter(item_id__in=item_ids).delete()
            self._bump()

    COLUMNS = (
        "item_id",
        "department_id",
        "matter_type",
        "focus_area",
        "levels",
        "name_tokens",
        "purpose_tokens",
        "body_tokens",
        "live_revision_id",
        "fingerprint",
        "indexed_at",
    )

    def _insert_rows(self, cursor, documents: list[IndexDocument]) -> None:
        """Plain multi-row INSERTs: a rebuild writes up to every published item."""
        now = self.connection.ops.adapt_datetimefield_value(timezone.now())
        rows = [
            (
                d.item_id,
                d.department_id,
                d.matter_type,
                d.focus_area,
                d.levels_mask,
                d.name_tokens,
                d.purpose_tokens,
                d.body_tokens,
                d.live_revision_id,
                d.fingerprint,
                now,
            )
            for d in documents
        ]
        placeholders = ", ".join(["%s"] * len(self.COLUMNS))
        cursor.executemany(
            f"INSERT INTO {TABLE} ({', '.join(self.COLUMNS)}) VALUES ({placeholders})",  # noqa: S608
            rows,
        )

    def _delete_rows(self, cursor, item_ids: list[int]) -> None:
        for start in range(0, len(item_ids), BATCH):
            chunk = item_ids[start : start + BATCH]
            cursor.execute(
                f"DELETE FROM {TABLE} WHERE item_id IN ({', '.join(['%s'] * len(chunk))})",  # noqa: S608
                chunk,
            )

    def rebuild(self, documents: Iterable[IndexDocument]) -> int:
        """Make the index hold exactly ``documents``: write what changed, drop the rest, in one
        transaction (readers see the old index until it commits)."""
        count = changed = 0
        dialect = self.dialect
        bulk = None  # set once many documents change: see SqliteDialect.begin_bulk
        with transaction.atomic(using=self.alias), self.connection.cursor() as cursor:
            existing = self.fingerprints()
            seen: set[int] = set()
            batch: list[IndexDocument] = []

            def flush():
                nonlocal changed, bulk
                if bulk is None and changed + len(batch) > BULK_THRESHOLD:
                    bulk = dialect.begin_bulk(cursor)
                self._delete_rows(cursor, [d.item_id for d in batch if d.item_id in existing])
                self._insert_rows(cursor, batch)
                changed += len(batch)
                batch.clear()

            for document in documents:
                count += 1
                seen.add(document.item_id)
                if existing.get(document.item_id) != document.fingerprint:
                    batch.append(document)
                    if len(batch) >= BATCH:
                        flush()
            flush()
            gone = [i for i in existing if i not in seen]
            self._delete_rows(cursor, gone)
            changed += len(gone)
            if bulk is not None:
                dialect.end_bulk(cursor, bulk)
            if changed:
                self._bump()
        if changed > BULK_THRESHOLD:
            with self.connection.cursor() as cursor:
                dialect.optimize(cursor)
        return count
