"""Login lockout (issue 10, point 2): 5 failures per account name or per client address lock
it out, with one Chinese message whether or not the account exists; every failure is logged
with the address; the security administrator (or a command) unlocks."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.enums import AuditAction
from accounts.models import AuditEntry
from permissions.enums import Role

from ..factories import make_user

LOGIN = "wagtailadmin_login"
LOCKED = "登录失败次数过多"


def attempt(client, username, password, ip="10.1.1.1"):
    return client.post(reverse(LOGIN), {"username": username, "password": password}, REMOTE_ADDR=ip)


def fail(client, username, times, ip="10.1.1.1"):
    return [attempt(client, username, "wrong-password-1", ip) for _ in range(times)]


@pytest.fixture
def editor(db):
    return make_user("lock_editor", role=Role.EDITOR)


def test_settings_lock_after_five_failures_for_thirty_minutes():
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 30 * 60
    assert settings.AXES_LOCKOUT_PARAMETERS == ["username", "ip_address"]
    assert settings.AUTHENTICATION_BACKENDS[0] == "accounts.backends.LoginLockoutBackend"


def test_four_failures_still_let_the_right_password_in(client, editor):
    responses = fail(client, editor.username, 4)
    assert all(r.status_code == 200 and LOCKED not in r.content.decode() for r in responses)
    response = attempt(client, editor.username, settings.DEMO_PASSWORD)
    assert response.status_code == 302
    assert client.session.get("_auth_user_id") == str(editor.pk)


def test_fifth_failure_locks_the_account_even_with_the_right_password(client, editor):
    responses = fail(client, editor.username, 5)
    assert responses[-1].status_code == 429
    assert LOCKED in responses[-1].content.decode()
    response = attempt(client, editor.username, settings.DEMO_PASSWORD, ip="10.9.9.9")
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_unknown_account_gets_the_same_answers_as_an_existing_one(client, editor):
    existing = fail(client, editor.username, 5, ip="10.1.1.1")
    unknown = fail(client, "no_such_user", 5, ip="10.2.2.2")
    for a, b in zip(existing, unknown, strict=True):
        assert a.status_code == b.status_code
        text_a = a.content.decode().replace(editor.username, "NAME")
        text_b = b.content.decode().replace("no_such_user", "NAME")
        assert _messages(text_a) == _messages(text_b)
    assert LOCKED in _messages(unknown[-1].content.decode())


def _messages(html: str) -> str:
    start = html.index('<div class="messages"')
    return html[start : html.index("</div>", start)]


def test_five_failures_from_one_address_lock_that_address_for_every_account(client, editor):
    for n in range(5):
        attempt(client, f"guess{n}", "wrong-password-1", ip="10.3.3.3")
    response = attempt(client, editor.username, settings.DEMO_PASSWORD, ip="10.3.3.3")
    assert response.status_code == 429
    response = attempt(client, editor.username, settings.DEMO_PASSWORD, ip="10.4.4.4")
    assert response.status_code == 302


def test_failures_older_than_the_cool_off_are_forgotten(client, editor):
    fail(client, editor.username, 5)
    AccessAttempt.objects.update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME)
    response = attempt(client, editor.username, settings.DEMO_PASSWORD)
    assert response.status_code == 302


def test_every_failure_and_the_lockout_are_in_the_audit_log_with_the_address(client, editor):
    fail(client, editor.username, 5, ip="10.5.5.5")
    failures = AuditEntry.objects.filter(action=AuditAction.LOGIN_FAILED)
    assert failures.count() == 5
    assert {(e.username, e.ip_address, e.user_id) for e in failures} == {
        (editor.username, "10.5.5.5", editor.pk)
    }
    locked = AuditEntry.objects.get(action=AuditAction.LOCKED_OUT)
    assert (locked.username, locked.ip_address) == (editor.username, "10.5.5.5")


def test_successful_login_and_logout_are_logged(client, editor):
    attempt(client, editor.username, settings.DEMO_PASSWORD, ip="10.6.6.6")
    client.post(reverse("wagtailadmin_logout"), REMOTE_ADDR="10.6.6.6")
    actions = list(
        AuditEntry.objects.filter(user=editor).order_by("pk").values_list("action", "ip_address")
    )
    assert (AuditAction.LOGIN, "10.6.6.6") in actions
    assert (AuditAction.LOGOUT, "10.6.6.6") in actions


@pytest.fixture
def security_admin(db):
    return make_user("secadmin", role=Role.SECURITY_ADMIN)


def test_security_administrator_unlocks_an_account(client, editor, security_admin):
    fail(client, editor.username, 5)
    admin_client = client.__class__()
    admin_client.force_login(security_admin)
    page = admin_client.get(reverse("accounts_lockouts")).content.decode()
    assert editor.username in page and "已锁定" in page
    response = admin_client.post(reverse("accounts_lockouts"), {"username": editor.username})
    assert response.status_code == 302
    assert attempt(client, editor.username, settings.DEMO_PASSWORD).status_code == 302
    entry = AuditEntry.objects.get(action=AuditAction.UNLOCKED)
    assert entry.user == security_admin and entry.object_label == editor.username


def test_unlock_by_address(client, editor, security_admin):
    for n in range(5):
        attempt(client, f"guess{n}", "wrong-password-1", ip="10.7.7.7")
    admin_client = client.__class__()
    admin_client.force_login(security_admin)
    admin_client.post(reverse("accounts_lockouts"), {"ip_address": "10.7.7.7"})
    assert (
        attempt(client, editor.username, settings.DEMO_PASSWORD, ip="10.7.7.7").status_code == 302
    )


@pytest.mark.parametrize("role", [Role.ADMINISTRATOR, Role.AUDITOR, Role.REVIEWER])
def test_only_the_security_administrator_may_unlock(client, editor, role):
    fail(client, editor.username, 5)
    other = client.__class__()
    other.force_login(make_user("someone", role=role))
    assert other.get(reverse("accounts_lockouts")).status_code in (302, 403)
    other.post(reverse("accounts_lockouts"), {"username": editor.username})
    assert attempt(client, editor.username, settings.DEMO_PASSWORD).status_code == 429
    assert not AuditEntry.objects.filter(action=AuditAction.UNLOCKED).exists()


def test_command_line_unlock(client, editor):
    fail(client, editor.username, 5)
    call_command("axes_reset_username", editor.username)
    assert attempt(client, editor.username, settings.DEMO_PASSWORD).status_code == 302
