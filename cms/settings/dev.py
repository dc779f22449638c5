"""Local development: `make run`."""

from .base import *  # noqa: F403

DEBUG = True
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = BASE_DIR / "var" / "mail"  # noqa: F405
WHITENOISE_AUTOREFRESH = True
# Personal data at rest (ADR 017): fixed, published, non-secret keys; production refuses them.
PRIVACY_ENCRYPTION_KEYS = ["ZGV2LW9ubHktcHJpdmFjeS1rZXktbm90LXNlY3JldCE="]
PRIVACY_HASH_KEY = "dev-only-privacy-hash-key-not-secret-0123456789"
