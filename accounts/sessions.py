"""Session limits (等保2.0 登录超时): an idle timeout and an absolute lifetime, both settings.

The login time and the last activity are kept in the session itself; ``SessionLimitMiddleware``
ends a session that is past either limit (the server-side session is flushed, not only the
cookie). Requests a page makes by itself do not count as activity: Wagtail's editing-session
pings (every few seconds while an edit form is open) would otherwise keep an abandoned edit
form logged in for the whole absolute lifetime.
"""

from django.conf import settings

LOGIN_AT_KEY = "accounts_login_at"
SEEN_AT_KEY = "accounts_seen_at"
PASSWORD_CHANGE_KEY = "accounts_password_change"  # noqa: S105 (a session key)
EXPIRED_ATTR = "accounts_session_expired"
# Activity is written to the session at most this often (seconds), not on every request.
SEEN_RESOLUTION = 60
# URL namespaces whose requests are made by the page's own timers, not by the person.
BACKGROUND_NAMESPACES = {"wagtailadmin_editing_sessions"}


def idle_timeout() -> int:
    return int(getattr(settings, "SESSION_IDLE_TIMEOUT", 30 * 60))


def absolute_timeout() -> int:
    return int(getattr(settings, "SESSION_ABSOLUTE_TIMEOUT", 8 * 60 * 60))


def start(session, *, now: float) -> None:
    session[LOGIN_AT_KEY] = now
    session[SEEN_AT_KEY] = now


def expiry_reason(session, *, now: float) -> str | None:
    """ "absolute" or "idle" when the session is past a limit, else None."""
    login_at = session.get(LOGIN_AT_KEY)
    if login_at is None:
        return None
    if now - login_at >= absolute_timeout():
        return "absolute"
    if now - session.get(SEEN_AT_KEY, login_at) >= idle_timeout():
        return "idle"
    return None


def touch(session, *, now: float) -> None:
    if session.get(LOGIN_AT_KEY) is None:
        start(session, now=now)  # a session from before these limits: count from now
    elif now - session.get(SEEN_AT_KEY, 0) >= SEEN_RESOLUTION:
        session[SEEN_AT_KEY] = now
