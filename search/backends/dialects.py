"""The full-text dialects of the embedded backend: SQLite FTS5 MATCH expressions and
PostgreSQL tsquery text, always built from the analysis' tokens (checked again here), never from
what the user typed."""

from __future__ import annotations

import json

from pyroaring import BitMap

from ..analysis import TOKEN_RE
from .snapshot import TABLE


def checked(token: str) -> str:
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
                parts.append(caret + '"' + " ".join(checked(t) for t in tokens) + '"')
            else:
                parts.append("(" + " AND ".join(f'"{checked(t)}"' for t in tokens) + ")")
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
            parts.append("(" + joiner.join(f"'{checked(t)}'" for t in tokens) + ")")
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
            text = " ".join(checked(t) for t in tokens)
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
