"""Production: PostgreSQL (DATABASE_URL), optional Redis cache (CACHE_URL), strict security.

Refuses to start with the development secret key, and (in cms/wsgi.py, via
permissions.startup) while any demo account still has its published demo password.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SECRET_KEY

DEBUG = False
if SECRET_KEY.startswith("dev-only") or len(SECRET_KEY) < 40:
    raise ImproperlyConfigured("生产环境必须通过环境变量 SECRET_KEY 设置至少 40 位的随机密钥。")
if not os.environ.get("DATABASE_URL"):
    raise ImproperlyConfigured("生产环境必须设置 DATABASE_URL（PostgreSQL）。")

REFUSE_DEMO_ACCOUNTS = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "SAMEORIGIN"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
