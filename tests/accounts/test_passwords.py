"""Password rules (issue 10, point 5): at least 10 characters of three classes, not numeric,
common, pinyin-plus-digits or a keyboard run; a password set by an administrator is changed at
the next login; expiry is a setting."""

import datetime
import re

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from accounts.enums import AuditAction
from accounts.models import AuditEntry, PasswordState
from permissions.enums import Role

from ..factories import make_department, make_user

REFUSED = [
    "83920174",  # numeric, short
    "zhangsan1",  # pinyin name + digit, short
    "Zhangsan2024!",  # pinyin name with capitals, digits and a symbol
    "Zhang.San-2024",
    "Woaini1314!",
    "wangxiaoming1990",
    "A1234567890",
    "a1234567890",
    "1qaz2wsx!QAZ",
    "Qwer1234!@#$",
    "P@ssw0rd2024",
    "Admin@123456",
    "abcdefghijk",  # one class
    "Short1!",  # too short
    "lowercase2024",  # two classes
]
ACCEPTED = ["Hx7#mQ2v9Lp", "tR8%kd3Nw!q", settings.DEMO_PASSWORD, "Bd4-Xq9z-Lm2"]


@pytest.mark.parametrize("password", REFUSED)
def test_weak_passwords_are_refused_in_chinese(password):
    with pytest.raises(ValidationError) as info:
        validate_password(password)
    assert all(any("\u4e00" <= c <= "\u9fff" for c in m) for m in info.value.messages)


@pytest.mark.parametrize("password", ACCEPTED)
def test_strong_passwords_are_accepted(password):
    validate_password(password)


def test_password_spelling_the_users_name_in_pinyin_is_refused(db):
    user = make_user("lina")
    user.first_name = "李娜"
    with pytest.raises(ValidationError, match="姓名的拼音"):
        validate_password("Kq7#LiNa-2024x", user=user)


def test_new_password_must_differ_from_the_current_one(db):
    user = make_user("same_pw", password="Hx7#mQ2v9Lp")
    with pytest.raises(ValidationError, match="不能与当前密码相同"):
        validate_password("Hx7#mQ2v9Lp", user=user)


@pytest.fixture
def editor(db):
    return make_user("pw_editor", role=Role.EDITOR, departments=[make_department()])


def _login(client, username, password):
    return client.post(reverse("wagtailadmin_login"), {"username": username, "password": password})


def test_password_set_by_another_user_must_be_changed_at_next_login(client, editor):
    security_admin = make_user("pw_secadmin", role=Role.SECURITY_ADMIN)
    client.force_login(security_admin)
    response = client.post(
        reverse("permissions_user_password", args=[editor.pk]),
        {"new_password1": "Tq8#wLm3Zx2", "new_password2": "Tq8#wLm3Zx2"},
    )
    assert response.status_code == 302
    state = PasswordState.objects.get(user=editor)
    assert state.change_required and state.set_by == security_admin
    assert AuditEntry.objects.filter(
        action=AuditAction.PASSWORD_SET, user=security_admin, object_id=str(editor.pk)
    ).exists()

    client.logout()
    _login(client, editor.username, "Tq8#wLm3Zx2")
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts_password_change"))
    page = client.get(response["Location"]).content.decode()
    assert "管理员设置的" in page

    response = client.post(
        reverse("accounts_password_change"),
        {
            "old_password": "Tq8#wLm3Zx2",
            "new_password1": "Nv5$pRk8Qe1",
            "new_password2": "Nv5$pRk8Qe1",
        },
    )
    assert response.status_code == 302
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    state.refresh_from_db()
    assert not state.change_required and state.set_by is None
    assert AuditEntry.objects.filter(action=AuditAction.PASSWORD_CHANGED, user=editor).exists()


def test_weak_new_password_is_refused_on_the_change_page(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("accounts_password_change"),
        {
            "old_password": settings.DEMO_PASSWORD,
            "new_password1": "zhangsan1",
            "new_password2": "zhangsan1",
        },
    )
    assert response.status_code == 200
    assert "密码太短：至少需要 10 个字符" in response.content.decode()
    editor.refresh_from_db()
    assert editor.check_password(settings.DEMO_PASSWORD)


def test_own_password_and_server_created_accounts_need_no_forced_change(client, editor):
    assert not PasswordState.objects.filter(user=editor, change_required=True).exists()
    _login(client, editor.username, settings.DEMO_PASSWORD)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


@override_settings(PASSWORD_MAX_AGE_DAYS=90)
def test_expired_password_must_be_changed(client, editor):
    PasswordState.objects.create(
        user=editor, changed_at=timezone.now() - datetime.timedelta(days=91)
    )
    _login(client, editor.username, settings.DEMO_PASSWORD)
    response = client.get(reverse("wagtailadmin_home"))
    assert response["Location"].startswith(reverse("accounts_password_change"))
    assert "已到期" in client.get(response["Location"]).content.decode()


@override_settings(PASSWORD_MAX_AGE_DAYS=90)
def test_password_younger_than_the_limit_is_not_expired(client, editor):
    PasswordState.objects.create(
        user=editor, changed_at=timezone.now() - datetime.timedelta(days=89)
    )
    _login(client, editor.username, settings.DEMO_PASSWORD)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_expiry_is_off_by_default(client, editor):
    assert settings.PASSWORD_MAX_AGE_DAYS == 0
    PasswordState.objects.create(
        user=editor, changed_at=timezone.now() - datetime.timedelta(days=3650)
    )
    _login(client, editor.username, settings.DEMO_PASSWORD)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_reset_by_e_mail_is_the_owners_own_change(client, editor, mailoutbox):
    editor.email = "pw_editor@example.invalid"
    editor.save()
    client.post(reverse("wagtailadmin_password_reset"), {"email": editor.email})
    path = re.search(r"(/admin/password_reset/confirm/\S+/)", mailoutbox[0].body).group(1)
    form_url = client.get(path)["Location"]
    response = client.post(
        form_url, {"new_password1": "Nv5$pRk8Qe1", "new_password2": "Nv5$pRk8Qe1"}
    )
    assert response.status_code == 302
    editor.refresh_from_db()
    assert editor.check_password("Nv5$pRk8Qe1")
    entry = AuditEntry.objects.get(action=AuditAction.PASSWORD_CHANGED)
    assert entry.user == editor and entry.detail == {"via": "重置邮件"}
    assert not PasswordState.objects.get(user=editor).change_required
