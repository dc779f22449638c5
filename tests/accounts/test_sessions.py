"""Sessions (issue 10, point 4): idle timeout 30 minutes, absolute 8 hours, and logging out
(GET or POST) ends the server-side session, not only the cookie."""

import time

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from accounts import sessions
from accounts.enums import AuditAction
from accounts.models import AuditEntry
from permissions.enums import Role

from ..factories import make_department, make_user

HOME = "wagtailadmin_home"


@pytest.fixture
def editor(db):
    return make_user("session_editor", role=Role.EDITOR, departments=[make_department()])


@pytest.fixture
def logged_in(client, editor):
    client.force_login(editor)
    return client


def _is_logged_in(client) -> bool:
    response = client.get(reverse(HOME))
    return response.status_code == 200


def _shift(client, **seconds_ago):
    session = client.session
    now = time.time()
    if "login" in seconds_ago:
        session[sessions.LOGIN_AT_KEY] = now - seconds_ago["login"]
    if "seen" in seconds_ago:
        session[sessions.SEEN_AT_KEY] = now - seconds_ago["seen"]
    session.save()


def test_limits_are_settings_of_30_minutes_and_8_hours():
    assert settings.SESSION_IDLE_TIMEOUT == 30 * 60
    assert settings.SESSION_ABSOLUTE_TIMEOUT == 8 * 60 * 60
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60


@pytest.mark.parametrize("method", ["get", "post"])
def test_logout_ends_the_server_side_session(logged_in, method):
    key = logged_in.session.session_key
    assert _is_logged_in(logged_in)
    getattr(logged_in, method)("/admin/logout/")
    assert not Session.objects.filter(session_key=key).exists()
    replay = Client()
    replay.cookies[settings.SESSION_COOKIE_NAME] = key
    response = replay.get(reverse(HOME))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_logout_url_is_the_one_the_admin_links_to():
    assert reverse("wagtailadmin_logout") == reverse("accounts_logout") == "/admin/logout/"


def test_idle_session_ends_after_30_minutes(logged_in, editor):
    key = logged_in.session.session_key
    _shift(logged_in, login=31 * 60, seen=30 * 60 + 1)
    response = logged_in.get(reverse(HOME))
    assert response.status_code == 302
    assert not Session.objects.filter(session_key=key).exists()
    entry = AuditEntry.objects.get(action=AuditAction.SESSION_EXPIRED)
    assert entry.user == editor and entry.detail == {"reason": "idle"}


def test_activity_within_the_idle_limit_keeps_the_session_and_counts(logged_in):
    _shift(logged_in, login=60 * 60, seen=29 * 60)
    assert _is_logged_in(logged_in)
    assert time.time() - logged_in.session[sessions.SEEN_AT_KEY] < 60


def test_session_ends_8_hours_after_login_despite_activity(logged_in):
    _shift(logged_in, login=8 * 60 * 60 + 1, seen=10)
    assert not _is_logged_in(logged_in)
    assert AuditEntry.objects.get(action=AuditAction.SESSION_EXPIRED).detail == {
        "reason": "absolute"
    }


def test_expired_session_gets_a_chinese_message_on_the_login_page(logged_in):
    _shift(logged_in, login=31 * 60, seen=31 * 60)
    response = logged_in.get(reverse(HOME), follow=True)
    assert "分钟未操作，登录已失效" in response.content.decode()


def test_editing_session_pings_do_not_keep_an_idle_session_alive(logged_in):
    _shift(logged_in, login=20 * 60, seen=20 * 60)
    seen = logged_in.session[sessions.SEEN_AT_KEY]
    url = reverse("wagtailadmin_editing_sessions:ping", args=["catalog", "certificateitem", 1, 1])
    logged_in.post(url)
    assert logged_in.session[sessions.SEEN_AT_KEY] == seen
    _shift(logged_in, seen=30 * 60)
    logged_in.post(url)
    assert not _is_logged_in(logged_in)


def test_login_form_session_is_stamped(client, editor):
    client.post(
        reverse("wagtailadmin_login"),
        {"username": editor.username, "password": settings.DEMO_PASSWORD},
    )
    assert client.session[sessions.LOGIN_AT_KEY] <= time.time()
