"""Production refuses to start without usable personal-data keys (privacy.startup, checks)."""

import importlib
import sys

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured

from privacy.checks import privacy_keys_check
from privacy.startup import DEV_ENCRYPTION_KEY, TEST_HASH_KEY, keys_from_environment

GOOD_KEY = Fernet.generate_key().decode()
GOOD_HASH_KEY = "a-real-hash-key-from-the-secret-store-0123456789"


def test_production_keys_come_from_the_environment():
    old = Fernet.generate_key().decode()
    keys = keys_from_environment(
        {
            "PRIVACY_ENCRYPTION_KEYS": f" {GOOD_KEY} , {old} ",
            "PRIVACY_HASH_KEY": GOOD_HASH_KEY,
            "PRIVACY_PREVIOUS_HASH_KEY": "the-previous-hash-key-0123456789abcdef",
        }
    )
    assert keys == {
        "PRIVACY_ENCRYPTION_KEYS": [GOOD_KEY, old],
        "PRIVACY_HASH_KEY": GOOD_HASH_KEY,
        "PRIVACY_PREVIOUS_HASH_KEY": "the-previous-hash-key-0123456789abcdef",
    }


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({}, "未设置 PRIVACY_ENCRYPTION_KEYS"),
        ({"PRIVACY_ENCRYPTION_KEYS": GOOD_KEY}, "未设置 PRIVACY_HASH_KEY"),
        ({"PRIVACY_HASH_KEY": GOOD_HASH_KEY}, "未设置 PRIVACY_ENCRYPTION_KEYS"),
        (
            {"PRIVACY_ENCRYPTION_KEYS": "not-a-key", "PRIVACY_HASH_KEY": GOOD_HASH_KEY},
            "第 1 个密钥不是有效的 Fernet 密钥",
        ),
        (
            {"PRIVACY_ENCRYPTION_KEYS": GOOD_KEY, "PRIVACY_HASH_KEY": "short"},
            "至少需要 32 个字符",
        ),
        (
            {"PRIVACY_ENCRYPTION_KEYS": DEV_ENCRYPTION_KEY, "PRIVACY_HASH_KEY": GOOD_HASH_KEY},
            "公开的开发/测试密钥",
        ),
        (
            {"PRIVACY_ENCRYPTION_KEYS": GOOD_KEY, "PRIVACY_HASH_KEY": TEST_HASH_KEY},
            "公开的开发/测试密钥",
        ),
    ],
)
def test_production_refuses_missing_invalid_or_published_keys(environ, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        keys_from_environment(environ)


def test_production_settings_refuse_to_load_without_the_keys(monkeypatch):
    import cms.settings.base

    monkeypatch.setattr(cms.settings.base, "SECRET_KEY", "s" * 50)  # read before our check
    monkeypatch.setenv("DATABASE_URL", "postgres://x@127.0.0.1/x")
    monkeypatch.delenv("PRIVACY_ENCRYPTION_KEYS", raising=False)
    monkeypatch.delenv("PRIVACY_HASH_KEY", raising=False)
    sys.modules.pop("cms.settings.production", None)
    try:
        with pytest.raises(ImproperlyConfigured, match="个人信息加密密钥"):
            importlib.import_module("cms.settings.production")
        monkeypatch.setenv("PRIVACY_ENCRYPTION_KEYS", GOOD_KEY)
        monkeypatch.setenv("PRIVACY_HASH_KEY", GOOD_HASH_KEY)
        production = importlib.import_module("cms.settings.production")
        assert production.PRIVACY_ENCRYPTION_KEYS == [GOOD_KEY]
        assert production.PRIVACY_HASH_KEY == GOOD_HASH_KEY
    finally:
        sys.modules.pop("cms.settings.production", None)


def test_the_system_check_reports_missing_keys(settings):
    assert privacy_keys_check(None) == []  # the test settings' published keys are fine here
    settings.PRIVACY_ENCRYPTION_KEYS = []
    settings.PRIVACY_HASH_KEY = ""
    errors = privacy_keys_check(None)
    assert {e.id for e in errors} == {"privacy.E001"} and len(errors) == 2


def test_the_system_check_refuses_published_keys_where_production_does(settings):
    settings.PRIVACY_REFUSE_PUBLISHED_KEYS = True
    messages = [e.msg for e in privacy_keys_check(None)]
    assert any("公开的开发/测试密钥" in m for m in messages)
