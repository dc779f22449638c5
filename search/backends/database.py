"""The embedded default: the database's own full-text index, no server needed.

SQLite: one FTS5 table per field group (name, purpose, body) over the pre-tokenised columns of
``SearchDocument``; PostgreSQL: one generated tsvector column per group with a GIN index
(migration 0002; the expressions in ``dialects``). Each required term of a query is looked up
as an exact phrase in each group with one full-text query, each pair of neighbouring terms as
the phrases that put them together in the name and the purpose; the row ids that come back
become compressed bitmaps (``pyroaring``) that are combined with ``&``/``|``/``-`` into the
matches, their ranking signals (``search.ranking``), the filters and the facet counts. When
nothing matches, the units of the query are counted subset by subset from the same bitmaps and
the best subset answers (relaxation).

What does not depend on the query is kept in memory per index version (``snapshot``), and
follows publications through the index's change log, which every write here fills.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import connections, transaction
from django.utils import timezone
from pyroaring import BitMap

from ..analysis import ParsedQuery, Term
from ..documents import IndexDocument
from ..ranking import (
    EXACT_SIGNAL_OF,
    EXACT_SIGNALS,
    GROUPS,
    NAME_START,
    SCATTERED_SIGNAL_OF,
    SIGNAL_WEIGHTS,
    TOGETHER_ALL,
    TOGETHER_GROUPS,
    TOGETHER_SOME,
    best_candidate,
    pair_plans,
    relaxation_candidates,
    relaxed_query,
    term_plan,
)
from .base import FACETS, Hit, SearchFilters, SearchResults
from .dialects import DIALECTS, checked
from .snapshot import (
    CHANGE_TABLE,
    EMPTY,
    MAX_PATCH,
    START_COLUMNS,
    STATE_TABLE,
    TABLE,
    IndexSnapshot,
    phrase_key,
)

BATCH = 500
# Past this many changed documents a rebuild re-indexes the full-text tables in one go.
BULK_THRESHOLD = 2000
# The change log keeps at least this many rows; older ones are pruned.
KEEP_CHANGES = 10_000

_snapshots: dict[tuple[str, str], tuple[int, IndexSnapshot]] = {}
_snapshot_lock = threading.Lock()


@dataclass
class TermMatch:
    """Where one term matches: all its rows, and per ranking signal the rows that have it."""

    bits: BitMap
    signals: dict[str, BitMap] = field(default_factory=dict)

    @property
    def exact(self) -> BitMap:
        found = BitMap()
        for signal in EXACT_SIGNALS:
            found |= self.signals.get(signal, EMPTY)
        return found


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
        """The snapshot of ``version``: the one in memory, brought up to date from the change
        log, or loaded afresh."""
        key = (self.alias, str(self.connection.settings_dict["NAME"]))
        cached = _snapshots.get(key)
        if cached and cached[0] == version:
            return cached[1]
        with _snapshot_lock:
            cached = _snapshots.get(key)  # another thread may have brought it up meanwhile
            if cached and cached[0] == version:
                return cached[1]
            snapshot = cached[1].caught_up(cursor) if cached else None
            if snapshot is None:
                snapshot = IndexSnapshot.load(cursor)
            _snapshots[key] = (version, snapshot)
        return snapshot

    def _term_match(self, cursor, term: Term, snapshot: IndexSnapshot, read: dict) -> TermMatch:
        """Where ``term`` matches. Character rows not in the snapshot yet are read and left in
        ``read``."""
        plan = term_plan(term)

        def characters(group: str, chars) -> BitMap:
            """The rows holding every one of ``chars`` in ``group``."""
            found = None
            for char in sorted(chars):
                bits = self._kept_rows(cursor, (group, char), [("all", (char,))], snapshot, read)
                found = bits if found is None else found & bits
                if not found:
                    break
            return found if found is not None else EMPTY

        match = TermMatch(BitMap())
        exact = {}
        for group in GROUPS:
            exact[group] = self._phrase_ids(cursor, group, plan.phrases, snapshot, read)
            match.signals[EXACT_SIGNAL_OF[group]] = exact[group]
            match.bits |= exact[group]
        if exact["name"] and plan.starts:
            starting = snapshot.starting(exact["name"], plan.starts)
            if starting is None:
                starting = self._start_ids(cursor, plan.starts) & exact["name"]
            match.signals[NAME_START] = starting
        for group in ("name", "purpose"):
            scattered = BitMap()
            for chars in (*plan.scattered, *((c,) for c in plan.singles)):
                scattered |= characters(group, chars)
            # scattered only where the term is not exact: the exact signal says more
            scattered -= exact[group]
            match.signals[SCATTERED_SIGNAL_OF[group]] = scattered
            match.bits |= scattered
        for char in plan.singles:
            match.bits |= characters("body", (char,))
        return match

    def _phrase_ids(self, cursor, group: str, phrases, snapshot: IndexSnapshot, read: dict):
        """The rows holding one of ``phrases`` in ``group``: kept in the snapshot like the
        character rows (a common phrase such as 证明 is most of the index, and reading it from
        the full-text index is the bulk of a query's time), else read and left in ``read``."""
        if not phrases:
            return BitMap()
        key = phrase_key(group, phrases)
        clauses = [("phrase", tokens) for tokens in key[1]]
        return self._kept_rows(cursor, key, clauses, snapshot, read)

    def _kept_rows(self, cursor, key, clauses, snapshot: IndexSnapshot, read: dict) -> BitMap:
        """The rows of ``key`` (``(group, character)`` or ``phrase_key``): from the snapshot,
        from what this search read already, or read from the full-text index now."""
        bits = snapshot.characters.get(key)
        if bits is None:
            bits = read.get(key)
            if bits is None:
                bits = read[key] = self.dialect.match_ids(cursor, key[0], clauses)
        return bits

    def _evaluate(
        self, cursor, query: ParsedQuery, snapshot: IndexSnapshot, read: dict, memo: dict
    ) -> tuple[BitMap, dict[str, BitMap]]:
        """The ids matching every required term, and for each ranking signal the ids that have
        it. Term matches are kept in ``memo`` (relaxation reuses them)."""
        signals: dict[str, BitMap] = {s: BitMap() for s in SIGNAL_WEIGHTS}
        matched: BitMap | None = None
        for term in query.required:
            if term not in memo:
                memo[term] = self._term_match(cursor, term, snapshot, read)
            match = memo[term]
            for signal, bits in match.signals.items():
                signals[signal] |= bits
            matched = match.bits if matched is None else matched & match.bits
            if not matched:
                return BitMap(), signals
        if matched is None:
            return BitMap(), signals
        together = []
        for pair in pair_plans(query):
            bits = BitMap()
            for group in TOGETHER_GROUPS:
                bits |= self._phrase_ids(cursor, group, pair.phrases, snapshot, read)
            together.append(bits & matched)
        if together:
            signals[TOGETHER_ALL] = BitMap.intersection(*together)
            signals[TOGETHER_SOME] = BitMap.union(*together)
        return matched, signals

    def _relaxed(
        self, cursor, query: ParsedQuery, snapshot: IndexSnapshot, read: dict, memo: dict
    ) -> tuple[tuple[int, ...], BitMap, dict[str, BitMap]] | None:
        """The best subset of the query's units that finds something (search.ranking)."""
        candidates = relaxation_candidates(query)
        if not candidates:
            return None
        units = query.units
        matches = {}
        for i in sorted({i for subset in candidates for i in subset}):
            if units[i] not in memo:
                memo[units[i]] = self._term_match(cursor, units[i], snapshot, read)
            matches[i] = memo[units[i]]
        counts = []
        for subset in candidates:
            bits = BitMap.intersection(*(matches[i].bits for i in subset))
            exact = BitMap.union(*(matches[i].exact for i in subset))
            counts.append((len(bits), bits.intersection_cardinality(exact)))
        best = best_candidate(query, candidates, counts)
        if best is None:
            return None
        bits, signals = self._evaluate(cursor, relaxed_query(query, best), snapshot, read, memo)
        return best, bits, signals

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
            text = " ".join(checked(t) for t in tokens)  # [0-9a-z] only: nothing LIKE reads
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
                memo: dict[Term, TermMatch] = {}
                version = self._version(cursor)
                snapshot = self.snapshot(cursor, version)
                bits, signals = self._evaluate(cursor, query, snapshot, read, memo)
                relaxed = None
                if not bits:
                    found = self._relaxed(cursor, query, snapshot, read, memo)
                    if found is not None:
                        relaxed, bits, signals = found
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
        page = snapshot.ordered(results, order, offset + limit)[offset : offset + limit]
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
            relaxed=relaxed,
        )

    def fingerprints(self) -> dict[int, str]:
        with self.connection.cursor() as cursor:
            cursor.execute(f"SELECT item_id, fingerprint FROM {TABLE}")  # noqa: S608
            return dict(cursor.fetchall())

    # --- writing ---------------------------------------------------------------------------

    def _bump(self) -> int:
        """A new index version. Every write calls it *first*: the update takes the lock of the
        state row until the transaction ends, so index writes commit one after the other and
        the change log's numbers follow the commit order (snapshots rely on it).

        A random version, never a counter: a rolled-back transaction's version must never come
        back later with other content (per-version caches would then be stale)."""
        version = secrets.randbits(62)
        with self.connection.cursor() as cursor:
            cursor.execute(f"UPDATE {STATE_TABLE} SET version = %s WHERE id = 1", [version])  # noqa: S608
            if cursor.rowcount == 0:
                cursor.execute(
                    f"INSERT INTO {STATE_TABLE} (id, version, pruned_below) VALUES (1, %s, 0)",  # noqa: S608
                    [version],
                )
        return version

    def _log(self, cursor, item_ids: list[int] | None, version: int) -> None:
        """Note the changed items in the change log (None: everything changed), and prune it."""
        rows = [[None, version]] if item_ids is None else [[i, version] for i in item_ids]
        if len(rows) > MAX_PATCH:
            rows = [[None, version]]  # snapshots would reload anyway
        cursor.executemany(
            f"INSERT INTO {CHANGE_TABLE} (item_id, version) VALUES (%s, %s)",  # noqa: S608
            rows,
        )
        cursor.execute(f"SELECT MAX(id) FROM {CHANGE_TABLE}")  # noqa: S608
        last = cursor.fetchone()[0]
        cursor.execute(f"SELECT pruned_below FROM {STATE_TABLE} WHERE id = 1")  # noqa: S608
        pruned_below = cursor.fetchone()[0]
        if last - pruned_below > 2 * KEEP_CHANGES:
            keep_from = last - KEEP_CHANGES
            cursor.execute(f"DELETE FROM {CHANGE_TABLE} WHERE id < %s", [keep_from])  # noqa: S608
            cursor.execute(
                f"UPDATE {STATE_TABLE} SET pruned_below = %s WHERE id = 1",  # noqa: S608
                [keep_from],
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
            name_length=document.name_length,
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
            version = self._bump()
            manager = SearchDocument.objects.db_manager(self.alias)
            manager.filter(item_id__in=[d.item_id for d in documents]).delete()
            manager.bulk_create([self._row(d) for d in documents], batch_size=BATCH)
            with self.connection.cursor() as cursor:
                self._log(cursor, [d.item_id for d in documents], version)

    def delete(self, item_ids: Iterable[int]) -> None:
        from ..models import SearchDocument

        item_ids = list(item_ids)
        with transaction.atomic(using=self.alias):
            version = self._bump()
            SearchDocument.objects.db_manager(self.alias).filter(item_id__in=item_ids).delete()
            with self.connection.cursor() as cursor:
                self._log(cursor, item_ids, version)

    COLUMNS = (
        "item_id",
        "department_id",
        "matter_type",
        "focus_area",
        "levels",
        "name_tokens",
        "name_pinyin",
        "name_initials",
        "name_length",
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
                d.name_length,
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
        count = 0
        changed: list[int] = []
        version = None
        dialect = self.dialect
        bulk = None  # set once many documents change: see SqliteDialect.begin_bulk
        with transaction.atomic(using=self.alias), self.connection.cursor() as cursor:
            existing = self.fingerprints()
            seen: set[int] = set()
            batch: list[IndexDocument] = []

            def write(ids: list[int]) -> None:
                nonlocal version
                if ids and version is None:
                    version = self._bump()  # the first write takes the lock (see _bump)
                changed.extend(ids)

            def flush():
                nonlocal bulk
                if bulk is None and len(changed) + len(batch) > BULK_THRESHOLD:
                    bulk = dialect.begin_bulk(cursor)
                write([d.item_id for d in batch])
                self._delete_rows(cursor, [d.item_id for d in batch if d.item_id in existing])
                self._insert_rows(cursor, batch)
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
            write(gone)
            self._delete_rows(cursor, gone)
            if bulk is not None:
                dialect.end_bulk(cursor, bulk)
            if changed:
                self._log(cursor, changed if len(changed) <= MAX_PATCH else None, version)
        if len(changed) > BULK_THRESHOLD:
            with self.connection.cursor() as cursor:
                dialect.optimize(cursor)
        return count
