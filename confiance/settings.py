"""Django settings for Confiance.

Every setting that differs between a laptop and a production server is read from
the environment (see docs/settings.md); the defaults are those of the demo that
`make run` starts.
"""

from pathlib import Path

import dj_database_url

from confiance.env import env_bool, env_int, env_list, env_secret, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("CONFIANCE_VAR_DIR", str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("DEBUG", False)
# The demo key is only ever used when SECRET_KEY is unset, which the
# deployment guide forbids (checks.py raises confiance.E001 when DEBUG is off).
SECRET_KEY = env_secret("SECRET_KEY", "confiance-demo-key-not-for-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("SITE_URL", "")  # empty: absolute URLs take the request's address (confiance.core.site)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "simple_history",
    "axes",
    "csp",
    "confiance.core",
    "confiance.accounts",
    "confiance.register",
    "confiance.checks",
    "confiance.api",
    "confiance.portability",
    "confiance.demo",
    "confiance.review",
    "confiance.library",
    "confiance.public",
    "django_tasks",
    "django_tasks_db",
    "confiance.jobs",
    "confiance.catalogue",
    "confiance.audits",
]

MIDDLEWARE = [
    "confiance.core.site.RequestOriginMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "confiance.accounts.csp.CSPMiddlewareWithProvider",  # django-csp's; before the page cache, so cached pages carry the policy too
    "confiance.core.middleware.RejectNullCharactersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "confiance.public.cache.CachedPublicPageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

ROOT_URLCONF = "confiance.urls"
WSGI_APPLICATION = "confiance.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "confiance" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "confiance.review.context_processors.unread_notifications",
                "confiance.checks.context_processors.dpo_organisations",
                "confiance.core.context_processors.navigation",
            ],
            "builtins": ["confiance.core.templatetags.plurals"],
        },
    },
]

# SQLite is the embedded default; DATABASE_URL selects PostgreSQL
# (postgres://user:password@host:5432/name).
DATABASES = {
    "default": dj_database_url.parse(
        env_secret("DATABASE_URL", f"sqlite:///{VAR_DIR / 'confiance.sqlite3'}"),
        conn_max_age=env_int("CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})
    # WAL lets the site read while a long import writes.
    DATABASES["default"]["OPTIONS"]["init_command"] = "PRAGMA journal_mode=WAL;"
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
    # A writer waits this long for another's transaction instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"]["timeout"] = env_int("SQLITE_BUSY_TIMEOUT", 30)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.Person"
# Authentication stays pluggable: an OIDC backend is added to this list, the
# permission layer only ever sees a Person.
AUTHENTICATION_BACKENDS = ["confiance.accounts.throttling.ThrottledBackend"] + env_list(
    "AUTHENTICATION_BACKENDS", ["django.contrib.auth.backends.ModelBackend"]
)
# Login throttling (django-axes, docs/settings.md): after LOGIN_FAILURE_LIMIT wrong passwords for one
# account, or from one address, logins from there wait LOGIN_COOLOFF_MINUTES; the admin shows the locks.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("LOGIN_COOLOFF_MINUTES", 15) / 60  # hours, as django-axes reads it
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_LOCKOUT_TEMPLATE = "registration/locked.html"
AXES_RESET_ON_SUCCESS = True
AXES_IPWARE_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
# Sign-in through ProConnect (OpenID Connect; confiance/accounts/oidc.py, docs/deploy.md): on when
# OIDC_DISCOVERY_URL and OIDC_CLIENT_ID are set. LOCAL_ACCOUNTS=False leaves ProConnect as the only way in.
OIDC_DISCOVERY_URL = env_str("OIDC_DISCOVERY_URL", "")
OIDC_CLIENT_ID = env_str("OIDC_CLIENT_ID", "")
OIDC_CLIENT_SECRET = env_secret("OIDC_CLIENT_SECRET", "")
OIDC_SCOPES = env_str("OIDC_SCOPES", "openid email given_name usual_name siret uid")
OIDC_ACR_VALUES = env_str("OIDC_ACR_VALUES", "")
OIDC_PROVIDER_NAME = env_str("OIDC_PROVIDER_NAME", "ProConnect")
LOCAL_ACCOUNTS = env_bool("LOCAL_ACCOUNTS", True)
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"  # the person's "À faire"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = env_str("TIME_ZONE", "Europe/Paris")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise serves from the finders; it only wants the folder
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "media/"
WHITENOISE_USE_FINDERS = True

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_secret("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "confiance@localhost")

# Cookies only travel over HTTPS, and browsers keep to HTTPS (HSTS), unless DEBUG is on.
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy on every page (django-csp 4): nothing but this site's own files; no inline
# script or style, no third-party request, no framing. Forms may also lead to the configured OIDC
# provider's origin (confiance.accounts.csp: sign-in and sign-out redirect there).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# Django 6 will assume https for scheme-less URLs; opt in now.
FORMS_URLFIELD_ASSUME_HTTPS = True

# Bad input and large forms (docs/settings.md): the largest request body a page may send, and the
# longest text a record's free-text field takes (said next to the field).
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MB", 10) * 1024 * 1024
# Rows a long import (restore, spreadsheets, DCAT) writes per transaction, so others can write between two.
IMPORT_BATCH_SIZE = env_int("IMPORT_BATCH_SIZE", 200)
TEXT_FIELD_MAX_CHARS = env_int("TEXT_FIELD_MAX_CHARS", 50_000)

# How many records a list page shows at once.
PAGE_SIZE = env_int("PAGE_SIZE", 50)

# The review (docs/review.md): days a committee has to give its opinion by default, how many days
# before a deadline `sendreminders` reminds people, and the largest document a dossier accepts.
REVIEW_DEADLINE_DAYS = env_int("REVIEW_DEADLINE_DAYS", 30)
REVIEW_REMINDER_DAYS = env_int("REVIEW_REMINDER_DAYS", 7)
REVIEW_UPLOAD_MAX_MB = env_int("REVIEW_UPLOAD_MAX_MB", 10)

# The library (docs/library.md): meaning-based search, and the feeds a hub harvests ("URL" or "URL|token", comma-separated).
LIBRARY_EMBEDDINGS = env_bool("LIBRARY_EMBEDDINGS", True)
# Where the memory-mapped vector index of meaning-based search is written (decision 0018).
LIBRARY_VECTOR_DIR = env_str("LIBRARY_VECTOR_DIR", str(VAR_DIR / "library-vectors"))
LIBRARY_HUB_SOURCES = env_secret("LIBRARY_HUB_SOURCES", "")
# Deprecated alias of OUTBOUND_ALLOWED_NETWORKS (core.weblinks reads both).
LIBRARY_HARVEST_ALLOWED_NETWORKS = env_list("LIBRARY_HARVEST_ALLOWED_NETWORKS", [])
# Networks any outbound fetch (library harvests, catalogue imports and harvests) may reach although they are
# private, loopback or link-local (CIDRs, comma-separated); by default only public http(s) addresses.
OUTBOUND_ALLOWED_NETWORKS = env_list("OUTBOUND_ALLOWED_NETWORKS", [])

# The public transparency site (docs/public.md).
PUBLIC_PAGE_SIZE = env_int("PUBLIC_PAGE_SIZE", 20)
PUBLIC_CONTACT_EMAIL = env_str("PUBLIC_CONTACT_EMAIL", "")
PUBLIC_REQUESTS_PER_HOUR = env_int("PUBLIC_REQUESTS_PER_HOUR", 5)
EXPLANATION_RETENTION_DAYS = env_int("EXPLANATION_RETENTION_DAYS", 365)
ACCESSIBILITY_AUDIT_DATE = env_str("ACCESSIBILITY_AUDIT_DATE", "")
# Audits (docs/audits.md): the largest data file a bias audit reads, and DuckDB's memory limit while it does.
AUDIT_MAX_FILE_MB = env_int("AUDIT_MAX_FILE_MB", 20 * 1024)
AUDIT_MEMORY_LIMIT = env_str("AUDIT_MEMORY_LIMIT", "1GB")

# The data catalogue (docs/catalogue.md): what a harvest or an import may fetch and read.
CATALOGUE_ALLOW_PRIVATE_URLS = env_bool("CATALOGUE_ALLOW_PRIVATE_URLS", False)  # deprecated: OUTBOUND_ALLOWED_NETWORKS
CATALOGUE_MAX_DOWNLOAD_MB = env_int("CATALOGUE_MAX_DOWNLOAD_MB", 200)
CATALOGUE_FETCH_TIMEOUT = env_int("CATALOGUE_FETCH_TIMEOUT", 30)

# The one background runner (docs/architecture.md, decision 0009): Django's tasks framework
# (django-tasks backport) on its database backend; `db_worker` runs the tasks (`make run` starts it).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# The worker's own schedule ("command=cron; ..."; confiance/jobs/schedule.py) and how many times a task
# whose worker died (no heartbeat for a minute) is put back in the queue before it is marked failed.
JOBS_SCHEDULE = env_str("JOBS_SCHEDULE", "")
JOBS_KILLED_RETRIES = env_int("JOBS_KILLED_RETRIES", 1)
JOBS_WORKER_TIMEOUT = env_int("JOBS_WORKER_TIMEOUT", 60)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
# Operations (docs/deploy.md): one JSON object per log line for a log collector, and the task
# queue lag past which /sante/ says "degraded".
LOG_FORMAT = env_str("LOG_FORMAT", "text")
if LOG_FORMAT == "json":
    LOGGING["formatters"] = {"json": {
        "()": "pythonjsonlogger.json.JsonFormatter",
        "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(process)d",
        "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
    }}
    LOGGING["handlers"]["console"]["formatter"] = "json"
elif LOG_FORMAT != "text":
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(f"LOG_FORMAT must be text or json, not {LOG_FORMAT!r}")
HEALTH_TASK_LAG_SECONDS = env_int("HEALTH_TASK_LAG_SECONDS", 300)
