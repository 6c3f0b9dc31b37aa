"""Tremplin's settings: everything comes from environment variables (see docs/environment.md).

Production differs from the demo only by the environment. With DEBUG off the platform refuses
to start without a secret, its host names, an e-mail server and a territory.
"""

from __future__ import annotations

import secrets
from pathlib import Path

import dj_database_url
import dj_email_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from tremplin.core.territory_spec import TerritorySpecError, parse_territory_spec
from tremplin.env import Env, missing_production_settings

env = Env()

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent.parent
VAR_DIR = Path(env.str("TREMPLIN_VAR_DIR", str(PROJECT_DIR / "var"))).resolve()

DEBUG = env.bool("DEBUG", False)

if not DEBUG:
    missing = missing_production_settings(env)
    if missing:
        raise ImproperlyConfigured(
            "Tremplin refuses to start without "
            + ", ".join(missing)
            + " (DEBUG is off). Set them in the environment (see docs/environment.md), "
            "or run `make demo`, which supplies demo values."
        )


def _debug_secret_key() -> str:
    """A per-checkout secret for DEBUG runs, generated once under var/ and never committed."""
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = env.str("SECRET_KEY") or _debug_secret_key()
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS")
# The public address, for links in e-mails sent by background tasks (no request to ask).
SITE_URL = (
    env.str("SITE_URL")
    or (f"https://{ALLOWED_HOSTS[0]}" if ALLOWED_HOSTS and not DEBUG else "http://127.0.0.1:8000")
).rstrip("/")

try:
    TREMPLIN_TERRITORY = parse_territory_spec(env.str("TREMPLIN_TERRITORY", "region:84"))
except TerritorySpecError as exc:
    raise ImproperlyConfigured(f"TREMPLIN_TERRITORY: {exc}") from exc

# --- Applications -------------------------------------------------------------------------
INSTALLED_APPS = [
    # Ours first, so that our templates override those of allauth and the admin.
    "tremplin.core",
    "tremplin.accounts",
    "tremplin.jobs",
    "tremplin.learning",
    "tremplin.diagnostic",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.forms",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_htmx",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "ninja",  # serves the API docs' assets itself (no CDN)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "tremplin.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "tremplin.accounts.middleware.SecondFactorRequiredMiddleware",
]

ROOT_URLCONF = "tremplin.urls"
WSGI_APPLICATION = "tremplin.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tremplin.core.context_processors.site",
            ],
            # {% url %} with names that take no argument reversed once per process.
            "builtins": ["tremplin.core.templatetags.plain_urls"],
        },
    },
]
FORM_RENDERER = "tremplin.core.forms.FormRenderer"

# --- Data ---------------------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        env.str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'tremplin.sqlite3'}"),
        conn_max_age=env.int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Web workers, the task worker and the scheduler share one file: wait for locks instead of
    # failing, take the write lock at BEGIN (no deadlock on upgrade), and let readers go on
    # while a writer works (WAL).
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A shared cache, so that login throttling counts failures across every web worker.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "tremplin_cache",
    }
}

TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

# --- Accounts -----------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:myspace"
ACCOUNT_LOGOUT_REDIRECT_URL = "core:home"

ACCOUNT_ADAPTER = "tremplin.accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {
    "signup": "tremplin.accounts.forms.SignupForm",
    "login": "tremplin.accounts.forms.LoginForm",
}
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = 3
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_RATE_LIMITS = {
    # Per address and per account: a burst from one address, or a slow attack on one account
    # from many addresses, are both stopped.
    "login_failed": env.str("LOGIN_FAILURES_LIMIT", "20/15m/ip,5/15m/key"),
    "signup": "20/h/ip",
    "reset_password": "20/h/ip,5/h/key",
    "confirm_email": "1/3m/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env.str("MFA_TOTP_ISSUER", "Tremplin")

SESSION_COOKIE_AGE = 60 * 60 * 24 * 14
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# --- E-mail -------------------------------------------------------------------------------
_email = dj_email_url.parse(env.str("EMAIL_URL", "console://"))
EMAIL_DELIVERY_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email["EMAIL_HOST"]
EMAIL_PORT = _email["EMAIL_PORT"]
EMAIL_HOST_USER = _email["EMAIL_HOST_USER"]
EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"]
EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
EMAIL_TIMEOUT = _email.get("EMAIL_TIMEOUT") or 20
# Mail leaves through the task worker: a slow or broken SMTP server never blocks a page.
EMAIL_BACKEND = "tremplin.core.mail.QueuedEmailBackend"
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", "Tremplin <ne-pas-repondre@tremplin.invalid>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Internationalisation -----------------------------------------------------------------
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = env.str("TIME_ZONE", "Europe/Paris")
USE_I18N = True
USE_TZ = True

# --- Static files and uploads -------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", str(VAR_DIR / "media")))
# Files only some people may download (CVs, unpublished videos): never under MEDIA_URL.
PROTECTED_MEDIA_ROOT = Path(env.str("PROTECTED_MEDIA_ROOT", str(VAR_DIR / "protected")))
# In production nginx streams protected files after Django checked the permission.
X_ACCEL_REDIRECT = env.bool("X_ACCEL_REDIRECT", False)
SEARCH_INDEX_DIR = Path(env.str("SEARCH_INDEX_DIR", str(VAR_DIR / "search")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
FILE_UPLOAD_PERMISSIONS = 0o640
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Security -----------------------------------------------------------------------------
HTTPS = env.bool("HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env.int("HSTS_SECONDS", 31_536_000) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if env.bool("TRUST_X_FORWARDED_PROTO", False):
    # Only behind a reverse proxy (nginx) that sets X-Forwarded-Proto and X-Real-IP itself
    # (docs/deployment.md). Without the client address, every rate limit (login failures, API,
    # reports) would count the proxy's address for everyone.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    ALLAUTH_TRUSTED_CLIENT_IP_HEADER = "X-Real-IP"
    RATELIMIT_IP_META_KEY = "HTTP_X_REAL_IP"
    NINJA_NUM_PROXIES = 1
else:
    # Served directly: the API's throttle must count the connection's address, never a
    # client-supplied X-Forwarded-For (ninja's default reads it when this is None).
    NINJA_NUM_PROXIES = 0
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

MAP_TILES_URL = env.str("MAP_TILES_URL")
VIDEO_HOSTS = env.list("VIDEO_HOSTS")
FRAME_ANCESTORS = env.list("FRAME_ANCESTORS")


def _origin(url: str) -> str:
    """The scheme://host[:port] part of a URL template such as a tile server's."""
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}" if rest else url


CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"] + ([_origin(MAP_TILES_URL)] if MAP_TILES_URL else []),
        "font-src": [SELF],
        "connect-src": [SELF],
        "media-src": [SELF],
        "frame-src": [_origin(host) for host in VIDEO_HOSTS] or [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "geolocation": ["self"],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
}

# --- Logs ---------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# --- Tremplin -----------------------------------------------------------------------------
TREMPLIN_SOURCE_URL = env.str("SOURCE_URL", "")
# How long personal data is kept; each value is used by a periodic purge and shown in the
# public register of processings.
TREMPLIN_RETENTION_DAYS = {
    "unconfirmed_account": env.int("RETENTION_UNCONFIRMED_ACCOUNT_DAYS", 7),
    "inactive_account": env.int("RETENTION_INACTIVE_ACCOUNT_DAYS", 3 * 365),
    "access_journal": env.int("RETENTION_ACCESS_JOURNAL_DAYS", 365),
    "invitation": env.int("RETENTION_INVITATION_DAYS", 14),
    "ended_follow": env.int("RETENTION_ENDED_FOLLOW_DAYS", 365),
    "webinar_registration": env.int("RETENTION_WEBINAR_REGISTRATION_DAYS", 365),
}
# The apps' own retention periods (their defaults and reasons: jobs/publishing/conf.py,
# diagnostic/conf.py), set from the environment like the others.
JOBS_RETENTION_NOT_HIRED_DAYS = env.int("RETENTION_APPLICATION_NOT_HIRED_DAYS", 90)
JOBS_RETENTION_HIRED_DAYS = env.int("RETENTION_APPLICATION_HIRED_DAYS", 90)
JOBS_RETENTION_POOL_DAYS = env.int("RETENTION_APPLICATION_POOL_DAYS", 730)
JOBS_RETENTION_REPORT_DAYS = env.int("RETENTION_OFFER_REPORT_DAYS", 90)
DIAGNOSTIC_ANONYMOUS_RETENTION_DAYS = env.int("RETENTION_DIAGNOSTIC_LINK_DAYS", 365)
DIAGNOSTIC_DRAFT_RETENTION_DAYS = env.int("RETENTION_DIAGNOSTIC_DRAFT_DAYS", 30)
