"""Production: PostgreSQL (DATABASE_URL), optional Redis cache (CACHE_URL), strict security.

Refuses to start with the development secret key, without the personal-data keys
(PRIVACY_ENCRYPTION_KEYS, PRIVACY_HASH_KEY; privacy.startup), and (in cms/wsgi.py, via
permissions.startup) while any demo account still has its published demo password.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from accounts.shipping import audit_logging
from privacy.startup import keys_from_environment

from .base import *  # noqa: F403
from .base import SECRET_KEY

DEBUG = False
if SECRET_KEY.startswith("dev-only") or len(SECRET_KEY) < 40:
    raise ImproperlyConfigured("生产环境必须通过环境变量 SECRET_KEY 设置至少 40 位的随机密钥。")
if not os.environ.get("DATABASE_URL"):
    raise ImproperlyConfigured("生产环境必须设置 DATABASE_URL（PostgreSQL）。")

REFUSE_DEMO_ACCOUNTS = True
# Personal data at rest (ADR 017): keys only from the environment; refuses to start without them.
_privacy_keys = keys_from_environment(os.environ)
PRIVACY_ENCRYPTION_KEYS = _privacy_keys["PRIVACY_ENCRYPTION_KEYS"]
PRIVACY_HASH_KEY = _privacy_keys["PRIVACY_HASH_KEY"]
PRIVACY_PREVIOUS_HASH_KEY = _privacy_keys["PRIVACY_PREVIOUS_HASH_KEY"]
PRIVACY_REFUSE_PUBLISHED_KEYS = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
# HTTPS only, also when the proxy forgets to redirect; browsers remember it (HSTS) for a year.
# Both can be lowered from the environment while a certificate is being set up.
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() != "false"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True  # subdomains of this site's own host name only
SECURE_HSTS_PRELOAD = False  # entering the browsers' preload list is a decision of its own
SILENCED_SYSTEM_CHECKS = [
    # W021: SECURE_HSTS_PRELOAD is left off on purpose (a preload entry cannot be undone
    # quickly; the unit's network office decides it).
    "security.W021",
]
# Large spreadsheet imports wait in the database for the worker (docs/deployment.md):
# `manage.py db_worker --backend imports --queue-name default`.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "imports": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    "evidence": EVIDENCE_STORAGE,  # noqa: F405
}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
# A copy of every audit entry (one JSON line) for a separate store: AUDIT_LOG_FILE and/or
# AUDIT_SYSLOG_ADDRESS (docs/deployment.md, "Accounts, logins and the audit log").
LOGGING = audit_logging(os.environ, LOGGING)
