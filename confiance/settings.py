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
]

MIDDLEWARE = [
    "confiance.core.site.RequestOriginMiddleware",
    "django.middleware.security.SecurityMiddleware",
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
                "confiance.core.context_processors.navigation",
            ],
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
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.Person"
# Authentication stays pluggable: an OIDC backend is added to this list, the
# permission layer only ever sees a Person.
AUTHENTICATION_BACKENDS = env_list(
    "AUTHENTICATION_BACKENDS", ["django.contrib.auth.backends.ModelBackend"]
)
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

SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# Django 6 will assume https for scheme-less URLs; opt in now.
FORMS_URLFIELD_ASSUME_HTTPS = True

# How many records a list page shows at once.
PAGE_SIZE = env_int("PAGE_SIZE", 50)

# The review (docs/review.md): days a committee has to give its opinion by default, how many days
# before a deadline `sendreminders` reminds people, and the largest document a dossier accepts.
REVIEW_DEADLINE_DAYS = env_int("REVIEW_DEADLINE_DAYS", 30)
REVIEW_REMINDER_DAYS = env_int("REVIEW_REMINDER_DAYS", 7)
REVIEW_UPLOAD_MAX_MB = env_int("REVIEW_UPLOAD_MAX_MB", 10)

# The library (docs/library.md): meaning-based search, and the feeds a hub harvests ("URL" or "URL|token", comma-separated).
LIBRARY_EMBEDDINGS = env_bool("LIBRARY_EMBEDDINGS", True)
LIBRARY_HUB_SOURCES = env_secret("LIBRARY_HUB_SOURCES", "")

# The public transparency site (docs/public.md).
PUBLIC_PAGE_SIZE = env_int("PUBLIC_PAGE_SIZE", 20)
PUBLIC_CONTACT_EMAIL = env_str("PUBLIC_CONTACT_EMAIL", "")
PUBLIC_REQUESTS_PER_HOUR = env_int("PUBLIC_REQUESTS_PER_HOUR", 5)
EXPLANATION_RETENTION_DAYS = env_int("EXPLANATION_RETENTION_DAYS", 365)
ACCESSIBILITY_AUDIT_DATE = env_str("ACCESSIBILITY_AUDIT_DATE", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
