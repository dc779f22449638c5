"""The request being served, so that the audit log can name who acted and from where even when
the code that writes the entry (a model signal, a password validator) has no request."""

from contextvars import ContextVar

_request: ContextVar = ContextVar("accounts_current_request", default=None)


def current_request():
    return _request.get()


class RequestContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)
