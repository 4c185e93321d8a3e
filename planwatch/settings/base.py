"""Settings shared by every environment; each value can come from the environment.

Development (`planwatch.settings.dev`) and production (`planwatch.settings.production`)
only say what differs.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, SELF

BASE_DIR = Path(__file__).resolve().parents[2]
DATA_DIR = Path(os.environ.get("PLANWATCH_DATA_DIR", BASE_DIR / "var")).resolve()
NODE_MODULES = Path(os.environ.get("PLANWATCH_NODE_MODULES", BASE_DIR / "node_modules"))
GOVUK_FRONTEND_DIST = NODE_MODULES / "govuk-frontend" / "dist" / "govuk"
# The embedded SQLite database and uploads live here; make it so a fresh clone just runs.
DATA_DIR.mkdir(parents=True, exist_ok=True)


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "govuk_frontend_django",
    "axes",
    "csp",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "planwatch.accounts",
    "planwatch.plans",
    "planwatch.imports",
    "planwatch.updates",
    "planwatch.changes",
    "planwatch.evidence",
    "planwatch.audit",
    "planwatch.reports",
    "planwatch.dashboards",
    "planwatch.traceability",
    "planwatch.risks",
    "planwatch.assurance",
    "planwatch.charters",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Figures count submitted updates for the PMO, accepted ones only for everyone else.
    "planwatch.plans.middleware.FiguresAudienceMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Records who made each change in the audit trail.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, so a locked-out login never reaches the view.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "planwatch.urls"
WSGI_APPLICATION = "planwatch.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [Path(__file__).resolve().parents[1] / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'planwatch.sqlite3'}",
        conn_max_age=int(os.environ.get("PLANWATCH_DB_CONN_MAX_AGE", "0")),
        # A kept connection the database has dropped is replaced, not handed to a request.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the background worker write the same file: WAL lets pages read
    # while the worker imports, and IMMEDIATE takes the write lock up front so a busy
    # writer waits its turn instead of failing mid-transaction.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's JIT compiles a query once its estimated cost is high, which the reports'
    # correlated look-ups on a large plan reach: the compile took 0.59 s of a 0.62 s query
    # that runs in 35 ms without it (bench/report_bench.py). Every query here is short.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # Axes first, so locked-out credentials are refused before they are checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "plans:overview"
LOGOUT_REDIRECT_URL = "login"

# Five wrong passwords for one username from one address lock it for an hour.
AXES_FAILURE_LIMIT = int(os.environ.get("PLANWATCH_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("PLANWATCH_STATIC_ROOT", DATA_DIR / "staticfiles"))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [("govuk-frontend", NODE_MODULES / "govuk-frontend")]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# GOV.UK Frontend's stylesheet asks for its fonts and images at /assets/ on the site root.
WHITENOISE_ROOT = GOVUK_FRONTEND_DIST if GOVUK_FRONTEND_DIST.is_dir() else None
MEDIA_ROOT = DATA_DIR / "media"
# Evidence files are served only through a permission-checked view, never from MEDIA_URL.
PLANWATCH_EVIDENCE_MAX_BYTES = int(os.environ.get("PLANWATCH_EVIDENCE_MAX_BYTES", 10 * 1024 * 1024))
# Long jobs (tracker imports) run in one background worker, `planwatch db_worker`, which takes
# them from the database: no broker to run, and it works the same on SQLite and PostgreSQL.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# Bounds on a tracker file, from the command line or uploaded, so a hostile or broken file is
# refused in seconds with one line naming the bound (docs/imports.md). The council's real
# workbook is about 70 KB, 16 columns and 80 rows a sheet; a synthetic 10,000-action, 36-month
# tracker is 5.7 MB, unpacks to 73 MB (largest part 19 MB) and has 2,565 rows and 84 columns on
# its largest sheet. Columns: 12 static ones plus two or three a month, so 400 holds ten years
# of months (12 + 3 x 120 = 372) and still refuses the thousands-of-columns files.
PLANWATCH_IMPORT_MAX_UPLOAD_BYTES = int(
    os.environ.get("PLANWATCH_IMPORT_MAX_UPLOAD_BYTES", 20 * 1024 * 1024)
)
PLANWATCH_IMPORT_MAX_PART_BYTES = int(
    os.environ.get("PLANWATCH_IMPORT_MAX_PART_BYTES", 200 * 1024 * 1024)
)
PLANWATCH_IMPORT_MAX_UNPACKED_BYTES = int(
    os.environ.get("PLANWATCH_IMPORT_MAX_UNPACKED_BYTES", 400 * 1024 * 1024)
)
PLANWATCH_IMPORT_MAX_ROWS = int(os.environ.get("PLANWATCH_IMPORT_MAX_ROWS", "20000"))
PLANWATCH_IMPORT_MAX_COLUMNS = int(os.environ.get("PLANWATCH_IMPORT_MAX_COLUMNS", "400"))

# The monthly cycle's reminder e-mails: N days before the deadline, and N days after it.
PLANWATCH_REMINDER_DAYS_BEFORE = int(os.environ.get("PLANWATCH_REMINDER_DAYS_BEFORE", "3"))
PLANWATCH_REMINDER_DAYS_AFTER = int(os.environ.get("PLANWATCH_REMINDER_DAYS_AFTER", "2"))
PLANWATCH_SITE_URL = os.environ.get("PLANWATCH_SITE_URL", "http://127.0.0.1:8000")
DEFAULT_FROM_EMAIL = os.environ.get("PLANWATCH_FROM_EMAIL", "planwatch@localhost")

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": ["'none'"],
        "base-uri": [SELF],
    }
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 8
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("PLANWATCH_LOG_LEVEL", "WARNING")},
}
