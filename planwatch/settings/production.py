"""Production: everything secret or site-specific must come from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = False
# Each gunicorn worker keeps its connection between requests (health-checked on reuse): in
# bench/burst_bench.py this served 30 requests/s against 23 for a new connection per request
# and 23 for psycopg's pool, without the pool's extra dependency.
DATABASES["default"]["CONN_MAX_AGE"] = int(  # noqa: F405
    os.environ.get("PLANWATCH_DB_CONN_MAX_AGE", "600")
)
try:
    SECRET_KEY = os.environ["PLANWATCH_SECRET_KEY"]
except KeyError:
    raise ImproperlyConfigured(
        "PLANWATCH_SECRET_KEY is not set: production needs a long random secret key."
    ) from None
ALLOWED_HOSTS = env_list("PLANWATCH_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("PLANWATCH_CSRF_TRUSTED_ORIGINS")

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
# Behind a TLS-terminating proxy, trust its header rather than redirect in a loop.
if env_bool("PLANWATCH_BEHIND_TLS_PROXY", True):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("PLANWATCH_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("PLANWATCH_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# gov.uk is already on the browsers' preload list; a council on another domain can opt out.
SECURE_HSTS_PRELOAD = env_bool("PLANWATCH_HSTS_PRELOAD", True)
EMAIL_BACKEND = os.environ.get(
    "PLANWATCH_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
