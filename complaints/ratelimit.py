"""Fixed-window counters in the cache, for the public complaint form and lookup.

The algorithm of django-ratelimit (``cache.add`` then ``cache.incr`` on a key per window),
written out here because the project's shared environment cannot take a new package on this
branch (ADR 014). With Redis (``CACHE_URL``) every app server counts together; without it each
process counts on its own, which still slows a flood down.
"""

import hashlib
import time
from dataclasses import dataclass

from django.core.cache import cache


@dataclass(frozen=True)
class Limit:
    name: str
    count: int
    seconds: int


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: int = 0


def _key(limit: Limit, value: str, window: int) -> str:
    digest = hashlib.sha256(value.encode()).hexdigest()[:32]  # no address or phone in the cache
    return f"complaints:rl:{limit.name}:{window}:{digest}"


def _window(limit: Limit, now: float) -> tuple[int, int]:
    window = int(now // limit.seconds)
    retry_after = int((window + 1) * limit.seconds - now) + 1
    return window, retry_after


def peek(limit: Limit, value: str, now: float | None = None) -> Verdict:
    """Would one more hit be allowed? (Counts nothing.)"""
    now = time.time() if now is None else now
    window, retry_after = _window(limit, now)
    used = cache.get(_key(limit, value, window), 0)
    return Verdict(True) if used < limit.count else Verdict(False, retry_after)


def hit(limit: Limit, value: str, now: float | None = None) -> Verdict:
    """Count one hit for ``value``; refused once ``limit.count`` hits were made in the window."""
    if not value:
        return Verdict(True)
    now = time.time() if now is None else now
    window, retry_after = _window(limit, now)
    key = _key(limit, value, window)
    cache.add(key, 0, limit.seconds + 5)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, limit.seconds + 5)
        used = 1
    return Verdict(True) if used <= limit.count else Verdict(False, retry_after)
