"""Session limits and the forced password change, for every request of a logged-in user."""

import time

from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from . import sessions
from .services import password_change_reason

EXPIRED_MESSAGES = {
    "idle": "您已超过 {minutes} 分钟未操作，登录已失效，请重新登录。",
    "absolute": "登录已满 {hours} 小时，请重新登录。",
}


class SessionLimitMiddleware:
    """End sessions past the idle or absolute limit (after AuthenticationMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.user.is_authenticated:
            return None
        now = time.time()
        reason = sessions.expiry_reason(request.session, now=now)
        if reason:
            setattr(request, sessions.EXPIRED_ATTR, reason)
            logout(request)
            messages.warning(
                request,
                EXPIRED_MESSAGES[reason].format(
                    minutes=sessions.idle_timeout() // 60,
                    hours=sessions.absolute_timeout() // 3600,
                ),
            )
            return None
        match = request.resolver_match
        if match is None or match.namespace not in sessions.BACKGROUND_NAMESPACES:
            sessions.touch(request.session, now=now)
        return None


# Pages a user who must change the password can still reach.
PASSWORD_CHANGE_EXEMPT = {
    "accounts_password_change",
    "accounts_logout",
    "wagtailadmin_logout",
    "wagtailadmin_login",
    "wagtailadmin_javascript_catalog",
}


class PasswordChangeRequiredMiddleware:
    """Send a user whose password was set by an administrator (or has expired) to the password
    page before anything else in the admin."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.user.is_authenticated:
            return None
        if sessions.PASSWORD_CHANGE_KEY not in request.session:
            return None
        match = request.resolver_match
        if match is None or match.url_name in PASSWORD_CHANGE_EXEMPT:
            return None
        if match.namespace in sessions.BACKGROUND_NAMESPACES:
            return None
        if not request.path.startswith(reverse("wagtailadmin_home")):
            return None
        if password_change_reason(request.user) is None:
            del request.session[sessions.PASSWORD_CHANGE_KEY]
            return None
        url = reverse("accounts_password_change")
        return redirect(f"{url}?{urlencode({'next': request.get_full_path()})}")
