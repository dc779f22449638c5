"""The embedded default: the database's own full-text index, no server needed.

SQLite: one FTS5 table per field group (name, purpose, body) over the pre-tokenised columns of
``SearchDocument``; PostgreSQL: one generated tsvector column per group with a GIN index
(migration 0002). Each term of a query is looked up as an exact phrase in each group with one
full-text query; the row ids that come back become compressed bitmaps (``pyroaring``) that are
combined with ``&``/``|``/``-`` into the matches, their ranking signals (``search.ranking``),
the filters and the facet counts.

What does not depend on the query is kept in memory for the current index version
(``IndexSnapshot``, reloaded when the version changes): the facet values of every indexed item,
the first tokens of its name (for the "name starts with the term" signal) and, filled as
queries need them, the rows holding each single character (the *scattered* matches are
intersections of these; the characters that occur in most names would otherwise make every
such full-text query walk most of the index).
"""

from __future__ import annotations

import json
import secrets
import threading
from collections.abc import Iterable
from itertools import islice

from django.db import connections, transaction
from django.utils import timezone
from pyroaring import BitMap, FrozenBitMap

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
BATCH = 500
# Past this many changed documents a rebuild re-indexes the full-text tables in one go.
BULK_THRESHOLD = 2000
# How much of a name's token text the snapshot keeps to tell whether the name starts with a
# phrase; longer phrases ask the full-text index.
NAME_HEAD_CHARS = 48
# At most this many single characters' rows are kept per snapshot (each at most a few KB:
# a bitmap of the rows, compressed); past it the oldest are dropped.
MAX_CACHED_CHARACTERS = 4000
EMPTY = FrozenBitMap()
# Where each token stream of a name starts: the name's token text starts with its characters'
# and words' stream ("bi"); the pinyin streams have columns of their own.
START_COLUMNS = {"bi": "name_tokens", "py": "name_pinyin", "pyi": "name_initials"}


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

    def match_ids(self, cursor, group: str, clauses) -> BitMap:
        """Ids of the rows matching any of ``clauses``."""
        table = f"catalog_search_{group}_fts"
        cursor.execute(
            f"SELECT json_group_array(rowid) FROM {table} WHERE {table} MATCH %s",  # noqa: S608
            [self._expression(clauses)],
        )
        return BitMap(json.loads(cursor.fetchone()[0]))

    def start_ids(self, cursor, phrases) -> BitMap:
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

    def match_ids(self, cursor, group: str, clauses) -> BitMap:
        """Ids of the rows matching any of ``clauses``."""
        cursor.execute(
            f"SELECT array_agg(item_id) FROM {TABLE} WHERE {group}_tsv @@ %s::tsquery",  # noqa: S608
            [self._expression(clauses)],
        )
        return BitMap(cursor.fetchone()[0] or ())

    def start_ids(self, cursor, phrases) -> BitMap:
        """Ids whose name starts with one of the phrases: the name column's token text starts
        with the phrase's tokens (the GIN index narrows the rows first)."""
        found = BitMap()
        for tokens in phrases:
            text = " ".join(_checked(t) for t in tokens)
            query = " <-> ".join(f"'{t}'" for t in tokens)
            cursor.execute(
                f"SELECT array_agg(item_id) FROM {TABLE} "  # noqa: S608
                "WHERE name_tsv @@ %s::tsquery AND (name_tokens = %s OR name_tokens LIKE %s)",
                [query, text, text + " %"],
            )
            found |= BitMap(cursor.fetchone()[0] or ())
        return found

    def begin_bulk(self, cursor):
        return None  # generated columns: nothing to suspend

    def end_bulk(self, cursor, state) -> None:
        pass

    def optimize(self, cursor) -> None:
        cursor.execute(f"ANALYZE {TABLE}")


DIALECTS = {"sqlite": SqliteDialect, "postgresql": PostgresDialect}


class IndexSnapshot:
    """What the backend keeps in memory of one version of the index.

    The facet values of every indexed item, as one bitmap per value (for filtering and
    counting); each name's first token and the start of its token text (for the name-start
    signal); and the rows holding each single character, per field group, loaded when a query
    first needs them."""

    def __init__(self, rows):
        members: dict[str, dict] = {facet: {} for facet in FACETS}
        ids: list[int] = []
        # (stream, first token of the name's stream) -> {start of the stream's text: ids}
        self.heads: dict[tuple[str, str], dict[str, list[int]]] = {}
        streams = tuple(START_COLUMNS)
        for item_id, department_id, matter_type, focus_area, levels, *heads in rows:
            ids.append(item_id)
            members["department"].setdefault(department_id, []).append(item_id)
            members["matter_type"].setdefault(matter_type, []).append(item_id)
            members["focus_area"].setdefault(focus_area, []).append(item_id)
            for level, bit in LEVEL_BITS.items():
                if levels & bit:
                    members["level"].setdefault(level, []).append(item_id)
            for stream, head in zip(streams, heads, strict=True):
                if head:  # None: indexed before the pinyin columns existed (until a rebuild)
                    by_head = self.heads.setdefault((stream, head.partition(" ")[0]), {})
                    by_head.setdefault(head, []).append(item_id)
        self.bitmaps = {
            facet: {value: FrozenBitMap(value_ids) for value, value_ids in values.items()}
            for facet, values in members.items()
        }
        self.ids = FrozenBitMap(ids)
        self.characters: dict[tuple[str, str], FrozenBitMap] = {}
        self._lock = threading.Lock()

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
        order = VALUE_ORDER.get(facet, values)
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

    def remember(self, characters: dict[tuple[str, str], BitMap]) -> None:
        """Keep character rows read for this version (see DatabaseBackend.search)."""
        with self._lock:
            for key, bits in characters.items():
                if len(self.characters) >= MAX_CACHED_CHARACTERS:
                    del self.characters[next(iter(self.characters))]
                self.characters[key] = FrozenBitMap(bits)


# The order of the choice facets' values (computed once: the enums' ``values`` are rebuilt on
# every access).
VALUE_ORDER = {
    "matter_type": tuple(MatterType.values),
    "focus_area": tuple(FocusArea.values),
    "level": tuple(ExerciseLevel.values),
}

_snapshots: dict[tuple[str, str], tuple[int, IndexSnapshot]] = {}
_snapshot_lock = threading.Lock()


def _ordered(rows: BitMap, signal_bits: list[BitMap], stop: int) -> list[int]:
    """The first ``stop`` ids of ``rows`` in ranking order: having each signal (in order of
    precedence) before not having it, then by id. Only the partitions needed are walked."""
    out: list[int] = []

    def walk(part: BitMap, level: int) -> None:
        if len(out) >= stop or not part:
            return
        if level == len(signal_bits):
            out.extend(islice(part, stop - len(out)))
            return
        signal = signal_bits[level]
        walk(part & signal, level + 1)
        walk(part - signal, level + 1)

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

    def snapshot(self, cursor, version: int) -> IndexSnapshot:
        key = (self.alias, str(self.connection.settings_dict["NAME"]))
        cached = _snapshots.get(key)
        if cached and cached[0] == version:
            return cached[1]
        with _snapshot_lock:
            cached = _snapshots.get(key)  # another thread may have loaded it meanwhile
            if cached and cached[0] == version:
                return cached[1]
            heads = ", ".join(f"substr({c}, 1, {NAME_HEAD_CHARS})" for c in START_COLUMNS.values())
            cursor.execute(
                "SELECT item_id, department_id, matter_type, focus_area, levels, "  # noqa: S608
                f"{heads} FROM {TABLE}"
            )
            snapshot = IndexSnapshot(cursor.fetchall())
            _snapshots[key] = (version, snapshot)
        return snapshot

    def _match(
        self, cursor, query: ParsedQuery, snapshot: IndexSnapshot, read: dict
    ) -> tuple[BitMap, dict[str, BitMap]]:
        """The ids matching every term, and for each ranking signal the ids that have it.
        Character rows not in the snapshot yet are read and left in ``read``."""
        dialect = self.dialect

        def characters(group: str, chars) -> BitMap:
            """The rows holding every one of ``chars`` in ``group``."""
            found = None
            for char in sorted(chars):
                key = (group, char)
                bits = snapshot.characters.get(key)
                if bits is None:
                    bits = read.get(key)
                    if bits is None:
                        bits = read[key] = dialect.match_ids(cursor, group, [("all", (char,))])
                found = bits if found is None else found & bits
                if not found:
                    break
            return found if found is not None else EMPTY

        signals: dict[str, BitMap] = {s: BitMap() for s in SIGNAL_WEIGHTS}
        matched: BitMap | None = None
        for term in plan(query):
            term_bits = BitMap()
            phrases = term.phrase_clauses
            exact = {}
            for group in ("name", "purpose", "body"):
                exact[group] = bits = (
                    dialect.match_ids(cursor, group, phrases) if phrases else BitMap()
                )
                signals[EXACT_SIGNAL_OF[group]] |= bits
                term_bits |= bits
            if exact["name"] and term.starts:
                starting = snapshot.starting(exact["name"], term.starts)
                if starting is None:
                    starting = self._start_ids(cursor, term.starts) & exact["name"]
                signals[NAME_START] |= starting
            for group in ("name", "purpose"):
                scattered = BitMap()
                for chars in (*term.scattered, *((c,) for c in term.singles)):
                    scattered |= characters(group, chars)
                # scattered only where the term is not exact: the exact signal says more
                scattered -= exact[group]
                signals[SCATTERED_SIGNAL_OF[group]] |= scattered
                term_bits |= scattered
            for char in term.singles:
                term_bits |= characters("body", (char,))
            matched = term_bits if matched is None else matched & term_bits
            if not matched:
                return BitMap(), signals
        return matched if matched is not None else BitMap(), signals

    def _start_ids(self, cursor, starts) -> BitMap:
        """Ids whose name starts with one of the (stream, phrase) ``starts``, from the database
        (for phrases longer than the snapshot keeps)."""
        found = BitMap()
        words = [tokens for stream, tokens in starts if stream == "bi"]
        if words:
            found |= self.dialect.start_ids(cursor, words)
        for stream, tokens in starts:
            if stream == "bi":
                continue
            column = START_COLUMNS[stream]
            text = " ".join(_checked(t) for t in tokens)  # [0-9a-z] only: nothing LIKE reads
            cursor.execute(
                f"SELECT item_id FROM {TABLE} WHERE {column} = %s OR {column} LIKE %s",  # noqa: S608
                [text, text + " %"],
            )
            found |= BitMap(row[0] for row in cursor.fetchall())
        return found

    def search(
        self, query: ParsedQuery, filters: SearchFilters, *, offset: int = 0, limit: int = 20
    ) -> SearchResults:
        if not query:
            return SearchResults.empty(self.name)
        with self.connection.cursor() as cursor:
            for _attempt in range(3):
                read: dict[tuple[str, str], BitMap] = {}
                version = self._version(cursor)
                snapshot = self.snapshot(cursor, version)
                bits, signals = self._match(cursor, query, snapshot, read)
                if self._version(cursor) == version:
                    snapshot.remember(read)
                    break
                # The index changed while we read it (a publication committed): the rows read
                # may mix two versions, so read again.
            else:  # changing all the time: keep to what the last snapshot knows
                bits &= snapshot.ids
        facets = {}
        for facet in FACETS:
            others = snapshot.filter_bits(filters, skip=facet)
            facets[facet] = snapshot.counts(facet, bits if others is None else bits & others)
        results = bits & snapshot.filter_bits(filters) if filters.active else bits
        order = [signals[s] for s in SIGNAL_WEIGHTS]
        page = _ordered(results, order, offset + limit)[offset : offset + limit]
        hits = [
            Hit(item_id=i, score=sum(w for s, w in SIGNAL_WEIGHTS.items() if i in signals[s]))
            for i in page
        ]
        exact = BitMap()
        for s in EXACT_SIGNALS:
            exact |= signals[s]
        return SearchResults(
            hits=hits,
            total=len(results),
            exact_total=results.intersection_cardinality(exact),
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
            name_pinyin=document.name_pinyin,
            name_initials=document.name_initials,
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
        "name_pinyin",
        "name_initials",
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
                d.name_pinyin,
                d.name_initials,
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
