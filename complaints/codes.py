"""Tracking numbers (TS2026-000123) and query codes.

The query code is shown once on the confirmation page (and e-mailed when an address was
given) and stored only as a password hash: nobody, staff included, can read it back. A lookup
compares in constant time and spends the same work whether the number exists or not.
"""

import re
import secrets

from django.contrib.auth.hashers import check_password, make_password

# No 0/O, 1/I/L: the code is typed from a screen or a phone message.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 10
NUMBER_PATTERN = re.compile(r"^TS(\d{4})-(\d{6})$")
_DUMMY_HASH = None


def tracking_number(year: int, sequence: int) -> str:
    return f"TS{year}-{sequence:06d}"


def normalise_number(value: str) -> str:
    return re.sub(r"\s+", "", (value or "")).upper().replace("－", "-")


def new_query_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:5]}-{raw[5:]}"


def normalise_code(value: str) -> str:
    return re.sub(r"[\s\-－]", "", (value or "")).upper()


def hash_code(code: str) -> str:
    return make_password(normalise_code(code))


def code_matches(code: str, encoded: str | None) -> bool:
    """Constant-time check; with ``encoded`` None (no such number) a dummy hash is checked so
    that the answer takes as long as for a real one."""
    global _DUMMY_HASH
    if encoded is None:
        if _DUMMY_HASH is None:
            _DUMMY_HASH = make_password(new_query_code())
        check_password(normalise_code(code), _DUMMY_HASH)
        return False
    return check_password(normalise_code(code), encoded)
