"""Site-wide response middleware of the project (the outermost layer of the request).

``DatabaseUnavailableMiddleware``: when the database refuses writes (a read-only replica or a
PostgreSQL in recovery, an SQLite file that is read-only) or cannot be reached, every page that
needed it answers 503 with a Chinese maintenance page, instead of a 500. The exception may come
from a view or from another middleware (the session is saved after the view), so it is noted
where Django reports it (``got_request_exception``) and the response replaced here.
"""

import sys

from django.db import DatabaseError, InternalError, OperationalError
from django.http import HttpResponse
from django.template import loader

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
    body = loader.get_template("errors/503.html").render({"status": 503}, request)
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
