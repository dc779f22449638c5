"""A database-level guard on the audit table: no UPDATE, no TRUNCATE, and DELETE only of rows
older than the legal minimum (183 days), on PostgreSQL only inside a transaction that
``services.audit_purge`` marked. Installed by migration 0002 when ``AUDIT_DB_GUARD`` is on
(the test settings turn it off: the browser tests empty every table after each test)."""

MINIMUM_DAYS = 183
TABLE = "accounts_auditentry"
PURGE_FLAG = "accounts.audit_purge"

POSTGRESQL_INSTALL = [
    f"""
    CREATE OR REPLACE FUNCTION {TABLE}_guard() RETURNS trigger AS $$
    BEGIN
        IF TG_OP = 'UPDATE' THEN
            RAISE EXCEPTION '审计日志只能追加，不能修改';
        END IF;
        IF TG_OP = 'TRUNCATE' THEN
            RAISE EXCEPTION '审计日志不能清空';
        END IF;
        IF coalesce(current_setting('{PURGE_FLAG}', true), '') <> 'on'
           OR OLD.created_at > now() - interval '{MINIMUM_DAYS} days' THEN
            RAISE EXCEPTION '审计日志只能由 purge_audit_log 清理保留期以前的记录';
        END IF;
        RETURN OLD;
    END
    $$ LANGUAGE plpgsql
    """,
    f"""CREATE TRIGGER {TABLE}_guard_rows BEFORE UPDATE OR DELETE ON {TABLE}
        FOR EACH ROW EXECUTE FUNCTION {TABLE}_guard()""",
    f"""CREATE TRIGGER {TABLE}_guard_truncate BEFORE TRUNCATE ON {TABLE}
        FOR EACH STATEMENT EXECUTE FUNCTION {TABLE}_guard()""",
]
POSTGRESQL_UNINSTALL = [
    f"DROP TRIGGER IF EXISTS {TABLE}_guard_rows ON {TABLE}",
    f"DROP TRIGGER IF EXISTS {TABLE}_guard_truncate ON {TABLE}",
    f"DROP FUNCTION IF EXISTS {TABLE}_guard()",
]

SQLITE_INSTALL = [
    f"""CREATE TRIGGER IF NOT EXISTS {TABLE}_no_update BEFORE UPDATE ON {TABLE}
        BEGIN SELECT RAISE(ABORT, '审计日志只能追加，不能修改'); END""",
    f"""CREATE TRIGGER IF NOT EXISTS {TABLE}_no_delete BEFORE DELETE ON {TABLE}
        WHEN OLD.created_at > strftime('%Y-%m-%d %H:%M:%f', 'now', '-{MINIMUM_DAYS} days')
        BEGIN SELECT RAISE(ABORT, '审计日志只能由 purge_audit_log 清理保留期以前的记录'); END""",
]
SQLITE_UNINSTALL = [
    f"DROP TRIGGER IF EXISTS {TABLE}_no_update",
    f"DROP TRIGGER IF EXISTS {TABLE}_no_delete",
]


def _statements(connection, install: bool) -> list[str]:
    if connection.vendor == "postgresql":
        return POSTGRESQL_INSTALL if install else POSTGRESQL_UNINSTALL
    if connection.vendor == "sqlite":
        return SQLITE_INSTALL if install else SQLITE_UNINSTALL
    return []


def install(connection) -> bool:
    """Create the triggers; False on a database this guard does not cover."""
    statements = _statements(connection, install=True)
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
    return bool(statements)


def uninstall(connection) -> None:
    with connection.cursor() as cursor:
        for sql in _statements(connection, install=False):
            cursor.execute(sql)


def allow_purge(connection) -> None:
    """Mark the current transaction as the purge command's (PostgreSQL)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config(%s, 'on', true)", [PURGE_FLAG])
