"""Raw database reads for the privacy tests: what an attacker with a copy of the database sees."""

from cryptography.fernet import Fernet
from django.db import connection

NEW_KEY = Fernet.generate_key().decode()
NEW_HASH_KEY = "rotated-hash-key-for-the-tests-only-0123456789abcdef"


def raw_rows(table: str) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
        return cursor.fetchall()


def raw_text(table: str) -> str:
    """Every value of every row of ``table`` as one string."""
    return "\n".join(" | ".join(str(value) for value in row) for row in raw_rows(table))


def raw_column(table: str, column: str, pk: int, pk_column: str = "id") -> str:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {quote(column)} FROM {quote(table)} WHERE {quote(pk_column)} = %s",  # noqa: S608
            [pk],
        )
        return cursor.fetchone()[0]
