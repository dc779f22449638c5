"""Settings shared by every environment.

Integrations are off unless their environment variable is set: with nothing set the site runs
on SQLite with the database search backend (see docs/deployment.md).
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE

BASE_DIR = Path(__file__).resolve().parent.parent.parent

SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]

INSTALLED_APPS = [
    # project apps first so their templates override Wagtail's
    "cms",
    "catalog",
    "publishing",
    "search",
    "fixtures",
    "wagtail.contrib.forms",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "guardian",
    "simple_history",
    "import_export",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # last: its post_migrate sets up roles after every app has created its permissions
    "permissions",
]

MIDDLEWARE = [
    # outermost: a database that refuses writes or cannot be reached gives a maintenance page
    "cms.middleware.DatabaseUnavailableMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "cms.middleware.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cms.middleware.AdminPreviewFrameMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "permissions.middleware.AdminReportScopeMiddleware",
]

# Security headers (issue 10; docs/deployment.md "Security headers"). No page may be framed
# except the admin's previews (cms.middleware.AdminPreviewFrameMiddleware). The public site and the
# sign-in page run without inline script or style; the rest of the admin needs Wagtail's
# allowances (inline scripts of its panels and widgets, inline styles, blob: images).
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
ADMIN_CSP_ALLOWANCES = {
    "script-src": [UNSAFE_INLINE],
    "style-src": [UNSAFE_INLINE],
    "img-src": ["blob:"],
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

ROOT_URLCONF = "cms.urls"
# A form sent with a missing or stale CSRF token gets a Chinese page (the other errors:
# handler400/403/404/500 in cms/urls.py).
CSRF_FAILURE_VIEW = "cms.error_views.csrf_failure"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "cms" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cms.context_processors.site_contact",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
        # a persistent connection the server has dropped is replaced, not handed to a request
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]
# No AnonymousUser row: it would appear in Wagtail's user list (DESIGN.md).
ANONYMOUS_USER_NAME = None
GUARDIAN_RAISE_403 = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
# The project's own zh_Hans catalog: what Wagtail's lacks or words wrongly for this system
# (server side and admin JavaScript; it takes precedence over every app's catalog).
LOCALE_PATHS = [BASE_DIR / "cms" / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["CACHE_URL"],
        }
        if os.environ.get("CACHE_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# Wagtail
WAGTAIL_SITE_NAME = "阿右旗证明事项告知承诺制"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("zh-hans", "简体中文")]
WAGTAIL_CONTENT_LANGUAGES = [("zh-hans", "简体中文")]
# An edit made during review must be reviewed again (issue 2, DESIGN.md).
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH = True
# Approval publishes exactly the revision that was reviewed, never a later draft.
WAGTAIL_FINISH_WORKFLOW_ACTION = "publishing.workflows.publish_reviewed_revision"
WAGTAIL_MODERATION_ENABLED = True
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_COMMENTS_ENABLED = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no requests to outside hosts from the admin
# Every time in the admin is Beijing time: no per-user time zone (and no list of 600 English
# zone names on the account page, whose locale panel disappears with a single choice).
WAGTAIL_USER_TIME_ZONES = ["Asia/Shanghai"]

LOGIN_URL = "wagtailadmin_login"

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# Demo accounts whose passwords are printed in the README; production refuses to start with them.
DEMO_PASSWORD = "demo-pass-2026"  # noqa: S105 (public on purpose)

# Public search (issue 3, docs/adr/007-search.md): the database's own full-text index unless
# ELASTICSEARCH_URL is set. The database index is kept in both cases (fallback and record).
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
SEARCH_BACKEND = os.environ.get("SEARCH_BACKEND") or (
    "elasticsearch" if ELASTICSEARCH_URL else "database"
)
SEARCH_ELASTICSEARCH_INDEX = os.environ.get("ELASTICSEARCH_INDEX", "catalog-items")
SEARCH_ELASTICSEARCH_REPLICAS = int(os.environ.get("ELASTICSEARCH_REPLICAS", "1"))
SEARCH_ELASTICSEARCH_TIMEOUT = float(os.environ.get("ELASTICSEARCH_TIMEOUT", "5"))
# The department whose contacts the search page gives when nothing is found.
SEARCH_CONTACT_DEPARTMENT = "司法局"
