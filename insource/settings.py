"""Insource settings: one module, driven by the environment (see .env.example).

`INSOURCE_ENV` is `development` (default), `test` or `production`. In production, `SECRET_KEY`
and `ALLOWED_HOSTS` must be set: startup fails with a message naming the missing variable.
The database is SQLite (WAL mode) unless `DATABASE_URL` points elsewhere (PostgreSQL, psycopg 3).
"""

import hashlib
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent
ENV = os.environ.get("INSOURCE_ENV", "development").strip().lower()
if ENV not in {"development", "test", "production"}:
    raise ImproperlyConfigured(
        f"INSOURCE_ENV={ENV!r} is not known: set it to development, test or production."
    )
IS_PRODUCTION = ENV == "production"


def _required(name: str, hint: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"{name} is not set. In production Insource needs it: {hint} (see .env.example)."
        )
    return value


def _flag(name: str, default: bool) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip() or str(default)
    if not value.isdigit():
        raise ImproperlyConfigured(f"{name}={value!r} must be a whole number, e.g. {default}.")
    return int(value)


def _list(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


if IS_PRODUCTION:
    SECRET_KEY = _required("SECRET_KEY", "a long random string, e.g. from `openssl rand -hex 32`")
    ALLOWED_HOSTS = [
        h.strip()
        for h in _required("ALLOWED_HOSTS", "comma-separated host names").split(",")
        if h.strip()
    ]
else:
    SECRET_KEY = os.environ.get("SECRET_KEY", "insecure-development-key-not-for-production")
    ALLOWED_HOSTS = [
        h.strip()
        for h in os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver").split(",")
        if h.strip()
    ]

# Off unless asked for, in development too: `./dev run` serves the product as a resident sees
# it (its own 404 and 500 pages, never Django's technical pages listing every URL pattern).
DEBUG = _flag("DEBUG", default=False)
if IS_PRODUCTION and DEBUG:
    raise ImproperlyConfigured(
        "DEBUG shows Django's technical pages (settings, URL patterns): it cannot be on in "
        "production."
    )
DATA_DIR = Path(os.environ.get("INSOURCE_DATA_DIR", PROJECT_DIR / "var"))

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_filters",
    "crispy_forms",
    "crispy_forms_gds",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    "corsheaders",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_tasks",
    "django_tasks_db",
    "insource.core",
    "insource.accounts",
    "insource.authorities",
    "insource.register",
    "insource.reviews",
    "insource.transparency",
    "insource.standards",
    "insource.appraisal",
    "insource.wealth",
    "insource.transition",
    "insource.inhouse",
    "insource.sharing",
    "insource.alerts",
    "insource.legal",
    "insource.places",
    "insource.oversight",
    "insource.national",
    "insource.demo",
    "insource.api",
    "insource.home",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "insource.core.middleware.RejectNulMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "insource.accounts.middleware.OTPRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

# django-axes first: it refuses locked-out credentials before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "insource.urls"
WSGI_APPLICATION = "insource.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "insource.core.context_processors.site",
            ],
        },
    },
]


def _database() -> dict:
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        config = dj_database_url.parse(url, conn_max_age=60)
        if config["ENGINE"] == "django.db.backends.sqlite3":
            config.setdefault("OPTIONS", {}).update(_SQLITE_OPTIONS)
        elif config["ENGINE"] == "django.db.backends.postgresql" and ENV == "test":
            # The test suite's PostgreSQL (ADR 0049): emptied by DELETE after each test that
            # commits, and commits not waiting for the disk (a crash loses only test data).
            config["ENGINE"] = "insource.testing.postgresql"
            config.setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"
        return config
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": DATA_DIR / "insource.sqlite3",
        "OPTIONS": dict(_SQLITE_OPTIONS),
    }


_SQLITE_OPTIONS = {
    "init_command": (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        " PRAGMA busy_timeout=5000; PRAGMA cache_size=-64000;"
    ),
    "transaction_mode": "IMMEDIATE",
}

DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if ENV == "test":  # fast hashing for the thousands of users tests make; never elsewhere
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"  # an officer's own work, by role (home/selectors.officer_work)
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "en-gb"
LANGUAGES = [("en-gb", "English"), ("cy", "Cymraeg")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
if not IS_PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if IS_PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not IS_PRODUCTION

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"
# crispy-forms-gds styles only text, email and password inputs: numbers, URLs and files too.
CRISPY_CLASS_CONVERTERS = {
    "numberinput": "govuk-input govuk-input--width-10",
    "urlinput": "govuk-input",
    "fileinput": "govuk-file-upload",
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if IS_PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = _flag("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = _flag("SECURE_HSTS_PRELOAD", default=False)
    SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
    CSRF_TRUSTED_ORIGINS = [f"https://{h}" for h in ALLOWED_HOSTS if not h.startswith(".")]

# Security: sign-in throttling, two-factor, content security policy
# (ADR 0006; variables in .env.example)
AXES_FAILURE_LIMIT = _int("INSOURCE_SIGN_IN_ATTEMPTS", 5)
AXES_COOLOFF_TIME = timedelta(minutes=_int("INSOURCE_SIGN_IN_LOCKOUT_MINUTES", 15))
# Counted per username and address (AXES_FAILURE_LIMIT) and per address across usernames
# (password spraying; a higher limit, as an office shares one address): accounts/throttling.py.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_HANDLER = "insource.accounts.throttling.SignInAttempts"
INSOURCE_SIGN_IN_ATTEMPTS_PER_ADDRESS = _int("INSOURCE_SIGN_IN_ATTEMPTS_PER_ADDRESS", 20)
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False  # no start-up banner on every command; failures are still logged
AXES_LOCKOUT_CALLABLE = "insource.accounts.views.locked_out"
AXES_CLIENT_IP_CALLABLE = "insource.accounts.throttling.client_ip"
INSOURCE_PROXY_COUNT = _int("INSOURCE_PROXY_COUNT", 0)

# Authenticator codes: a few wrong codes in a row, then a wait (accounts/services.otp_verify);
# django-otp's own doubling wait is off, so one mistyped code never stops the right one.
INSOURCE_CODE_ATTEMPTS = _int("INSOURCE_CODE_ATTEMPTS", 5)
INSOURCE_CODE_LOCKOUT_MINUTES = _int("INSOURCE_CODE_LOCKOUT_MINUTES", 5)
OTP_TOTP_THROTTLE_FACTOR = 0
INSOURCE_REQUIRE_2FA = _flag("INSOURCE_REQUIRE_2FA", default=True)
INSOURCE_DEMO_OTP_HINTS = _flag("INSOURCE_DEMO_OTP_HINTS", default=ENV == "development")
if IS_PRODUCTION and INSOURCE_DEMO_OTP_HINTS:
    raise ImproperlyConfigured(
        "INSOURCE_DEMO_OTP_HINTS prints sign-in codes on the page: it cannot be on in production."
    )
# The demo's people (insource/demo/services.py DEMO_PEOPLE; a test keeps the two lists equal)
# get the hint unless overridden.
INSOURCE_DEMO_USERS: list[str] = _list("INSOURCE_DEMO_USERS") or [
    "officer",
    "decider",
    "legal",
    "manager",
    "councillor",
    "auditor",
    "hr",
    "union",
    "counsel",
    "committee",
]
OTP_TOTP_ISSUER = os.environ.get("INSOURCE_SERVICE_NAME", "Insource")
OTP_ADMIN_HIDE_SENSITIVE_DATA = True  # the admin never shows an authenticator key

SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_FAILURE_VIEW = "insource.accounts.views.csrf_failure"

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}

# Shown on every page while the register holds the shipped demonstration data.
INSOURCE_DEMO = _flag("INSOURCE_DEMO", default=not IS_PRODUCTION)
INSOURCE_SERVICE_NAME = os.environ.get("INSOURCE_SERVICE_NAME", "Insource")

# Background tasks (ADR 0031): django-tasks with its database backend, so the embedded SQLite
# default needs nothing else; `insource db_worker` runs them (`./dev run` starts one). Tests run
# tasks at once (the immediate backend) unless a test sets the database backend itself.
INSOURCE_TASKS_BACKEND = os.environ.get("INSOURCE_TASKS_BACKEND", "").strip() or (
    "django_tasks.backends.immediate.ImmediateBackend"
    if ENV == "test"
    else "django_tasks_db.DatabaseBackend"
)
# One queue per kind of work (ADR 0054), so a long import or feed pull never keeps a PDF or an
# alert run waiting: a deployment runs workers per queue (`db_worker --queue-name pdf,alerts`).
INSOURCE_TASK_QUEUES = ["default", "imports", "feeds", "pdf", "alerts", "exports"]
TASKS = {"default": {"BACKEND": INSOURCE_TASKS_BACKEND, "QUEUES": INSOURCE_TASK_QUEUES}}
# Minutes a task of each queue may run before it is taken to have lost its worker (killed,
# restarted): its page then says so, and `insource jobs mark-stale` (cron) marks it failed.
INSOURCE_JOB_TIME_LIMITS = {
    "default": _int("INSOURCE_JOB_MINUTES_DEFAULT", 60),
    "imports": _int("INSOURCE_JOB_MINUTES_IMPORTS", 120),
    "feeds": _int("INSOURCE_JOB_MINUTES_FEEDS", 180),
    "pdf": _int("INSOURCE_JOB_MINUTES_PDF", 15),
    "alerts": _int("INSOURCE_JOB_MINUTES_ALERTS", 60),
    "exports": _int("INSOURCE_JOB_MINUTES_EXPORTS", 30),
}

# Register files uploaded from the browser (ADR 0032): staged under a random name outside the
# web root until imported; never given a URL.
INSOURCE_UPLOAD_DIR = Path(
    os.environ.get("INSOURCE_UPLOAD_DIR", "").strip() or DATA_DIR / "uploads"
)

# Open-data downloads (ADR 0047): the whole-register exports, built in the background after
# each change (debounced: one build for a burst of changes) and served as files from here.
INSOURCE_EXPORTS_DIR = Path(
    os.environ.get("INSOURCE_EXPORTS_DIR", "").strip() or DATA_DIR / "exports"
)
INSOURCE_EXPORTS_AFTER_CHANGES = _flag("INSOURCE_EXPORTS_AFTER_CHANGES", default=ENV != "test")
INSOURCE_EXPORTS_DEBOUNCE_SECONDS = _int("INSOURCE_EXPORTS_DEBOUNCE_SECONDS", 30)

# Evidence uploads
# Officers' evidence files (insource/reviews/uploads.py): stored outside the web root, never
# under STATIC_ROOT and never given a URL; only the officer-only view streams them.
INSOURCE_EVIDENCE_DIR = Path(
    os.environ.get("INSOURCE_EVIDENCE_DIR", "").strip() or DATA_DIR / "evidence"
)
try:
    INSOURCE_EVIDENCE_MAX_BYTES = int(
        os.environ.get("INSOURCE_EVIDENCE_MAX_BYTES", "").strip() or 20 * 1024 * 1024
    )
except ValueError as error:
    raise ImproperlyConfigured(
        "INSOURCE_EVIDENCE_MAX_BYTES must be a whole number of bytes, e.g. 20971520 (20 MB)."
    ) from error

# Email and links: notifications of reviews (console by default; SMTP when EMAIL_HOST is set).
INSOURCE_BASE_URL = os.environ.get("INSOURCE_BASE_URL", "http://127.0.0.1:8000")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _flag("EMAIL_USE_TLS", default=True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "insource@localhost")

# The cache holds the public API's rate-limit counters (ADR 0017), so every worker process
# must share it: the database by default (its table is made by `insource migrate`), Redis when
# REDIS_URL is set (redis://host:6379/0; rediss:// for TLS).
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "insource",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "insource.core.cache.DatabaseCache",
            "LOCATION": "insource_cache",
            "KEY_PREFIX": "insource",
            "OPTIONS": {"MAX_ENTRIES": 100_000, "CULL_FREQUENCY": 4},
        }
    }

# Public pages from memory (ADR 0046): the register search, authority and contract pages and
# the public API's lists are kept in the cache above for anonymous visitors, each with the
# generations of the data it shows (`core/page_cache.py`). Off in tests unless a test turns it
# on. The version names the code: a deployment with new templates or words builds pages anew.
INSOURCE_PAGE_CACHE = _flag("INSOURCE_PAGE_CACHE", default=ENV != "test")


def _page_cache_version() -> str:
    stamp = [os.environ.get("INSOURCE_PAGE_CACHE_VERSION", "")]
    for pattern in ("**/templates/**/*.html", "locale/*/LC_MESSAGES/*.mo"):
        stamp.extend(f"{p.name}:{p.stat().st_mtime_ns}" for p in sorted(BASE_DIR.glob(pattern)))
    return hashlib.sha256("\n".join(stamp).encode()).hexdigest()[:16]


INSOURCE_PAGE_CACHE_VERSION = _page_cache_version()

# APIs (ADR 0010, 0017): the public read-only API and open data at /api/public/v1/ (no sign-in,
# throttled per client address, counted in the shared cache above, open to every origin for
# GET/HEAD/OPTIONS without credentials), and the internal token API at /api/v1/ (no CORS).
CORS_URLS_REGEX = r"^/api/public/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_HEADERS = ["accept", "accept-language", "if-none-match", "if-modified-since"]
CORS_EXPOSE_HEADERS = [
    "ETag",
    "Last-Modified",
    "Content-Disposition",
    "RateLimit-Limit",
    "RateLimit-Remaining",
    "RateLimit-Reset",
    "RateLimit-Policy",
    "Retry-After",
]
CORS_PREFLIGHT_MAX_AGE = 86400
INSOURCE_API_PUBLIC_RATE = os.environ.get("INSOURCE_API_PUBLIC_RATE", "120/minute")
INSOURCE_API_EXPORT_RATE = os.environ.get("INSOURCE_API_EXPORT_RATE", "30/hour")
for _name in ("INSOURCE_API_PUBLIC_RATE", "INSOURCE_API_EXPORT_RATE"):
    _count, _sep, _period = globals()[_name].partition("/")
    if not (_count.isdigit() and _period in {"second", "minute", "hour", "day"}):
        raise ImproperlyConfigured(
            f"{_name}={globals()[_name]!r} is not a rate: write requests/period, "
            "e.g. 120/minute (period: second, minute, hour or day)."
        )
# The OCDS ocid prefix registered with the Open Contracting Partnership: ocids are minted with
# it for contracts whose source gave none. Set it before publishing OCDS anywhere.
INSOURCE_OCID_PREFIX = os.environ.get("INSOURCE_OCID_PREFIX", "insource-unregistered")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.TokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "insource.api.pagination.PagePagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "insource.api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "insource.api.errors.exception_handler",
    "NUM_PROXIES": INSOURCE_PROXY_COUNT,
    "UNICODE_JSON": True,
}
SPECTACULAR_SETTINGS = {
    "TITLE": f"{INSOURCE_SERVICE_NAME} public API",
    "DESCRIPTION": (
        "Read-only open data: the contract register, published decisions and authorities, "
        "with OCDS and CSV exports. No sign-in; requests are rate limited per client."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PUBLIC": True,
    "SERVE_AUTHENTICATION": [],
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SCHEMA_PATH_PREFIX": r"/api/public/v1",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "insource.api.schema.postprocess",
    ],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None, "tryItOutEnabled": True},
}

# Information requests
# (insource/transparency; variables in .env.example). When the portal is the authority's own,
# a request is received when it is submitted, not when its email address is confirmed.
INSOURCE_PORTAL_IS_AUTHORITY_OWN = _flag("INSOURCE_PORTAL_IS_AUTHORITY_OWN", default=True)
INSOURCE_REQUESTS_PER_HOUR = _int("INSOURCE_REQUESTS_PER_HOUR", 5)
INSOURCE_REQUEST_MIN_FILL_SECONDS = _int("INSOURCE_REQUEST_MIN_FILL_SECONDS", 5)
INSOURCE_REQUEST_REMIND_WORKING_DAYS = _int("INSOURCE_REQUEST_REMIND_WORKING_DAYS", 5)
# Alerts (ADR 0037): how many follow requests one address or client may make in an hour, and how
# many days an unconfirmed subscription waits for its link before it is deleted.
INSOURCE_ALERTS_PER_HOUR = _int("INSOURCE_ALERTS_PER_HOUR", 10)
INSOURCE_ALERTS_CONFIRM_DAYS = _int("INSOURCE_ALERTS_CONFIRM_DAYS", 7)

# National feeds (insource/register/feeds; docs/importing.md). The Find a Tender OCDS API's base
# URL, the HTTP timeout in seconds, and how often a 429 answer is waited out before giving up.
INSOURCE_FIND_A_TENDER_URL = os.environ.get(
    "INSOURCE_FIND_A_TENDER_URL", "https://www.find-tender.service.gov.uk/api/1.0"
).rstrip("/")
INSOURCE_FEED_TIMEOUT = _int("INSOURCE_FEED_TIMEOUT", 60)
INSOURCE_FEED_RETRIES = _int("INSOURCE_FEED_RETRIES", 3)
INSOURCE_FEED_LOCK_DIR = Path(os.environ.get("INSOURCE_FEED_LOCK_DIR", DATA_DIR))
