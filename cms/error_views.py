"""Chinese error pages for the public site and the admin (used when DEBUG is False).

Each page has the site's header with the search box and links on. The 500 page reads nothing
from the database, so it still renders when the database is down. A URL that does not resolve
is first tried in the forms a link takes when it is retyped, printed or pasted into a chat
(full-width characters, a trailing Chinese full stop or bracket, capitals, a missing final
slash): if one of them resolves, the answer is a redirect to it.
"""

import re
import unicodedata

from django.http import (
    HttpResponseBadRequest,
    HttpResponseForbidden,
    HttpResponseNotFound,
    HttpResponsePermanentRedirect,
    HttpResponseServerError,
)
from django.template import loader
from django.urls import Resolver404, get_script_prefix, resolve
from django.utils.encoding import iri_to_uri

from sitesettings.selectors import last_known_site_info

# Characters a chat program or a sentence glues to the end of a link (after NFKC folding).
TRAILING_JUNK = " \t\u3000。、，,.;；:：!！?？)）]】」』》>\"'“”‘’"
CJK = re.compile(r"[\u4e00-\u9fff]")


def _page(request, template_name: str, status: int, response_class, **context):
    body = loader.get_template(template_name).render({"status": status, **context}, request)
    return response_class(body)


def public_message(exception) -> str:
    """The exception's message when it was written for the public (in Chinese), else ''.

    Views raise ``Http404("该办事指南不存在或未发布")``; Django's own messages are English
    ("No Department matches the given query.") and stay hidden."""
    message = str(exception.args[0]) if exception and exception.args else ""
    return message if CJK.search(message) else ""


def _resolves(path: str) -> bool:
    try:
        resolve(path)
    except Resolver404:
        return False
    return True


def repaired_path(path: str) -> str | None:
    """A path that resolves, made from ``path`` as it may arrive from a shared link, or None."""
    candidate = unicodedata.normalize("NFKC", path).strip(TRAILING_JUNK).lower()
    candidate = "/" + re.sub(r"/{2,}", "/", candidate).lstrip("/")  # never //host
    options = [candidate] if candidate.endswith("/") else [candidate, candidate + "/"]
    for option in options:
        if option != path and _resolves(option):
            return option
    return None


def page_not_found(request, exception=None):
    # Only a path that matches no URL is repaired: a view's own 404 (an unknown record, a file
    # the user may not see) stands as it is.
    unresolved = request.method in ("GET", "HEAD") and not _resolves(request.path_info)
    repaired = repaired_path(request.path_info) if unresolved else None
    if repaired is not None:
        prefix = get_script_prefix().rstrip("/")
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(
            iri_to_uri(prefix + repaired) + (f"?{query}" if query else "")
        )
    return _page(
        request,
        "errors/404.html",
        404,
        HttpResponseNotFound,
        message=public_message(exception),
    )


def bad_request(request, exception=None):
    return _page(request, "errors/400.html", 400, HttpResponseBadRequest)


def permission_denied(request, exception=None):
    return _page(
        request,
        "errors/403.html",
        403,
        HttpResponseForbidden,
        message=public_message(exception),
    )


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: a form sent without a valid token (an old page, cookies blocked)."""
    return _page(request, "errors/403_csrf.html", 403, HttpResponseForbidden)


def server_error(request):
    """No request context (no context processors, no session, no user): nothing in this page
    may need the database, which may be the reason for the error: the site's name and host unit
    are the settings last read in this process."""
    context = {"status": 500, "site_info": last_known_site_info()}
    body = loader.get_template("errors/500.html").render(context)
    return HttpResponseServerError(body)
