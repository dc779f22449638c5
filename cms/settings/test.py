"""pytest settings: fast hashing, in-memory everything, same database rules as production."""

from .base import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "evidence": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MIDDLEWARE = [m for m in MIDDLEWARE if "whitenoise" not in m]  # noqa: F405
# The suite searches the database index; the Elasticsearch contract tests (tests/search/)
# build their own backend for ELASTICSEARCH_URL or the emulator.
SEARCH_BACKEND = "database"
# The browser tests empty every table after each test, which the audit table's triggers refuse;
# tests/accounts/test_audit_log.py installs them inside a test instead.
AUDIT_DB_GUARD = False
# Personal data at rest (ADR 017): fixed, published, non-secret keys; production refuses them.
PRIVACY_ENCRYPTION_KEYS = ["dGVzdC1vbmx5LXByaXZhY3kta2V5LW5vdC1zZWNyZXQ="]
PRIVACY_HASH_KEY = "test-only-privacy-hash-key-not-secret-0123456789"
