"""Site-wide middleware of the project: faults of the database, and the security headers.

``DatabaseUnavailableMiddleware``: when the database refuses writes (a read-only replica or a
PostgreSQL in recovery, an SQLite file that is read-only) or cannot be reached, every page that
needed it answers 503 with a Chinese maintenance page, instead of a 500. The exception may come
from a view or from another middleware (the session is saved after the view), so it is noted
where Django reports it (``got_request_exception``) and the response replaced here.
"""

import sys

from csp.constants import SELF
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.db import DatabaseError, InternalError, OperationalError
from django.http import HttpResponse
from django.template import loader

from sitesettings.selectors import last_known_site_info

# SQLSTATE 25006 read_only_sql_transaction (PostgreSQL read-only transaction or hot standby).
READ_ONLY_SQLSTATE = "25006"
_FLAG = "_cms_database_unavailable"


def database_unavailable(exception: BaseException | None) -> bool:
    """True for errors that mean "the database cannot take this request now"."""
    if not isinstance(exception, DatabaseError):
        return False
    if isinstance(exception, OperationalError):
        return True  # connection refused or dropped, SQLite read-only or locked
    cause = exception.__cause__
    return isinstance(exception, InternalError) and (
        getattr(cause, "sqlstate", None) == READ_ONLY_SQLSTATE
        or "read-only transaction" in str(exception)
    )


def note_database_unavailable(sender, request=None, **kwargs):
    """``got_request_exception`` receiver: remember that the request failed on the database."""
    if request is not None and database_unavailable(sys.exc_info()[1]):
        setattr(request, _FLAG, True)


def maintenance_response(request) -> HttpResponse:
    # the settings last read, not the database (the context processor's would query it)
    context = {"status": 503, "site_info": last_known_site_info()}
    body = loader.get_template("errors/503.html").render(context, request)
    response = HttpResponse(body, status=503)
    response["Retry-After"] = "300"
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code >= 500 and getattr(request, _FLAG, False):
            return maintenance_response(request)
        return response

    def process_exception(self, request, exception):
        if database_unavailable(exception):
            return maintenance_response(request)
        return None


# --- security headers ---------------------------------------------------------------------------

# Wagtail shows previews in an iframe of its own pages: these responses may be framed by the site
# itself. Every other response may be framed by nobody (X_FRAME_OPTIONS = "DENY").
FRAMEABLE_ADMIN_URL_NAMES = frozenset(
    {"preview_on_add", "preview_on_edit", "revisions_view", "workflow_preview"}
)


def _is_admin(request) -> bool:
    return request.path_info.startswith("/admin/")


def _is_frameable(request) -> bool:
    match = getattr(request, "resolver_match", None)
    return bool(match and _is_admin(request) and match.url_name in FRAMEABLE_ADMIN_URL_NAMES)


class AdminPreviewFrameMiddleware:
    """X-Frame-Options SAMEORIGIN for the admin's preview responses only (placed after
    Django's XFrameOptionsMiddleware, which keeps a header that is already set)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if _is_frameable(request):
            response["X-Frame-Options"] = "SAMEORIGIN"
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The strict policy of ``settings.CONTENT_SECURITY_POLICY`` everywhere, widened in the admin
    by ``settings.ADMIN_CSP_ALLOWANCES`` (Wagtail's admin still writes inline scripts and
    styles), except on the sign-in page, which keeps the strict policy."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        match = getattr(request, "resolver_match", None)
        signing_in = match is not None and match.url_name == "wagtailadmin_login"
        if _is_admin(request) and not signing_in:
            parts.update = {**settings.ADMIN_CSP_ALLOWANCES, **(parts.update or {})}
        if _is_frameable(request):
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts
