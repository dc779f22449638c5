"""The database's own full-text index over the pre-tokenised columns of SearchDocument.

SQLite: three FTS5 tables with external content (the document table) and triggers that keep
them in step with every insert, update and delete of a document, in the same transaction.
PostgreSQL: three generated tsvector columns (``simple`` configuration: the text is already
tokenised) with GIN indexes. Other databases get no full-text index and cannot search.
See docs/adr/007-search.md.
"""

from django.db import migrations

TABLE = "catalog_search_searchdocument"
GROUPS = ("name", "purpose", "body")


def sqlite_forwards():
    statements = []
    for group in GROUPS:
        statements.append(
            f"CREATE VIRTUAL TABLE catalog_search_{group}_fts USING fts5("
            f"{group}_tokens, content='{TABLE}', content_rowid='item_id', "
            "tokenize='unicode61 remove_diacritics 0')"
        )
    inserts = "".join(
        f"INSERT INTO catalog_search_{g}_fts(rowid, {g}_tokens) VALUES (new.item_id, new.{g}_tokens);"
        for g in GROUPS
    )
    deletes = "".join(
        f"INSERT INTO catalog_search_{g}_fts(catalog_search_{g}_fts, rowid, {g}_tokens) "
        f"VALUES ('delete', old.item_id, old.{g}_tokens);"
        for g in GROUPS
    )
    statements += [
        f"CREATE TRIGGER catalog_search_document_ai AFTER INSERT ON {TABLE} BEGIN {inserts} END",
        f"CREATE TRIGGER catalog_search_document_ad AFTER DELETE ON {TABLE} BEGIN {deletes} END",
        f"CREATE TRIGGER catalog_search_document_au AFTER UPDATE ON {TABLE} "
        f"BEGIN {deletes}{inserts} END",
    ]
    statements += [
        f"INSERT INTO catalog_search_{g}_fts(catalog_search_{g}_fts) VALUES ('rebuild')"
        for g in GROUPS
    ]
    return statements


def sqlite_backwards():
    return [
        *(f"DROP TRIGGER IF EXISTS catalog_search_document_{t}" for t in ("ai", "ad", "au")),
        *(f"DROP TABLE IF EXISTS catalog_search_{g}_fts" for g in GROUPS),
    ]


def postgresql_forwards():
    statements = []
    for group in GROUPS:
        statements.append(
            f"ALTER TABLE {TABLE} ADD COLUMN {group}_tsv tsvector GENERATED ALWAYS AS "
            f"(to_tsvector('simple'::regconfig, {group}_tokens)) STORED"
        )
        statements.append(
            f"CREATE INDEX catalog_search_{group}_tsv_gin ON {TABLE} USING gin ({group}_tsv)"
        )
    return statements


def postgresql_backwards():
    return [f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS {g}_tsv" for g in GROUPS]


SQL = {
    "sqlite": (sqlite_forwards, sqlite_backwards),
    "postgresql": (postgresql_forwards, postgresql_backwards),
}


def _run(schema_editor, which: int):
    vendor = schema_editor.connection.vendor
    if vendor not in SQL:
        return
    for statement in SQL[vendor][which]():
        schema_editor.execute(statement)


def forwards(apps, schema_editor):
    _run(schema_editor, 0)


def backwards(apps, schema_editor):
    _run(schema_editor, 1)


class Migration(migrations.Migration):
    dependencies = [("catalog_search", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
