"""Settings shared by every environment.

Integrations are off unless their environment variable is set: with nothing set the site runs
on SQLite with the database search backend (see docs/deployment.md).
"""

import os
from datetime import timedelta
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
    "vocabularies",  # vocabularies as data, below catalog (issue 17, ADR 023)
    "catalog",
    "sitesettings",  # site settings (issue 17, ADR 022)
    "publishing",
    "commitments",
    "credit",  # the credit register, after commitments (ADR 018)
    "complaints",
    "supervision",
    "search",
    "content",  # content pages on Wagtail's page tree (ADR 019)
    "fixtures",
    "accounts",
    "privacy",  # below every project app but accounts: encrypted personal data (ADR 017)
    "wagtail.contrib.forms",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "permissions.users_app.UsersAppConfig",  # wagtail.users with separated duties
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
    "axes",
    "import_export",
    "django_tasks",
    "django_tasks_db",
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
    "accounts.context.RequestContextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.SessionLimitMiddleware",
    "accounts.middleware.PasswordChangeRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cms.middleware.AdminPreviewFrameMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "permissions.middleware.AdminReportScopeMiddleware",
    # last: turns a locked-out login into the Chinese lockout page
    "axes.middleware.AxesMiddleware",
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
                "sitesettings.context_processors.site_info",
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
    # first: refuses every login attempt while the account name or the address is locked out
    "accounts.backends.LoginLockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]
# No AnonymousUser row: it would appear in Wagtail's user list (DESIGN.md).
ANONYMOUS_USER_NAME = None
GUARDIAN_RAISE_403 = False

# Accounts, logins and the audit log (issue 10, 等保2.0; docs/adr/010-accounts-and-audit.md).
# Passwords: at least 10 characters of 3 classes, not numeric, common, pinyin or a keyboard
# run, not like the user's names; a password set by an administrator is changed at the next
# login; PASSWORD_MAX_AGE_DAYS (0 = never) makes passwords expire.
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "accounts.passwords.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "accounts.passwords.CharacterClassesValidator", "OPTIONS": {"min_classes": 3}},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "accounts.passwords.ChineseWeakPasswordValidator"},
    {"NAME": "accounts.passwords.PasswordLifecycleValidator"},
]
PASSWORD_MAX_AGE_DAYS = int(os.environ.get("PASSWORD_MAX_AGE_DAYS", "0"))
# Sessions end after SESSION_IDLE_TIMEOUT seconds without a request and SESSION_ABSOLUTE_TIMEOUT
# seconds after login (accounts.middleware.SessionLimitMiddleware); logout ends the server-side
# session.
SESSION_IDLE_TIMEOUT = int(os.environ.get("SESSION_IDLE_TIMEOUT_MINUTES", "30")) * 60
SESSION_ABSOLUTE_TIMEOUT = int(os.environ.get("SESSION_ABSOLUTE_TIMEOUT_HOURS", "8")) * 3600
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_TIMEOUT
# Login lockout (django-axes): LOGIN_FAILURE_LIMIT failures of one account name, or from one
# client address, lock it for LOGIN_LOCKOUT_MINUTES after the last attempt; failures older than
# that are forgotten. Unlock: admin 设置 → 登录锁定, or `manage.py axes_reset_username NAME`.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = False  # a success from one address must not clear another's failures
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "accounts.network.client_ip"
AXES_DISABLE_ACCESS_LOG = True  # logins and logouts are in the audit log
AXES_ENABLE_ADMIN = False
# Behind a reverse proxy: how many proxies append to X-Forwarded-For (0 = use REMOTE_ADDR).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# Audit log: kept at least AUDIT_RETENTION_DAYS (never below 183); `manage.py purge_audit_log`
# refuses younger entries. AUDIT_DB_GUARD installs triggers refusing UPDATE/DELETE/TRUNCATE.
AUDIT_RETENTION_DAYS = int(os.environ.get("AUDIT_RETENTION_DAYS", "183"))
AUDIT_DB_GUARD = True

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
# Verification evidence (核查证据) holds personal data: never under MEDIA_ROOT (served by the web
# server), only through the admin view that checks the department and logs every view.
EVIDENCE_ROOT = Path(os.environ.get("EVIDENCE_ROOT", BASE_DIR / "private" / "evidence"))
EVIDENCE_STORAGE = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": EVIDENCE_ROOT, "base_url": None},
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "evidence": EVIDENCE_STORAGE,
}

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

# Background tasks (Django's task framework, the django-tasks backport that Wagtail uses;
# docs/adr/010-background-jobs.md). Wagtail's own tasks run at once, in the request, as before.
# Large spreadsheet imports go to the "imports" backend: run at once here (development, tests),
# queued in the database for `manage.py db_worker --backend imports` in production.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "imports": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
# A confirmed import of more data rows than this runs as a background job with a progress page
# (all rows or none, as in the request); smaller ones are written in the request.
SPREADSHEET_BACKGROUND_ROWS = int(os.environ.get("SPREADSHEET_BACKGROUND_ROWS", "2000"))

# Wagtail
WAGTAIL_SITE_NAME = "证明事项告知承诺制管理平台"  # neutral: the admin names the site from 网站信息
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
